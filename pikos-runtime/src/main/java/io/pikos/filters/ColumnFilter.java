package io.pikos.filters;

import io.pikos.records.MonitorRecord;
import io.pikos.records.RecordLayout;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * A filter on one column named as in the CSV header. The column's position is looked up once per
 * record type and kept, so testing a record costs a switch, not a lookup by name or by reflection.
 */
abstract class ColumnFilter implements Predicate<MonitorRecord> {

    private final String column;
    private volatile Resolved resolved;

    private record Resolved(RecordLayout layout, int position) {
    }

    ColumnFilter(String column) {
        this.column = Objects.requireNonNull(column, "column");
    }

    /**
     * Returns the record's value in this filter's column, integers widened to {@code Long} so that
     * {@code 3} matches an index and a line number alike.
     *
     * @throws IllegalArgumentException if the record type has no such column
     */
    final Object valueOf(MonitorRecord record) {
        Resolved current = resolved;
        RecordLayout layout = record.layout();
        if (current == null || current.layout() != layout) {
            current = new Resolved(layout, layout.columnIndex(column));
            resolved = current;
        }
        return normalize(record.column(current.position()));
    }

    static Object normalize(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        return value;
    }

    final String column() {
        return column;
    }
}
