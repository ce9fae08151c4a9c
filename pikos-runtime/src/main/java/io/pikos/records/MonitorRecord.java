package io.pikos.records;

/**
 * A record made by a monitor: one row of a CSV file, one line of a text log.
 *
 * <p>Each record type has a {@link RecordLayout} that names its columns, in the order of the
 * record's components, and formats it as the seed's text templates do.
 */
public interface MonitorRecord {

    /**
     * Returns the position of this record among those its monitor sent to its recorder, from 0.
     *
     * @return the record index
     */
    long index();

    /**
     * Returns the value of a column, in the order of {@link RecordLayout#columns()}.
     *
     * @param column the column's position, from 0
     * @return the value: a {@code Long}, an {@code Integer} or a {@code String}
     * @throws IndexOutOfBoundsException if there is no such column
     */
    Object column(int column);

    /**
     * Returns the layout of this record's type.
     *
     * @return the layout, the same for every record of a type
     */
    RecordLayout layout();
}
