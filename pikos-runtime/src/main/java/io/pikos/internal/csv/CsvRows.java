package io.pikos.internal.csv;

import io.pikos.records.FunctionMemoryRecord;
import io.pikos.records.FunctionRecord;
import io.pikos.records.LineMemoryRecord;
import io.pikos.records.LineRecord;
import io.pikos.records.MonitorRecord;
import io.pikos.records.RecordLayout;

/**
 * Formats records as CSV rows the way the seed's Python {@code csv.writer} does: comma-separated,
 * {@code \r\n} after each row, and a field quoted only when it contains a comma, a double quote,
 * {@code \r} or {@code \n} (quotes inside a quoted field are doubled); numbers in decimal, a
 * {@code null} field empty.
 *
 * <p>A row is built whole in a buffer of the subclass ({@link Utf8CsvRows}: UTF-8 bytes,
 * {@link CharCsvRows}: chars) and then handed on in one call, so that a row is never split between
 * two writes. The four record types are read through their accessors (no boxing); another
 * {@link MonitorRecord} through {@link MonitorRecord#column(int)}.
 *
 * <p>Not thread-safe: a recorder owns one and uses it under its lock. The subclasses remember how
 * recent strings are written (the same function names, file names, event types and source lines
 * recur, as the same instances), so formatting a string is usually one copy.
 */
public abstract sealed class CsvRows permits Utf8CsvRows, CharCsvRows {

    CsvRows() {
    }

    /** Empties the buffer. */
    public abstract void clear();

    /** Appends a string field, quoted if it must be; {@code null} is an empty field. */
    abstract void text(String value);

    /** Appends one ASCII character. */
    abstract void ascii(char c);

    /**
     * Appends the decimal digits of a number of at least 10, which has {@code size} digits; the
     * subclass places them with {@link #writeDigits}.
     */
    abstract void appendDigits(long value, int size);

    /** Appends a number field. */
    final void number(long value) {
        if (value < 10) {
            if (value >= 0) {
                ascii((char) ('0' + value));
            } else if (value == Long.MIN_VALUE) {
                plain(Long.toString(value));
            } else {
                ascii('-');
                number(-value);
            }
            return;
        }
        appendDigits(value, digits(value));
    }

    /** Appends a comma. */
    final void comma() {
        ascii(',');
    }

    /** Appends {@code \r\n}. */
    final void endRow() {
        ascii('\r');
        ascii('\n');
    }

    /**
     * Writes the decimal digits of {@code value}, at least 10, into {@code into}, the last one at
     * {@code end - 1}: from the last, two at a time, in long arithmetic only while the value needs it.
     */
    static void writeDigits(long value, byte[] into, int end) {
        int p = end;
        while (value > Integer.MAX_VALUE) {
            long q = value / 100;
            int r = 2 * (int) (value - q * 100);
            into[--p] = PAIRS[r + 1];
            into[--p] = PAIRS[r];
            value = q;
        }
        int v = (int) value;
        while (v >= 100) {
            int q = v / 100;
            int r = 2 * (v - q * 100);
            into[--p] = PAIRS[r + 1];
            into[--p] = PAIRS[r];
            v = q;
        }
        if (v >= 10) {
            into[--p] = PAIRS[2 * v + 1];
            into[--p] = PAIRS[2 * v];
        } else {
            into[--p] = (byte) ('0' + v);
        }
    }

    /**
     * Appends the column names of a record type as one row.
     *
     * @param layout the record type's layout
     */
    public final void header(RecordLayout layout) {
        boolean first = true;
        for (String column : layout.columns()) {
            if (!first) {
                comma();
            }
            text(column);
            first = false;
        }
        endRow();
    }

    /**
     * Appends one record as one row.
     *
     * @param record the record
     */
    public final void row(MonitorRecord record) {
        if (record instanceof FunctionRecord r) {
            number(r.index());
            comma();
            text(r.type());
            comma();
            text(r.function());
            comma();
            number(r.lineNo());
            comma();
            text(r.filename());
        } else if (record instanceof LineRecord r) {
            number(r.index());
            comma();
            text(r.function());
            comma();
            number(r.lineNo());
            comma();
            text(r.line());
            comma();
            text(r.filename());
        } else if (record instanceof FunctionMemoryRecord r) {
            number(r.index());
            comma();
            text(r.type());
            comma();
            text(r.function());
            comma();
            number(r.rss());
            comma();
            number(r.vms());
            comma();
            number(r.lineNo());
            comma();
            text(r.filename());
        } else if (record instanceof LineMemoryRecord r) {
            number(r.index());
            comma();
            text(r.function());
            comma();
            number(r.lineNo());
            comma();
            number(r.rss());
            comma();
            number(r.vms());
            comma();
            text(r.line());
            comma();
            text(r.filename());
        } else {
            anyRow(record);
        }
        endRow();
    }

    private void anyRow(MonitorRecord record) {
        int columns = record.layout().columns().size();
        for (int i = 0; i < columns; i++) {
            if (i > 0) {
                comma();
            }
            Object value = record.column(i);
            if (value instanceof Long || value instanceof Integer) {
                number(((Number) value).longValue());
            } else if (value == null || value instanceof String) {
                text((String) value);
            } else {
                // As Commons CSV printed it before: the value's text, never quoted.
                plain(value.toString());
            }
        }
    }

    /** Appends a field as it is, never quoted. */
    abstract void plain(String value);

    /** Whether a field must be quoted: it holds a comma, a double quote, {@code \r} or {@code \n}. */
    static boolean needsQuotes(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= '"' ? c == '"' || c == '\n' || c == '\r' : c == ',') {
                return true;
            }
        }
        return false;
    }

    /** "00" to "99": the two digits of {@code n} at {@code 2 * n} and {@code 2 * n + 1}. */
    private static final byte[] PAIRS = new byte[200];
    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        for (int i = 0; i < 100; i++) {
            PAIRS[2 * i] = (byte) ('0' + i / 10);
            PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
        long power = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
    }

    /** The number of decimal digits of {@code value}, which is at least 10. */
    private static int digits(long value) {
        // log10 estimated from the bit length (1233 / 4096 ≈ log10(2)), then corrected by one comparison
        int estimate = ((64 - Long.numberOfLeadingZeros(value)) * 1233) >>> 12;
        return estimate + (value >= POWERS_OF_TEN[estimate] ? 1 : 0);
    }
}
