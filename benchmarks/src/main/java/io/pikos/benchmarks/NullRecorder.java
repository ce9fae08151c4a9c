package io.pikos.benchmarks;

import io.pikos.recorders.Recorder;

import java.util.List;

/**
 * Drops every record: what a monitor costs before any recorder does work. Stateless, so thread-safe.
 *
 * <p>By default it takes records one by one, as they are made, as the screen or an unbuffered file
 * does; {@link #inBatches()} makes one that {@linkplain Recorder#acceptsBatches() accepts batches}, as
 * a list or a buffered file does, so that the monitor's batching is measured without a list's costs.
 */
public final class NullRecorder implements Recorder<Object> {

    private final boolean acceptsBatches;

    /** Creates a recorder that takes records one by one. */
    public NullRecorder() {
        this(false);
    }

    private NullRecorder(boolean acceptsBatches) {
        this.acceptsBatches = acceptsBatches;
    }

    /**
     * Creates a recorder that drops records and accepts them in batches.
     *
     * @return the recorder
     */
    public static NullRecorder inBatches() {
        return new NullRecorder(true);
    }

    @Override
    public void prepare(Class<?> recordType) {
        // Nothing to open.
    }

    @Override
    public void record(Object record) {
        // Dropped on purpose.
    }

    @Override
    public void recordAll(List<?> records) {
        // Dropped on purpose.
    }

    @Override
    public boolean acceptsBatches() {
        return acceptsBatches;
    }

    @Override
    public void finish() {
        // Nothing to close.
    }
}
