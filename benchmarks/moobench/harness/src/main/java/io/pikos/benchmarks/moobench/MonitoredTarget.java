package io.pikos.benchmarks.moobench;

/**
 * The monitored application of the harness, as MooBench's {@code MonitoredClass}: each copy of the
 * target (unwoven, woven by pikos, by Kieker, by Micrometer) implements it, and the driver calls it through
 * this interface. Each case's JVM loads one implementation only, so the call stays monomorphic and the JIT
 * treats it as a direct call.
 */
public interface MonitoredTarget {

    /**
     * Calls itself until {@code recursionDepth} is 1, then busy-waits {@code methodTime} nanoseconds.
     *
     * @param methodTime     how long the innermost call waits, in nanoseconds (0: one reading of the clock)
     * @param recursionDepth how many calls of the method one call makes, itself included (at least 1)
     * @return the {@link System#nanoTime()} reading that ended the wait
     */
    long monitoredMethod(long methodTime, int recursionDepth);
}
