package io.pikos.cli;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link OutOfMemoryError} in monitored code, in a JVM of its own with a small heap ({@code -Xmx64m},
 * for {@code java} and for pikos-run alike): the error is the program's, its output and status are what
 * {@code java Program.java} gives, and the records stay whole and consistent around it.
 */
class OutOfMemoryIT {

    private static final String HEAP = "-Xmx64m";

    /**
     * Allocates until the heap is full, three times, catching the error each time, and calls a monitored
     * method after each. The chunks are large (4 MB), so the allocation that fails is the program's and
     * leaves room for pikos' own small ones; the chunks die with {@code hoard}'s frame.
     */
    private static final String RECOVERS = """
            import java.util.ArrayList;
            import java.util.List;

            public class Recovers {
                static void hoard(List<long[]> chunks) {
                    while (true) {
                        chunks.add(new long[1 << 19]);
                    }
                }

                static int twice(int n) {
                    return 2 * n;
                }

                public static void main(String[] args) {
                    for (int round = 0; round < 3; round++) {
                        try {
                            hoard(new ArrayList<>());
                        } catch (OutOfMemoryError e) {
                            System.out.println("round " + round + ": " + e.getMessage());
                        }
                        int total = 0;
                        for (int i = 0; i < 5; i++) {
                            total += twice(i);
                        }
                        System.out.println(total);
                    }
                }
            }
            """;

    @TempDir
    static Path programs;

    private static Path recovers;
    private static Launched recoversUnwoven;

    @TempDir
    Path dir;

    @BeforeAll
    static void runUnwoven() throws Exception {
        recovers = Files.writeString(programs.resolve("Recovers.java"), RECOVERS);
        recoversUnwoven = Launched.java(programs, HEAP, recovers.toString());
        assertEquals(0, recoversUnwoven.status(), recoversUnwoven.err());
        assertEquals(3, recoversUnwoven.out().lines().filter(line -> line.endsWith(": Java heap space")).count());
    }

    @ParameterizedTest(name = "{0}, buffered {1}, focused on {2}")
    @CsvSource(delimiter = '|', textBlock = """
            functions       | false |
            function_memory | true  | hoard,twice
            lines           | true  |
            line_memory     | false | hoard,twice
            """)
    void an_out_of_memory_error_in_monitored_code_is_the_programs_and_recording_goes_on_after_it(
            String monitor, boolean buffered, String focus) throws Exception {
        Path csv = dir.resolve("recovers.csv");
        List<String> args = new ArrayList<>(List.of(monitor, recovers.toString(), "--recording", "csv", "-o", csv.toString()));
        if (buffered) {
            args.add("--buffered");
        }
        if (focus != null) {
            args.add("--focused-on=" + focus);
        }
        Launched woven = Launched.pikosRun(dir, HEAP, "", args.toArray(String[]::new));
        assertEquals(recoversUnwoven, woven);

        List<CSVRecord> rows = CsvRecords.read(csv);
        CsvRecords.assertWholeAndIndexed(rows);
        boolean lines = monitor.startsWith("line");
        // Each round: hoard until the error leaves it, then the five calls of twice after the recovery.
        List<String> order = new ArrayList<>();
        for (CSVRecord row : rows) {
            String function = row.get("function");
            if (Set.of("hoard", "twice").contains(function) && (order.isEmpty() || !order.get(order.size() - 1).equals(function))) {
                order.add(function);
            }
        }
        assertEquals(List.of("hoard", "twice", "hoard", "twice", "hoard", "twice"), order);
        assertEquals(lines ? 15 : 30, rows.stream().filter(r -> r.get("function").equals("twice")).count());
        if (focus != null) {
            // The focus is left with hoard's frame: nothing of main is recorded after the error.
            Set<String> focused = lines ? Set.of("hoard", "twice") : Set.of("hoard", "twice", "add");
            assertTrue(rows.stream().allMatch(r -> focused.contains(r.get("function"))), rows::toString);
        }
        if (!lines) {
            assertEquals(List.of("exception", "exception", "exception"), rows.stream()
                    .filter(r -> r.get("function").equals("hoard") && !r.get("type").equals("call")).map(r -> r.get("type"))
                    .toList());
            CsvRecords.assertCallsNest(rows);
        }
    }

