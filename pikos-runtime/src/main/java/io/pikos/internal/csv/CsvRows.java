package io.pikos.internal.csv;

import io.pikos.records.MonitorRecord;
import io.pikos.records.RecordLayout;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;

import java.io.IOException;

/**
 * Writes records as CSV rows the way the seed's Python {@code csv.writer} does: comma-separated,
 * {@code \r\n} after each row, and a field quoted only when it contains a comma, a double quote,
 * {@code \r} or {@code \n} (RFC 4180; quotes inside a quoted field are doubled).
 *
 * <p>Commons CSV's own minimal quoting also quotes a field that starts with a space or any character
 * up to {@code #}, which would quote nearly every indented source line where the seed does not; so
 * each field is given either to a quoting format or to one that writes it as it is.
 */
public final class CsvRows {

    private static final CSVFormat QUOTED = CSVFormat.DEFAULT.builder().setQuoteMode(QuoteMode.MINIMAL).get();
    private static final CSVFormat PLAIN = CSVFormat.DEFAULT.builder().setQuote(null).get();

    private CsvRows() {
    }

    /**
     * Writes the column names of a record type as one row.
     *
     * @param out    where to write
     * @param layout the record type's layout
     * @throws IOException if {@code out} fails
     */
    public static void writeHeader(Appendable out, RecordLayout layout) throws IOException {
        boolean first = true;
        for (String column : layout.columns()) {
            writeField(out, column, first);
            first = false;
        }
        PLAIN.println(out);
    }

    /**
     * Writes one record as one row.
     *
     * @param out    where to write
     * @param record the record
     * @throws IOException if {@code out} fails
     */
    public static void writeRow(Appendable out, MonitorRecord record) throws IOException {
        int columns = record.layout().columns().size();
        for (int i = 0; i < columns; i++) {
            writeField(out, record.column(i), i == 0);
        }
        PLAIN.println(out);
    }

    private static void writeField(Appendable out, Object value, boolean first) throws IOException {
        CSVFormat format = value instanceof String text && needsQuotes(text) ? QUOTED : PLAIN;
        format.print(value, out, first);
    }

    private static boolean needsQuotes(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }
}
