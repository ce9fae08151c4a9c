package io.pikos.benchmarks;

import io.pikos.recorders.Recorder;

/** Drops every record: what a monitor costs before any recorder does work. Stateless, so thread-safe. */
public final class NullRecorder implements Recorder<Object> {

    @Override
    public void prepare(Class<?> recordType) {
        // Nothing to open.
    }

    @Override
    public void record(Object record) {
        // Dropped on purpose.
    }

    @Override
    public void finish() {
        // Nothing to close.
    }
}