    /** The program's stack trace on standard error is what {@code java Dies.java} prints; status 1. */
    @Test
    void an_out_of_memory_error_that_ends_main_is_reported_as_java_reports_it_and_the_records_are_flushed()
            throws Exception {
        Path source = Files.writeString(dir.resolve("Dies.java"), """
                import java.util.ArrayList;
                import java.util.List;

                public class Dies {
                    static void hoard(List<long[]> chunks) {
                        while (true) {
                            chunks.add(new long[1 << 19]);
                        }
                    }

                    public static void main(String[] args) {
                        System.out.println("hoarding");
                        hoard(new ArrayList<>());
                    }
                }
                """);
        Launched unwoven = Launched.java(dir, HEAP, source.toString());
        assertEquals(1, unwoven.status());
        assertTrue(unwoven.err().startsWith("Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space"),
                unwoven.err());
        Path csv = dir.resolve("dies.csv");
        Launched woven = Launched.pikosRun(dir, HEAP, "", "functions", source.toString(), "--buffered",
                "--recording", "csv", "-o", csv.toString());
        assertEquals(unwoven, woven);
        List<CSVRecord> rows = CsvRecords.read(csv);
        CsvRecords.assertWholeAndIndexed(rows);
        CsvRecords.assertCallsNest(rows);
        List<String> events = rows.stream().map(r -> r.get("type") + " " + r.get("function")).toList();
        assertEquals(List.of("exception hoard", "exception main"), events.subList(events.size() - 2, events.size()));
    }

    /**
     * The heap filled to the last byte by the program, which then calls monitored methods that allocate
     * nothing, and lets go: the allocation that fails is pikos', in a hook. The program must not see it;
     * at most one line on standard error says that recording stopped. A first round fills the heap
     * leaving 128 KiB, so that every method and line has run once, and its call sites are linked, before
     * the heap is full: linking a call site allocates, in the JVM, where pikos cannot catch the error (a
     * limit the README states).
     */
    @Disabled("not yet kept (README): with every site linked, the program still sees an OutOfMemoryError "
            + "thrown inside a woven method's frame (sum, or exhaust's catch block under a line monitor) once "
            + "the heap is full; the errors pikos' own code meets are caught")
    @ParameterizedTest(name = "{0}, buffered {1}")
    @CsvSource(delimiter = '|', textBlock = """
            functions       | true
            lines           | false
            function_memory | false
            line_memory     | true
            """)
    void an_out_of_memory_error_in_pikos_own_code_is_one_line_at_most_and_the_program_is_unaffected(
            String monitor, boolean buffered) throws Exception {
        Path source = Files.writeString(dir.resolve("Brim.java"), """
                public class Brim {
                    static Object[] exhaust(int floor) {
                        Object[] head = null;
                        int size = 1 << 16;
                        while (true) {
                            try {
                                head = new Object[] {head, new long[size]};
                            } catch (OutOfMemoryError e) {
                                if (size <= floor) {
                                    return head;
                                }
                                size /= 2;
                            }
                        }
                    }

                    static long sum(long[] values) {
                        long total = 0;
                        for (long value : values) {
                            total += value;
                        }
                        return total;
                    }

                    public static void main(String[] args) {
                        long[] values = new long[100];
                        java.util.Arrays.fill(values, 3);
                        for (int round = 0; round < 2; round++) {
                            Object[] hoard = exhaust(round == 0 ? 1 << 14 : 0);
                            long total = sum(values) + hoard.length;
                            hoard = null;
                            System.out.println(total);
                        }
                    }
                }
                """);
        Launched unwoven = Launched.java(dir, HEAP, source.toString());
        assertEquals(0, unwoven.status(), unwoven.err());
        Path csv = dir.resolve("brim.csv");
        List<String> args = new ArrayList<>(List.of(monitor, source.toString(), "--recording", "csv", "-o", csv.toString()));
        if (buffered) {
            args.add("--buffered");
        }
        Launched woven = Launched.pikosRun(dir, HEAP, "", args.toArray(String[]::new));
        assertEquals(unwoven.status(), woven.status(), woven.err());
        assertEquals(unwoven.out(), woven.out());
        List<String> errors = woven.err().lines().toList();
        assertTrue(errors.isEmpty() || errors.size() == 1 && errors.get(0).startsWith("pikos: "), woven.err());
        CsvRecords.assertWholeAndIndexed(CsvRecords.read(csv));
    }
}
