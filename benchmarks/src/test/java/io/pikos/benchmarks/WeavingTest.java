package io.pikos.benchmarks;

import io.pikos.benchmarks.lines.LinedLoop;
import io.pikos.benchmarks.woven.WovenTarget;
import io.pikos.monitors.LineMonitor;
import io.pikos.monitors.Monitor;
import io.pikos.records.LineRecord;
import io.pikos.recorders.ListRecorder;
import io.pikos.weaver.Instrumenter;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guards the comparisons the benchmarks make: one target woven, the other and the benchmarks not; one
 * loop copy with line probes, the other and the benchmarks without; and the number of line records per
 * operation the line-probe benchmark's README divides by.
 */
class WeavingTest {

    @Test
    void woven_target_is_woven() throws IOException {
        assertTrue(woven(WovenTarget.class), "WovenTarget was not woven: the instrument goal did not run");
    }

    @Test
    void unwoven_target_and_benchmark_are_not_woven() throws IOException {
        assertFalse(woven(UnwovenTarget.class));
        assertFalse(woven(MethodHooksBenchmark.class));
        assertFalse(woven(LineProbesBenchmark.class));
        assertFalse(woven(UnlinedLoop.class));
    }

    @Test
    void woven_and_unwoven_targets_compute_the_same() {
        assertEquals(UnwovenTarget.add(17, 25), WovenTarget.add(17, 25));
    }

    @Test
    void lined_loop_carries_line_probes() throws IOException {
        assertTrue(hasLineProbes(LinedLoop.class),
                "LinedLoop has no line probes: the instrument goal did not run after the compiler");
    }

    @Test
    void nothing_else_carries_line_probes() throws IOException {
        for (Class<?> type : List.of(UnlinedLoop.class, LineProbesBenchmark.class, LineProbesBenchmark.LinesOn.class,
                MethodHooksBenchmark.class, UnwovenTarget.class, WovenTarget.class, NullRecorder.class)) {
            assertFalse(hasLineProbes(type), type + " has line probes");
        }
    }

    @Test
    void lined_and_unlined_loops_have_the_same_source_but_for_their_names() throws IOException {
        String unlined = Files.readString(Path.of("src/main/java/io/pikos/benchmarks/UnlinedLoop.java"));
        String lined = Files.readString(Path.of("src/main/java/io/pikos/benchmarks/lines/LinedLoop.java"));
        assertEquals(unlined, lined.replace("package io.pikos.benchmarks.lines;", "package io.pikos.benchmarks;")
                .replace("class LinedLoop {", "class UnlinedLoop {")
                .replace("private LinedLoop()", "private UnlinedLoop()"));
    }

    @Test
    void lined_and_unlined_loops_compute_the_same() {
        int[] input = LineProbesBenchmark.input();
        assertEquals(UnlinedLoop.sumPositive(input), LinedLoop.sumPositive(input));
        assertEquals(UnlinedLoop.sumMixed(input), LinedLoop.sumMixed(input));
    }

    @Test
    void sum_positive_reports_the_lines_the_readme_counts() {
        int[] input = LineProbesBenchmark.input();
        assertEquals(LineProbesBenchmark.SUM_POSITIVE_LINES, linesOf(() -> LinedLoop.sumPositive(input)));
    }

    @Test
    void sum_mixed_reports_the_lines_the_readme_counts() {
        int[] input = LineProbesBenchmark.input();
        assertEquals(LineProbesBenchmark.SUM_MIXED_LINES, linesOf(() -> LinedLoop.sumMixed(input)));
    }

    @Test
    void the_unlined_loop_reports_no_lines() {
        int[] input = LineProbesBenchmark.input();
        assertEquals(0, linesOf(() -> {
            UnlinedLoop.sumPositive(input);
            UnlinedLoop.sumMixed(input);
        }));
    }

    /** Runs one operation under a line monitor into a list. @return the number of line records it made */
    private static int linesOf(Runnable operation) {
        ListRecorder<LineRecord> recorder = new ListRecorder<>();
        try (Monitor monitor = new LineMonitor(recorder).enable()) {
            operation.run();
        }
        return recorder.records().size();
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        String name = type.getName();
        try (InputStream in = type.getResourceAsStream(name.substring(name.lastIndexOf('.') + 1) + ".class")) {
            return in.readAllBytes();
        }
    }

    private static boolean woven(Class<?> type) throws IOException {
        return Instrumenter.isWoven(classFile(type));
    }

    /** A line probe's bootstrap method is named in the constant pool of a class that has line probes. */
    private static boolean hasLineProbes(Class<?> type) throws IOException {
        return new String(classFile(type), StandardCharsets.ISO_8859_1).contains("bootstrapLine");
    }
}
