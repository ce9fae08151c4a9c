package io.pikos.filters;

import io.pikos.records.MonitorRecord;

/**
 * Keeps the records whose column holds none of the given values, as the seed's {@code NotOnValue}.
 * Numbers compare by value whatever their boxed type. Thread-safe.
 */
public final class NotOnValue extends ColumnFilter {

    private final ValueSet values;

    /**
     * Creates the filter.
     *
     * @param column the CSV column name, for example {@code "type"}
     * @param values the values to drop; at least one
     * @throws IllegalArgumentException if no value is given
     */
    public NotOnValue(String column, Object... values) {
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
        return !values.contains(valueOf(record));
    }
}
