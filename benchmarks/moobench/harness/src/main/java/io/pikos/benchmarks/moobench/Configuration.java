package io.pikos.benchmarks.moobench;

/**
 * What a case does around the timed calls: enable a monitor, set up a registry. Its methods run outside
 * the timed region. Implementations have a public no-argument constructor; the driver makes one by name
 * so that the libraries a configuration uses are loaded only in its own case's JVM.
 */
public interface Configuration {

    /** Runs once, before the first call. */
    default void start() {
    }

    /**
     * Runs between two batches of calls (see {@link Driver#batch()}); a configuration that keeps records in
     * memory starts a fresh recorder here, so that the heap stays bounded over millions of calls.
     */
    default void betweenBatches() {
    }

    /**
     * Runs once, after the last call: disables the monitor, flushes files.
     *
     * @param calls          the number of calls made in all
     * @param lastBatchCalls the number of calls since the last {@link #betweenBatches()}
     * @return the records (or timer samples) made per call of the target, or {@code NaN} if the recorder
     *         cannot tell
     */
    default double stop(long calls, long lastBatchCalls) {
        return Double.NaN;
    }

    /**
     * Describes the configuration as it ran, for the results file.
     *
     * @return one short line, or an empty string
     */
    default String notes() {
        return "";
    }
}
