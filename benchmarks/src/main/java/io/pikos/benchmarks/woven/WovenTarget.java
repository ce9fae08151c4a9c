package io.pikos.benchmarks.woven;

/**
 * The benchmark's target method, woven: the only package of this module that ajc weaves.
 * Its body must stay identical to {@link io.pikos.benchmarks.UnwovenTarget}.
 */
public final class WovenTarget {

    private WovenTarget() {
    }

    /**
     * Adds two numbers: small enough that the JIT inlines it, so only the hooks are left to measure.
     *
     * @param a one number
     * @param b the other
     * @return {@code a + b}
     */
    public static int add(int a, int b) {
        return a + b;
    }
}
