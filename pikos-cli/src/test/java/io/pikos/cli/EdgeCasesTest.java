package io.pikos.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Monitored code at the edges: deep recursion, a stack overflow and exceptions crossing focused
 * frames, a method with 255 parameters. Each program is woven in-process by pikos-run, as any
 * program would be, and must print what it prints unwoven, with the monitor's records consistent.
 */
class EdgeCasesTest {

    @TempDir
    Path dir;

    private record Run(int status, String out, List<CSVRecord> rows) {
    }

    private Run run(String monitor, String name, String source, String... options) throws IOException {
        Path file = Files.writeString(dir.resolve(name + ".java"), source);
        Path csv = dir.resolve(name + "-" + monitor + ".csv");
        String[] args = new String[4 + options.length + 4];
        args[0] = monitor;
        args[1] = file.toString();
        args[2] = "--recording=csv";
        args[3] = "--output=" + csv;
        System.arraycopy(options, 0, args, 4, options.length);
        args[4 + options.length] = "--buffered";
        args[5 + options.length] = "--weave";
        args[6 + options.length] = "*";
        args[7 + options.length] = "--";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        PrintStream captured = new PrintStream(out, true, StandardCharsets.UTF_8);
        System.setOut(captured);
        int status;
        try {
            status = PikosRun.execute(args, captured, System.err);
        } finally {
            System.setOut(original);
        }
        try (Reader in = Files.newBufferedReader(csv);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            return new Run(status, out.toString(StandardCharsets.UTF_8), parser.getRecords());
        }
    }

    private static List<String> events(Run run) {
        return run.rows().stream().filter(r -> !r.get("type").startsWith("c_"))
                .map(r -> r.get("type") + " " + r.get("function")).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"functions", "lines", "function_memory"})
    void recursion_ten_thousand_deep_records_every_frame(String monitor) throws IOException {
        Run run = run(monitor, "Deep", """
                public class Deep {
                    static long sum(int n) {
                        if (n == 0) {
                            return 0;
                        }
                        return n + sum(n - 1);
                    }
                    public static void main(String[] args) throws Exception {
                        long[] result = new long[1];
                        Thread deep = new Thread(null, () -> result[0] = sum(10_000), "deep", 512L << 20);
                        deep.start();
                        deep.join();
                        System.out.println(result[0]);
                    }
                }
                """);
        assertEquals(0, run.status());
        assertEquals("50005000" + System.lineSeparator(), run.out());
        long frames = run.rows().stream().filter(r -> r.get("function").equals("sum")).count();
        assertEquals(10_001 * 2, frames); // a call and a return, or two lines, per frame
        for (int i = 0; i < run.rows().size(); i++) {
            assertEquals(Integer.toString(i), run.rows().get(i).get("index"));
        }
    }

    /**
     * A stack overflow inside a focused method is the program's: it catches it as it would unwoven.
     * Frames the overflow leaves may go unrecorded (the hooks themselves run out of stack), but the
     * focus bookkeeping must recover: what runs after is outside the focus and is not recorded.
     */
    @Test
    void a_stack_overflow_in_focused_code_is_the_programs_and_the_focus_recovers() throws IOException {
        Run run = run("functions", "Overflow", """
                public class Overflow {
                    static int depth(int n) {
                        return depth(n + 1) + 1;
                    }
                    static int after() {
                        return 42;
                    }
                    public static void main(String[] args) {
                        try {
                            depth(0);
                        } catch (StackOverflowError e) {
                            System.out.println("overflow caught");
                        }
                        System.out.println(after());
                    }
                }
                """, "--focused-on=depth");
        assertEquals(0, run.status());
        assertEquals("overflow caught" + System.lineSeparator() + "42" + System.lineSeparator(), run.out());
        List<String> events = events(run);
        assertTrue(events.stream().noneMatch(e -> e.endsWith(" after") || e.endsWith(" main")), events.toString());
        assertEquals("call depth", events.get(0));
    }

    @Test
    void an_exception_crossing_focused_frames_leaves_each_and_the_focus_with_it() throws IOException {
        Run run = run("functions", "Crossing", """
                public class Crossing {
                    static void inner() {
                        throw new IllegalStateException("deep");
                    }
                    static void middle() {
                        inner();
                    }
                    static void outer() {
                        try {
                            middle();
                        } catch (IllegalStateException e) {
                            System.out.println("caught " + e.getMessage());
                        }
                        inner2();
                    }
                    static void inner2() {
                    }
                    public static void main(String[] args) {
                        outer();
                        middle2();
                    }
                    static void middle2() {
                    }
                }
                """, "--focused-on=middle");
        assertEquals(0, run.status());
        assertEquals("caught deep" + System.lineSeparator(), run.out());
        assertEquals(List.of("call middle", "call inner", "exception inner", "exception middle"), events(run));
    }

    @Test
    void a_method_with_255_parameters_is_woven_and_runs() throws IOException {
        String parameters = IntStream.range(0, 255).mapToObj(i -> "int p" + i).collect(Collectors.joining(", "));
        String sum = IntStream.range(0, 255).mapToObj(i -> "p" + i).collect(Collectors.joining(" + "));
        String arguments = IntStream.range(0, 255).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        Run run = run("lines", "Wide", """
                public class Wide {
                    static int sum(%s) {
                        int total = %s;
                        return total;
                    }
                    public static void main(String[] args) {
                        System.out.println(sum(%s));
                    }
                }
                """.formatted(parameters, sum, arguments));
        assertEquals(0, run.status());
        assertEquals("32385" + System.lineSeparator(), run.out());
        assertEquals(List.of("main 7", "sum 3", "sum 4"), run.rows().stream()
                .map(r -> r.get("function") + " " + r.get("lineNo")).toList());
    }
}
