package io.pikos.samples;

import java.util.List;

/** A little woven code for the samples to monitor: a few methods, a loop and calls into the JDK. */
final class Work {

    private Work() {
    }

    static int sumOfSquares(List<Integer> values) {
        int sum = 0;
        for (int value : values) {
            sum += square(value);
        }
        return sum;
    }

    static int square(int value) {
        return value * value;
    }
}
