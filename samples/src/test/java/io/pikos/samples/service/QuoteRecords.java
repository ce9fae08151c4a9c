package io.pikos.samples.service;

import jdk.jfr.ValueDescriptor;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a {@code functions} monitor focused on {@link PriceService#quote} records, worked out from the
 * service's sources (lines found by their text, not by number), and the CSV and JFR files tests read
 * back.
 */
final class QuoteRecords {

    /** The focus every test uses. */
    static final String FOCUS = "io.pikos.samples.service.PriceService.quote";
    static final String FUNCTION_HEADER = "index,type,function,lineNo,filename";
    static final String LINE_HEADER = "index,function,lineNo,line,filename";

    private static final Path SOURCES = Path.of("src/main/java/io/pikos/samples/service");
    private static final String PACKAGE_PATH = "src/main/java/io/pikos/samples/service/";
    /** The price table's items, in the order {@code unitCents} compares them. */
    private static final List<String> ITEMS = List.of("apple", "pear", "plum", "fig");

    private QuoteRecords() {
    }

    /**
     * The rows {@code quote(item, quantity)} gives, without their index: type, function, lineNo and
     * filename.
     *
     * @param root what the build put before {@code src/main/java} in file names, from {@link #root}
     */
    static List<List<String>> quote(String root, String item) {
        String service = root + PACKAGE_PATH + "PriceService.java";
        String table = root + PACKAGE_PATH + "PriceTable.java";
        String discounts = root + PACKAGE_PATH + "DiscountRule.java";
        String quote = line("PriceService.java", "public String quote(String item, int quantity) {");
        String unitCents = line("PriceTable.java", "int unitCents(String item) {");
        String equals = line("PriceTable.java", "if (items[i].equals(item)) {");
        String percentOff = line("DiscountRule.java", "int percentOff(int quantity) {");
        String total = line("PriceService.java", "private static long total(int unitCents, int quantity, int percentOff) {");
        String money = line("PriceService.java", "private static String money(long cents) {");

        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("call", "quote", quote, service));
        rows.add(List.of("call", "unitCents", unitCents, table));
        int known = ITEMS.indexOf(item);
        int comparisons = known < 0 ? ITEMS.size() : known + 1;
        for (int i = 0; i < comparisons; i++) {
            rows.add(List.of("c_call", "equals", equals, table));
            rows.add(List.of("c_return", "equals", equals, table));
        }
        if (known < 0) {
            String thrown = line("PriceTable.java", "throw new IllegalArgumentException(\"no price for '\" + item + \"'\");");
            rows.add(List.of("c_call", "<init>", thrown, table));
            rows.add(List.of("c_return", "<init>", thrown, table));
            rows.add(List.of("exception", "unitCents", unitCents, table));
            rows.add(List.of("exception", "quote", quote, service));
            return rows;
        }
        rows.add(List.of("return", "unitCents", unitCents, table));
        rows.add(List.of("call", "percentOff", percentOff, discounts));
        rows.add(List.of("return", "percentOff", percentOff, discounts));
        rows.add(List.of("call", "total", total, service));
        rows.add(List.of("return", "total", total, service));
        for (int i = 0; i < 2; i++) {
            rows.add(List.of("call", "money", money, service));
            rows.add(List.of("return", "money", money, service));
        }
        rows.add(List.of("return", "quote", quote, service));
        return rows;
    }

    /**
     * The rows of several quotes in a row, each row as {@code index,type,function,lineNo,filename}.
     *
     * @param items the items quoted, in order
     */
    static List<String> quotes(String root, String... items) {
        List<String> rows = new ArrayList<>();
        for (String item : items) {
            for (List<String> row : quote(root, item)) {
                rows.add(rows.size() + "," + String.join(",", row));
            }
        }
        return rows;
    }

    /**
     * Finds what the build put before {@code src/main/java} in the file names of records (the path from
     * where the compiler ran, {@code samples/} in a build started at the project's root), and checks that
     * the first record names {@code PriceService.java}.
     */
    static String root(List<CSVRecord> rows) {
        assertTrue(!rows.isEmpty(), "no records");
        return root(rows.get(0).get("filename"));
    }

    private static String root(String filename) {
        String tail = PACKAGE_PATH + "PriceService.java";
        assertTrue(filename.endsWith(tail), filename);
        return filename.substring(0, filename.length() - tail.length());
    }

    /**
     * Checks rows a buffered monitor wrote: indices from 0 without gaps, and the rows of each quote
     * together and whole, the quotes in any order. Each thread hands its records over in batches, and
     * the service answers requests on several threads, so requests made one after the other need not
     * be recorded in that order; the records of one request, made on one thread, keep theirs.
     */
    static void assertQuotesInAnyOrder(List<CSVRecord> rows, String... items) {
        List<List<List<String>>> quotes = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord row = rows.get(i);
            assertEquals(Integer.toString(i), row.get("index"));
            List<String> values = List.of(row.values()).subList(1, row.size());
            if (values.get(0).equals("call") && values.get(1).equals("quote")) {
                quotes.add(new ArrayList<>());
            }
            quotes.get(quotes.size() - 1).add(values);
        }
        String root = root(rows);
        List<List<List<String>>> expected = new ArrayList<>();
        for (String item : items) {
            expected.add(quote(root, item));
        }
        Comparator<List<List<String>>> byText = Comparator.comparing(Object::toString);
        quotes.sort(byText);
        expected.sort(byText);
        assertEquals(expected, quotes);
    }

    /** The rows as {@code index,type,function,lineNo,filename}, to compare with {@link #quotes}. */
    static List<String> joined(List<CSVRecord> rows) {
        List<String> joined = new ArrayList<>();
        for (CSVRecord row : rows) {
            joined.add(String.join(",", row.values()));
        }
        return joined;
    }

    /**
     * Reads a CSV file of records, checking its header and that every row has one field per column.
     *
     * @param header the header the file must start with
     */
    static List<CSVRecord> read(Path csv, String header) {
        try {
            String text = Files.readString(csv, StandardCharsets.UTF_8);
            assertTrue(text.startsWith(header + "\r\n"), () -> csv + " starts with " + text.lines().findFirst());
            assertTrue(text.endsWith("\r\n"), () -> csv + " ends inside a row");
            List<CSVRecord> rows;
            try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                 CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                assertEquals(List.of(header.split(",")), parser.getHeaderNames());
                rows = parser.getRecords();
            }
            int columns = header.split(",").length;
            for (CSVRecord row : rows) {
                assertEquals(columns, row.size(), () -> csv + " row " + row.getRecordNumber() + ": " + row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The number of the line of a service source file whose text, stripped, is {@code code}.
     *
     * @param file for example {@code PriceService.java}
     */
    static String line(String file, String code) {
        List<String> source = source(file);
        for (int i = 0; i < source.size(); i++) {
            if (source.get(i).strip().equals(code)) {
                return Integer.toString(i + 1);
            }
        }
        throw new AssertionError("not in " + file + ": " + code);
    }

    /** The lines of a service source file. */
    static List<String> source(String file) {
        try {
            return Files.readAllLines(SOURCES.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a JFR file back: its {@code pikos.*} events must be exactly {@code pikos.Function} events,
     * one per row of the quotes of {@code items}, with the row's fields (and JFR's own: time, thread, an
     * empty stack trace), made on the service's handler threads.
     *
     * @param items the items quoted, in order
     */
    static void assertJfrEvents(Path jfr, String... items) throws IOException {
        List<RecordedEvent> events = RecordingFile.readAllEvents(jfr).stream()
                .filter(event -> event.getEventType().getName().startsWith("pikos."))
                .sorted(Comparator.comparingLong(event -> event.getLong("index")))
                .toList();
        assertTrue(!events.isEmpty(), "no pikos events in " + jfr);
        List<String> expectedRows = quotes(root(events.get(0).getString("filename")), items);
        Set<String> types = events.stream().map(event -> event.getEventType().getName()).collect(Collectors.toSet());
        assertEquals(Set.of("pikos.Function"), types);
        List<String> rows = events.stream().map(event -> event.getLong("index") + "," + event.getString("type") + ","
                + event.getString("function") + "," + event.getInt("lineNo") + "," + event.getString("filename"))
                .toList();
        assertEquals(expectedRows.size(), rows.size(), () -> "pikos events in " + jfr);
        assertEquals(expectedRows, rows);
        assertEquals(List.of("filename", "function", "index", "lineNo", "type"),
                events.get(0).getFields().stream().map(ValueDescriptor::getName)
                        .filter(name -> !Set.of("startTime", "duration", "eventThread", "stackTrace").contains(name))
                        .sorted().toList());
        for (RecordedEvent event : events) {
            assertNotNull(event.getThread(), event.toString());
            assertTrue(event.getThread().getJavaName().startsWith("price-service-"), event.toString());
            assertNull(event.getStackTrace(), event.toString()); // pikos' events carry none: a record says where
        }
    }
}
