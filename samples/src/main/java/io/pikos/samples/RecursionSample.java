package io.pikos.samples;

import io.pikos.monitors.FocusedFunctionMonitor;
import io.pikos.monitors.Monitor;

import static io.pikos.api.Pikos.screen;

/** Recursion under a focused monitor: every level of {@code factorial} is in focus, the caller is not. */
public final class RecursionSample {

    private RecursionSample() {
    }

    static long factorial(int n) {
        return n <= 1 ? 1 : n * factorial(n - 1);
    }

    /**
     * Prints the function records of {@code factorial(4)}.
     *
     * @param args not used
     * @throws NoSuchMethodException never: the focus method exists
     */
    public static void main(String[] args) throws NoSuchMethodException {
        long result;
        try (Monitor monitor = new FocusedFunctionMonitor(screen(),
                RecursionSample.class.getDeclaredMethod("factorial", int.class)).enable()) {
            result = factorial(4);
        }
        System.out.println("4! = " + result);
    }
}
