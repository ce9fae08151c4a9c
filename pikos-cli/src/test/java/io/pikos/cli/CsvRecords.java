package io.pikos.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Reading a CSV recording back, and the checks every recording must pass. */
final class CsvRecords {

    private CsvRecords() {
    }

    /**
     * Parses a CSV recording with Commons CSV, by its header.
     *
     * @throws IOException if the file cannot be read, or is not CSV (a torn row)
     */
    static List<CSVRecord> read(Path csv) throws IOException {
        try (Reader in = Files.newBufferedReader(csv);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            return parser.getRecords();
        }
    }

    /** Every row is whole (as many fields as the header) and the indices run from 0 without gaps or repeats. */
    static void assertWholeAndIndexed(List<CSVRecord> rows) {
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord row = rows.get(i);
            assertTrue(row.isConsistent(), "row " + i + " is not whole: " + row);
            assertEquals(Long.toString(i), row.get("index"), "index of row " + i + " in " + rows);
        }
    }

    /**
     * Checks that function records nest: each {@code call} is closed by a {@code return} or
     * {@code exception} of the same function, each {@code c_call} by a {@code c_return} or
     * {@code c_exception} of the same callee, innermost first; at the end nothing is left open.
     */
    static void assertCallsNest(List<CSVRecord> rows) {
        Deque<String> open = new ArrayDeque<>();
        List<String> seen = new ArrayList<>();
        for (CSVRecord row : rows) {
            String type = row.get("type");
            String function = row.get("function");
            seen.add(type + " " + function);
            switch (type) {
                case "call", "c_call" -> open.push(type + " " + function);
                case "return", "exception" -> close(open, "call " + function, seen);
                case "c_return", "c_exception" -> close(open, "c_call " + function, seen);
                default -> fail("unknown record type " + type + " after " + seen);
            }
        }
        assertTrue(open.isEmpty(), "left open: " + open + " in " + seen);
    }

    private static void close(Deque<String> open, String opened, List<String> seen) {
        if (!opened.equals(open.poll())) {
            fail("'" + seen.get(seen.size() - 1) + "' closes no open '" + opened + "': " + seen);
        }
    }
}
