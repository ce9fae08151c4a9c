package io.pikos.records;

import io.pikos.internal.text.PyFormat;

import java.util.List;

/**
 * The shape of one record type: its CSV column names and its text templates.
 *
 * <p>The formatted text of a record type is its {@link #textHeader() header}, a line of dashes as
 * long as the header, then one {@link #textLine(MonitorRecord) line} per record; the templates are
 * the seed's, with Python's padding rules. Instances are immutable and thread-safe.
 */
public final class RecordLayout {

    private final String name;
    private final List<String> columns;
    private final String textHeader;
    private final PyFormat lineTemplate;

    RecordLayout(String name, List<String> columns, String headerTemplate, String lineTemplate) {
        this.name = name;
        this.columns = List.copyOf(columns);
        this.textHeader = PyFormat.compile(headerTemplate).format(columns.toArray());
        this.lineTemplate = PyFormat.compile(lineTemplate);
    }

    /**
     * Returns the layout of one of the four record types.
     *
     * @param recordType {@code FunctionRecord.class}, {@code LineRecord.class},
     *                   {@code FunctionMemoryRecord.class} or {@code LineMemoryRecord.class}
     * @return its layout
     * @throws IllegalArgumentException for any other type
     */
    public static RecordLayout of(Class<?> recordType) {
        if (recordType == FunctionRecord.class) {
            return FunctionRecord.LAYOUT;
        } else if (recordType == LineRecord.class) {
            return LineRecord.LAYOUT;
        } else if (recordType == FunctionMemoryRecord.class) {
            return FunctionMemoryRecord.LAYOUT;
        } else if (recordType == LineMemoryRecord.class) {
            return LineMemoryRecord.LAYOUT;
        }
        throw new IllegalArgumentException("not a pikos record type: " + recordType.getName());
    }

    /**
     * Returns the record type's simple name.
     *
     * @return for example {@code "FunctionRecord"}
     */
    public String name() {
        return name;
    }

    /**
     * Returns the column names, which are the CSV header.
     *
     * @return for example {@code [index, type, function, lineNo, filename]}
     */
    public List<String> columns() {
        return columns;
    }

    /**
     * Finds a column by its CSV name.
     *
     * @param column for example {@code "RSS"}
     * @return its position, from 0
     * @throws IllegalArgumentException if the record type has no such column; the message lists them
     */
    public int columnIndex(String column) {
        int index = columns.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException(name + " has no column '" + column + "' (columns: "
                    + String.join(", ", columns) + ")");
        }
        return index;
    }

    /**
     * Returns the header line of the formatted text, without a line separator.
     *
     * @return the header
     */
    public String textHeader() {
        return textHeader;
    }

    /**
     * Returns the line of dashes written under the header: as many dashes as the header has characters.
     *
     * @return the separator line, without a line separator
     */
    public String textSeparator() {
        return "-".repeat(textHeader.length());
    }

    /**
     * Formats one record with the seed's line template.
     *
     * @param record a record of this layout's type
     * @return the formatted line, without a line separator
     */
    public String textLine(MonitorRecord record) {
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = record.column(i);
        }
        return lineTemplate.format(values);
    }
}
