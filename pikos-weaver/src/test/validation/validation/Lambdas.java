package validation;

import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;

/** Lambdas: one-line and block bodies (javac's synthetic lambda$ methods), a method reference, an anonymous class. */
public class Lambdas {
    public static int run() {
        IntUnaryOperator inc = x -> x + 1;                //@ 1 8 10
        IntUnaryOperator twice = x -> {                   //@ 2
            int y = x * 2;                                //@ 11
            return y;                                     //@ 12
        };
        Supplier<String> ref = Lambdas::name;             //@ 3
        Runnable anonymous = new Runnable() {             //@ 4 5
            @Override
            public void run() {
                inc.applyAsInt(0);                        //@ 7
            }
        };
        anonymous.run();                                  //@ 6
        return inc.applyAsInt(1) + twice.applyAsInt(2) + ref.get().length();  //@ 9
    }

    static String name() {
        return "lambdas";                                 //@ 13
    }
}
