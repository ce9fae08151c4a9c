package io.pikos.filters;

import io.pikos.records.MonitorRecord;

import java.util.Objects;

/**
 * Keeps a record when its column's value differs from that of the record tested just before it, as
 * the seed's {@code OnChange}: the first record is kept, then each change. Useful on {@code RSS} to
 * see only the moments memory moved. Stateful: use one instance per recorder. Thread-safe.
 */
public final class OnChange extends ColumnFilter {

    private boolean seen;
    private Object previous;

    /**
     * Creates the filter.
     *
     * @param column the CSV column name, for example {@code "RSS"}
     */
    public OnChange(String column) {
        super(column);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the record type has no such column
     */
    @Override
    public synchronized boolean test(MonitorRecord record) {
        Object value = valueOf(record);
        if (seen && Objects.equals(value, previous)) {
            return false;
        }
        seen = true;
        previous = value;
        return true;
    }
}
