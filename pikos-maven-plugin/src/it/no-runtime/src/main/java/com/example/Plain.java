package com.example;

public class Plain {
    public static void main(String[] args) {
        System.out.println("plain");
    }
}
