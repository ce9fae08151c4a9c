package io.pikos.internal.csv;

import io.pikos.records.MonitorRecord;
import io.pikos.records.RecordLayout;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The reference the row writers are checked against: how pikos wrote CSV before them, each field
 * printed by Apache Commons CSV, given either to a minimal-quoting format (a string that holds a
 * comma, a double quote, {@code \r} or {@code \n}) or to one that writes it as it is (Commons CSV's own
 * minimal quoting would also quote a field starting with a space, where Python's {@code csv.writer}
 * does not).
 */
final class CommonsCsvReference {

    private static final CSVFormat QUOTED = CSVFormat.DEFAULT.builder().setQuoteMode(QuoteMode.MINIMAL).get();
    private static final CSVFormat PLAIN = CSVFormat.DEFAULT.builder().setQuote(null).get();

    private CommonsCsvReference() {
    }

    static String header(RecordLayout layout) {
        StringBuilder out = new StringBuilder();
        try {
            boolean first = true;
            for (String column : layout.columns()) {
                field(out, column, first);
                first = false;
            }
            PLAIN.println(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String row(MonitorRecord record) {
        StringBuilder out = new StringBuilder();
        try {
            int columns = record.layout().columns().size();
            for (int i = 0; i < columns; i++) {
                field(out, record.column(i), i == 0);
            }
            PLAIN.println(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void field(Appendable out, Object value, boolean first) throws IOException {
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
