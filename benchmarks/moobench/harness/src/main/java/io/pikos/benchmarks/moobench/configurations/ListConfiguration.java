package io.pikos.benchmarks.moobench.configurations;

import io.pikos.benchmarks.moobench.Configuration;
import io.pikos.benchmarks.moobench.Driver;
import io.pikos.monitors.Monitor;
import io.pikos.recorders.ListRecorder;

import java.util.function.Function;

/**
 * A monitor into pikos' own {@link ListRecorder}, which keeps every record in an {@code ArrayList}.
 * Millions of calls would fill any heap, so between two batches of {@link Driver#batch()} calls, outside
 * the timed region, a fresh monitor into a fresh, empty {@code ListRecorder} is enabled and the old one
 * disabled; the old list becomes garbage. Every timed call therefore pays what a {@code ListRecorder}
 * costs — making each record, the lock, appending to a list that grows (with its copies) and the
 * collector moving the records kept — except that the list never holds more than one batch.
 *
 * @param <R> the record type
 */
abstract class ListConfiguration<R> implements Configuration {

    private final String description;
    private final Function<ListRecorder<R>, Monitor> monitorFactory;
    private ListRecorder<R> recorder;
    private Monitor monitor;
    private int batches;

    ListConfiguration(String description, Function<ListRecorder<R>, Monitor> monitorFactory) {
        this.description = description;
        this.monitorFactory = monitorFactory;
    }

    @Override
    public final void start() {
        recorder = new ListRecorder<>();
        monitor = monitorFactory.apply(recorder).enable();
        batches = 1;
    }

    /**
     * Enables the fresh monitor before disabling the old one: no call runs in between, and pikos' line
     * guard (a call-site target the JIT compiles in as a constant) never flips to "off" and back, which
     * would throw away all the code compiled with it.
     */
    @Override
    public final void betweenBatches() {
        Monitor old = monitor;
        start();
        old.disable();
    }

    @Override
    public final double stop(long calls, long lastBatchCalls) {
        monitor.disable();
        return (double) recorder.records().size() / lastBatchCalls;
    }

    @Override
    public final String notes() {
        return description + ", a fresh ListRecorder every " + Driver.batch() + " calls";
    }
}
