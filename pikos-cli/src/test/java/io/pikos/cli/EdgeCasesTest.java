package io.pikos.cli;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
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

    private WovenRun run(String monitor, String name, String source, String... options) throws IOException {
        String[] buffered = Arrays.copyOf(options, options.length + 1);
        buffered[options.length] = "--buffered";
        return WovenRun.of(dir, monitor, name, source, buffered);
    }

    @ParameterizedTest
    @ValueSource(strings = {"functions", "lines", "function_memory"})
    void recursion_ten_thousand_deep_records_every_frame(String monitor) throws IOException {
        WovenRun run = run(monitor, "Deep", """
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
    /**
     * Repeated: the exits lost near the overflow (HotSpot's shadow zone leaves no stack for their probes)
     * vary with frame sizes and compilation, and the focus must come back to "outside" every time.
     */
    @RepeatedTest(50)
    void a_stack_overflow_in_focused_code_is_the_programs_and_the_focus_recovers() throws IOException {
        WovenRun run = run("functions", "Overflow", """
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
        List<String> events = run.events();
        assertTrue(events.stream().noneMatch(e -> e.endsWith(" after") || e.endsWith(" main")), events.toString());
        assertEquals("call depth", events.get(0));
    }

    @Test
    void an_exception_crossing_focused_frames_leaves_each_and_the_focus_with_it() throws IOException {
        WovenRun run = run("functions", "Crossing", """
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
        assertEquals(List.of("call middle", "call inner", "exception inner", "exception middle"), run.events());
    }

    @Test
    void a_method_with_255_parameters_is_woven_and_runs() throws IOException {
        String parameters = IntStream.range(0, 255).mapToObj(i -> "int p" + i).collect(Collectors.joining(", "));
        String sum = IntStream.range(0, 255).mapToObj(i -> "p" + i).collect(Collectors.joining(" + "));
        String arguments = IntStream.range(0, 255).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        WovenRun run = run("lines", "Wide", """
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
