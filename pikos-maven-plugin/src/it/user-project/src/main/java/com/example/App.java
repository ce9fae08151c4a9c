package com.example;

import io.pikos.annotations.MonitorKind;
import io.pikos.annotations.Monitored;
import io.pikos.annotations.Recording;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/** A small application: a serializable value, a lambda, a JDK call, and one {@code @Monitored} method. */
public class App {

    /** Serializable without a serialVersionUID: weaving must not change the default one. */
    public static class Order implements Serializable {
        private final List<Integer> amounts = new ArrayList<>();
        private int discount;

        void add(int amount) {
            amounts.add(amount);
        }

        int total() {
            IntUnaryOperator discounted = a -> a - discount;
            int total = 0;
            for (int amount : amounts) {
                total += discounted.applyAsInt(amount);
            }
            return total;
        }
    }

    @Monitored(monitor = MonitorKind.FUNCTIONS, recording = Recording.CSV, output = "orders.csv")
    static int checkout(int items) {
        Order order = new Order();
        for (int i = 1; i <= items; i++) {
            order.add(square(i));
        }
        return order.total();
    }

    static int square(int x) {
        return Math.multiplyExact(x, x);
    }

    public static void main(String[] args) {
        System.out.println("total " + checkout(2));
    }
}
