package io.pikos.recorders;

import io.pikos.internal.records.RecordBatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Keeps records in memory, in the order received. Thread-safe.
 *
 * <p>It {@linkplain #acceptsBatches() accepts batches}: while a monitor is enabled, {@link #records()}
 * holds what the monitor has handed over so far; once the monitor is disabled, it holds every record.
 * A recorder made without a filter keeps a monitor's batches as they come (the events' sites, types
 * and lines) and makes the record objects when {@link #records()} is first called, so that the
 * monitored threads do not pay for them.
 *
 * @param <R> the type of records it accepts
 */
public final class ListRecorder<R> implements Recorder<R> {

    private final Predicate<? super R> filter; // null: keep every record
    private final List<R> records = new ArrayList<>(); // guarded by this
    private final List<RecordBatch> batches = new ArrayList<>(); // received after records, not yet made; guarded by this
    private boolean ready;

    /** Creates a recorder that keeps every record. */
    public ListRecorder() {
        this.filter = null;
    }

    /**
     * Creates a recorder that keeps the records a filter accepts.
     *
     * @param filter decides which records are kept
     */
    public ListRecorder(Predicate<? super R> filter) {
        this.filter = Objects.requireNonNull(filter, "filter");
    }

    @Override
    public synchronized void prepare(Class<? extends R> recordType) {
        ready = true;
    }

    @Override
    public synchronized void record(R record) {
        Objects.requireNonNull(record, "record");
        checkReady();
        if (filter == null || filter.test(record)) {
            makeBatches();
            records.add(record);
        }
    }

    @Override
    public synchronized void recordAll(List<? extends R> batch) {
        checkReady();
        if (filter == null && batch instanceof RecordBatch monitorBatch) {
            batches.add(monitorBatch); // a monitor's batch of R: the monitor was given this recorder
            return;
        }
        for (R record : batch) {
            record(record);
        }
    }

    /** @return {@code true}: a list only keeps records, so they may arrive in batches */
    @Override
    public boolean acceptsBatches() {
        return true;
    }

    @Override
    public synchronized void finish() {
        ready = false;
    }

    /**
     * Returns the records kept so far.
     *
     * @return an unmodifiable copy, in the order received
     */
    public synchronized List<R> records() {
        makeBatches();
        return List.copyOf(records);
    }

    private void checkReady() {
        if (!ready) {
            throw new RecorderException("record called on a ListRecorder that is not prepared");
        }
    }

    // Called with this locked.
    @SuppressWarnings("unchecked") // a monitor hands over records of the type its recorder accepts
    private void makeBatches() {
        for (RecordBatch batch : batches) {
            records.addAll((List<R>) (List<?>) batch);
        }
        batches.clear();
    }
}
