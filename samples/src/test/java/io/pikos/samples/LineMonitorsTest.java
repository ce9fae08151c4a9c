package io.pikos.samples;

import io.pikos.monitors.FocusedLineMonitor;
import io.pikos.monitors.LineMemoryMonitor;
import io.pikos.monitors.LineMonitor;
import io.pikos.monitors.Monitor;
import io.pikos.recorders.ListRecorder;
import io.pikos.records.LineMemoryRecord;
import io.pikos.records.LineRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The line monitors on code built as an application is: javac, ajc weaving its class files, then the
 * line pass. {@link Work} is the target; its lines are found by their text, not by number.
 */
class LineMonitorsTest {

    private static final Path SOURCE = Path.of("src/main/java/io/pikos/samples/Work.java");
    private static final String FILENAME = "samples/" + SOURCE;

    @Test
    void line_monitor_records_every_line_of_every_woven_method_in_order() throws IOException {
        ListRecorder<LineRecord> recorder = new ListRecorder<>();
        try (Monitor monitor = new LineMonitor(recorder).enable()) {
            assertEquals(5, Work.sumOfSquares(List.of(1, 2)));
        }
        int sum = line("int sum = 0;");
        int loop = line("for (int value : values) {");
        int add = line("sum += square(value);");
        int square = line("return value * value;");
        int ret = line("return sum;");
        assertEquals(List.of("sumOfSquares:" + sum, "sumOfSquares:" + loop, "sumOfSquares:" + add, "square:" + square,
                        "sumOfSquares:" + loop, "sumOfSquares:" + add, "square:" + square, "sumOfSquares:" + loop,
                        "sumOfSquares:" + ret),
                recorder.records().stream().map(r -> r.function() + ":" + r.lineNo()).toList());
        List<String> source = Files.readAllLines(SOURCE);
        for (LineRecord record : recorder.records()) {
            assertEquals(source.get(record.lineNo() - 1).stripTrailing(), record.line());
            assertTrue(record.filename().endsWith(FILENAME.substring("samples/".length())), record.filename());
        }
    }

    @Test
    void focused_line_monitor_records_the_focus_method_and_not_what_it_calls() throws IOException {
        ListRecorder<LineRecord> recorder = new ListRecorder<>();
        try (Monitor monitor = new FocusedLineMonitor(recorder, "io.pikos.samples.Work.sumOfSquares").enable()) {
            Work.square(3); // not a focus method
            Work.sumOfSquares(List.of(4));
        }
        int loop = line("for (int value : values) {");
        assertEquals(List.of(line("int sum = 0;"), loop, line("sum += square(value);"), loop, line("return sum;")),
                recorder.records().stream().map(LineRecord::lineNo).toList());
        assertTrue(recorder.records().stream().allMatch(r -> r.function().equals("sumOfSquares")));
    }

    @Test
    void line_memory_monitor_samples_memory_before_each_line() throws IOException {
        ListRecorder<LineMemoryRecord> recorder = new ListRecorder<>();
        try (Monitor monitor = new LineMemoryMonitor(recorder).enable()) {
            Work.square(7);
        }
        List<LineMemoryRecord> records = recorder.records();
        assertEquals(1, records.size());
        LineMemoryRecord record = records.get(0);
        assertEquals(0, record.index());
        assertEquals("square", record.function());
        assertEquals(line("return value * value;"), record.lineNo());
        assertEquals("        return value * value;", record.line());
        assertTrue(record.rss() > 0 && record.vms() >= record.rss(), record.toString());
    }

    private static int line(String code) throws IOException {
        List<String> source = Files.readAllLines(SOURCE);
        for (int i = 0; i < source.size(); i++) {
            if (source.get(i).strip().equals(code)) {
                return i + 1;
            }
        }
        throw new AssertionError("not in " + SOURCE + ": " + code);
    }
}
