package io.pikos.filters;

import io.pikos.records.MonitorRecord;

/**
 * Keeps the records whose column holds one of the given values, as the seed's {@code OnValue}.
 *
 * <pre>{@code new CsvFileRecorder(path, new OnValue("type", "call", "return"), false)}</pre>
 *
 * <p>Numbers compare by value whatever their boxed type ({@code 3} matches an index of {@code 3L}).
 * Thread-safe.
 */
public final class OnValue extends ColumnFilter {

    private final ValueSet values;

    /**
     * Creates the filter.
     *
     * @param column the CSV column name, for example {@code "type"} or {@code "RSS"}
     * @param values the values to keep; at least one
     * @throws IllegalArgumentException if no value is given
     */
    public OnValue(String column, Object... values) {
        super(column);
        this.values = new ValueSet(values);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the record type has no such column
     */
    @Override
    public boolean test(MonitorRecord record) {
        return values.contains(valueOf(record));
    }
}
