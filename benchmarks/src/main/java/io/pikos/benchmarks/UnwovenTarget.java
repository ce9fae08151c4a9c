package io.pikos.benchmarks;

/**
 * The benchmark's target method, unwoven: the same body as {@link io.pikos.benchmarks.woven.WovenTarget},
 * in a package the instrument goal leaves alone, so javac's plain bytecode is what runs.
 */
public final class UnwovenTarget {

    private UnwovenTarget() {
    }

    /**
     * Adds two numbers.
     *
     * @param a one number
     * @param b the other
     * @return {@code a + b}
     */
    public static int add(int a, int b) {
        return a + b;
    }
}
