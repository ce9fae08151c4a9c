package io.pikos.recorders;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Keeps records in memory, in the order received. Thread-safe.
 *
 * <p>It {@linkplain #acceptsBatches() accepts batches}: while a monitor is enabled, {@link #records()}
 * holds what the monitor has handed over so far; once the monitor is disabled, it holds every record.
 *
 * @param <R> the type of records it accepts
 */
public final class ListRecorder<R> implements Recorder<R> {

    private final Predicate<? super R> filter;
    private final List<R> records = new ArrayList<>();
    private boolean ready;

    /** Creates a recorder that keeps every record. */
    public ListRecorder() {
        this(record -> true);
    }

    /**
     * Creates a recorder that keeps the records a filter accepts.
     *
     * @param filter decides which records are kept
     */
    public ListRecorder(Predicate<? super R> filter) {
        this.filter = filter;
    }

    @Override
    public synchronized void prepare(Class<? extends R> recordType) {
        ready = true;
    }

    @Override
    public synchronized void record(R record) {
        Objects.requireNonNull(record, "record");
        if (!ready) {
            throw new RecorderException("record called on a ListRecorder that is not prepared");
        }
        if (filter.test(record)) {
            records.add(record);
        }
    }

    @Override
    public synchronized void recordAll(List<? extends R> batch) {
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
        return List.copyOf(records);
    }
}
