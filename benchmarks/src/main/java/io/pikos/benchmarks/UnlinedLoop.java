package io.pikos.benchmarks;

/**
 * The line-probe benchmark's workloads, in two copies whose files differ only in package and class
 * name: {@code io.pikos.benchmarks.UnlinedLoop}, as javac wrote it, and
 * {@code io.pikos.benchmarks.lines.LinedLoop}, which the build's line pass instruments
 * ({@code WeavingTest} checks both).
 */
public final class UnlinedLoop {

    private UnlinedLoop() {
    }

    /**
     * Shape (a): a multi-line loop over an array, a test and an accumulation on lines of their own.
     *
     * @param values the numbers
     * @return the sum of the positive numbers
     */
    public static int sumPositive(int[] values) {
        int sum = 0;
        for (int i = 0; i < values.length; i++) {
            int value = values[i];
            if (value > 0) {
                sum += value;
            }
        }
        return sum;
    }

    /**
     * Shape (b): a loop that calls a small multi-line method of the same class at each iteration.
     *
     * @param values the numbers
     * @return the sum of their mixes
     */
    public static int sumMixed(int[] values) {
        int sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += mix(values[i]);
        }
        return sum;
    }

    private static int mix(int value) {
        int h = value * 0x9E3779B9;
        h ^= h >>> 15;
        return h + value;
    }
}
