package io.pikos.benchmarks;

/**
 * The benchmark's target method, unwoven: the same body as {@link io.pikos.benchmarks.woven.WovenTarget},
 * in a package that ajc does not compile, so javac's plain bytecode is what runs.
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
