package io.pikos.benchmarks.woven;

/**
 * The benchmark's target method, woven: the package of this module that the instrument goal weaves
 * with method probes and no line probes.
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
