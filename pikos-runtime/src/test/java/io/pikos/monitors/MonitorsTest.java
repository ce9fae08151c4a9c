package io.pikos.monitors;

import io.pikos.probe.ProbeFixture;
import io.pikos.probe.Probes;
import io.pikos.probe.Sites;
import io.pikos.records.FunctionMemoryRecord;
import io.pikos.records.FunctionRecord;
import io.pikos.records.LineMemoryRecord;
import io.pikos.records.LineRecord;
import io.pikos.recorders.ListRecorder;
import io.pikos.recorders.Recorder;
import io.pikos.recorders.RecorderException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static io.pikos.probe.ProbeFixture.SOURCE_PATH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MonitorsTest {

    private static final String INNER_TEXT = "        return (int) Math.sqrt(n);";

    @BeforeAll
    static void registerSource() {
        ProbeFixture.registerSource();
    }

    private static FunctionRecord fn(long index, String type, String function, int line) {
        return new FunctionRecord(index, type, function, line, SOURCE_PATH);
    }

    @Test
    void function_monitor_records_calls_returns_and_call_outs_in_order() {
        ListRecorder<FunctionRecord> recorder = new ListRecorder<>();
        try (Monitor monitor = new FunctionMonitor(recorder).enable()) {
            ProbeFixture.outer(1);
        }
        assertEquals(List.of(
                fn(0, "call", "outer", 10),
                fn(1, "call", "inner", 20),
                fn(2, "c_call", "sqrt", 21),
                fn(3, "c_return", "sqrt", 21),
                fn(4, "call", "inner", 20),
                fn(5, "c_call", "sqrt", 21),
                fn(6, "c_return", "sqrt", 21),
                fn(7, "return", "inner", 21),
                fn(8, "return", "inner", 21),
                fn(9, "return", "outer", 12)), recorder.records());
    }

    @Test
    void the_last_line_a_class_file_can_number_is_recorded_whole_in_batches_and_one_at_a_time() {
        int method = Sites.method(MonitorsTest.class, "ProbeFixture.java", "far", "()V", 65_535);
        List<String> expected = List.of("call far 65535", "return far 65535");

        ListRecorder<FunctionRecord> inBatches = new ListRecorder<>();
        try (Monitor monitor = new FunctionMonitor(inBatches).enable()) {
            Probes.methodEnter(method);
            Probes.methodReturn(method, 65_535);
        }
        assertEquals(expected, inBatches.records().stream().map(MonitorsTest::typeFunctionLine).toList());

        List<String> oneAtATime = new ArrayList<>();
        Recorder<FunctionRecord> recorder = new Recorder<>() { // does not accept batches
            @Override
            public void prepare(Class<? extends FunctionRecord> recordType) {
            }

            @Override
            public void record(FunctionRecord record) {
                oneAtATime.add(typeFunctionLine(record));
            }

            @Override
            public void finish() {
            }
        };
        try (Monitor monitor = new FunctionMonitor(recorder).enable()) {
            Probes.methodEnter(method);
            Probes.methodReturn(method, 65_535);
        }
        assertEquals(expected, oneAtATime);
    }

    private static String typeFunctionLine(FunctionRecord record) {
        return record.type() + " " + record.function() + " " + record.lineNo();
    }

    @Test
    void records_keep_their_order_while_a_second_monitor_comes_and_goes() {
        ListRecorder<FunctionRecord> first = new ListRecorder<>();
        ListRecorder<FunctionRecord> second = new ListRecorder<>();
        try (Monitor alone = new FunctionMonitor(first).enable()) {
            ProbeFixture.outer(0); // the only monitor: the dispatcher fills its batches itself
            try (Monitor another = new FunctionMonitor(second).enable()) {
                ProbeFixture.other(); // two monitors: each event through each listener
            }
            ProbeFixture.outer(0); // alone again
        }
        List<FunctionRecord> outer = List.of(fn(0, "call", "outer", 10), fn(0, "call", "inner", 20),
                fn(0, "c_call", "sqrt", 21), fn(0, "c_return", "sqrt", 21), fn(0, "return", "inner", 21),
                fn(0, "return", "outer", 12));
        List<FunctionRecord> expected = new ArrayList<>(outer);
        expected.addAll(List.of(fn(0, "call", "other", 30), fn(0, "return", "other", 31)));
        expected.addAll(outer);
        for (int i = 0; i < expected.size(); i++) {
            FunctionRecord r = expected.get(i);
            expected.set(i, fn(i, r.type(), r.function(), r.lineNo()));
        }
        assertEquals(expected, first.records());
        assertEquals(List.of(fn(0, "call", "other", 30), fn(1, "return", "other", 31)), second.records());
    }

    @Test
    void method_left_by_a_throw_records_exception_at_its_declaring_line() {
        ListRecorder<FunctionRecord> recorder = new ListRecorder<>();
        try (Monitor monitor = new FunctionMonitor(recorder).enable()) {
            ProbeFixture.throwing();
        }
        assertEquals(List.of(fn(0, "call", "other", 30), fn(1, "exception", "other", 30)), recorder.records());
    }

    @Test
    void line_monitor_records_each_line_with_its_build_time_text() {
        ListRecorder<LineRecord> recorder = new ListRecorder<>();
        try (Monitor monitor = new LineMonitor(recorder).enable()) {
            ProbeFixture.outer(1);
        }
        assertEquals(List.of(
                new LineRecord(0, "inner", 21, INNER_TEXT, SOURCE_PATH),
                new LineRecord(1, "inner", 21, INNER_TEXT, SOURCE_PATH)), recorder.records());
    }

    @Test
    void nothing_is_recorded_before_enable_or_after_disable() {
        ListRecorder<FunctionRecord> recorder = new ListRecorder<>();
        Monitor monitor = new FunctionMonitor(recorder);
        ProbeFixture.other();
        monitor.enable();
        ProbeFixture.other();
        monitor.disable();
        ProbeFixture.other();
        assertEquals(List.of(fn(0, "call", "other", 30), fn(1, "return", "other", 31)), recorder.records());
    }

    @Test
    void nested_enables_prepare_and_finish_the_recorder_once() {
        CountingRecorder recorder = new CountingRecorder();
        Monitor monitor = new FunctionMonitor(recorder);
        monitor.enable();
        monitor.enable();
        ProbeFixture.other();
        monitor.disable();
        ProbeFixture.other();
        monitor.disable();
        ProbeFixture.other();
        assertEquals(List.of("prepare FunctionRecord", "record", "record", "record", "record", "finish"),
                recorder.calls);
    }

    @Test
    void monitor_can_be_enabled_again_after_a_full_disable_and_indices_continue() {
        ListRecorder<FunctionRecord> recorder = new ListRecorder<>();
        Monitor monitor = new FunctionMonitor(recorder);
        monitor.attach(ProbeFixture::other).run();
        monitor.attach(ProbeFixture::other).run();
        assertEquals(List.of(
                fn(0, "call", "other", 30), fn(1, "return", "other", 31),
                fn(2, "call", "other", 30), fn(3, "return", "other", 31)), recorder.records());
    }

    @Test
    void disable_of_a_monitor_that_is_not_enabled_throws() {
        Monitor monitor = new FunctionMonitor(new ListRecorder<>());
        IllegalStateException e = assertThrows(IllegalStateException.class, monitor::disable);
        assertEquals("FunctionMonitor[ListRecorder] is not enabled", e.getMessage());
    }

    @Test
    void try_with_resources_disables_when_the_block_throws() {
        CountingRecorder recorder = new CountingRecorder();
        FunctionMonitor monitor = new FunctionMonitor(recorder);
        assertThrows(IllegalArgumentException.class, () -> {
            try (Monitor m = monitor.enable()) {
                throw new IllegalArgumentException("boom");
            }
        });
        assertFalse(monitor.isEnabled());
        assertEquals(List.of("prepare FunctionRecord", "finish"), recorder.calls);
    }

    @Test
    void attach_returns_the_callable_value() throws Exception {
        ListRecorder<FunctionRecord> recorder = new ListRecorder<>();
        Integer result = new FunctionMonitor(recorder).attach(() -> {
            ProbeFixture.other();
            return 42;
        }).call();
        assertEquals(42, result);
        assertEquals(2, recorder.records().size());
    }

    @Test
    void attach_rethrows_the_same_exception_object_and_disables() {
        Exception thrown = new java.io.IOException("disk");
        RuntimeException unchecked = new IllegalStateException("state");
        FunctionMonitor monitor = new FunctionMonitor(new ListRecorder<>());
        Exception caught = assertThrows(Exception.class, () -> monitor.attach(() -> {
            throw thrown;
        }).call());
        assertSame(thrown, caught);
        Runnable throwing = () -> {
            throw unchecked;
        };
        RuntimeException caughtUnchecked = assertThrows(RuntimeException.class, () -> monitor.attach(throwing).run());
        assertSame(unchecked, caughtUnchecked);
        assertFalse(monitor.isEnabled());
    }

    @Test
    void focused_monitor_records_only_inside_the_focus_method_recursion_included() {
        ListRecorder<FunctionRecord> recorder = new ListRecorder<>();
        try (Monitor monitor = new FocusedFunctionMonitor(recorder, "io.pikos.probe.ProbeFixture.inner").enable()) {
            ProbeFixture.other();
            ProbeFixture.outer(1);
            ProbeFixture.other();
        }
        assertEquals(List.of(
                fn(0, "call", "inner", 20),
                fn(1, "c_call", "sqrt", 21),
                fn(2, "c_return", "sqrt", 21),
                fn(3, "call", "inner", 20),
                fn(4, "c_call", "sqrt", 21),
                fn(5, "c_return", "sqrt", 21),
                fn(6, "return", "inner", 21),
                fn(7, "return", "inner", 21)), recorder.records());
    }

    @Test
    void focus_given_as_a_method_object_matches_that_method() throws Exception {
        ListRecorder<FunctionRecord> recorder = new ListRecorder<>();
        try (Monitor monitor = new FocusedFunctionMonitor(recorder,
                ProbeFixture.class.getMethod("other")).enable()) {
            ProbeFixture.outer(0);
            ProbeFixture.other();
        }
        assertEquals(List.of(fn(0, "call", "other", 30), fn(1, "return", "other", 31)), recorder.records());
    }

    @Test
    void two_focus_methods_are_both_recorded_and_nothing_between_them() {
        ListRecorder<FunctionRecord> recorder = new ListRecorder<>();
        try (Monitor monitor = new FocusedFunctionMonitor(recorder,
                "io.pikos.probe.ProbeFixture.other", "io.pikos.probe.ProbeFixture.inner").enable()) {
            ProbeFixture.other();
            ProbeFixture.outer(0);
        }
        assertEquals(List.of(
                fn(0, "call", "other", 30),
                fn(1, "return", "other", 31),
                fn(2, "call", "inner", 20),
                fn(3, "c_call", "sqrt", 21),
                fn(4, "c_return", "sqrt", 21),
                fn(5, "return", "inner", 21)), recorder.records());
    }

    @Test
    void focused_monitor_does_not_record_another_thread_outside_its_focus() throws Exception {
        ListRecorder<FunctionRecord> recorder = new ListRecorder<>();
        CountDownLatch inFocus = new CountDownLatch(1);
        CountDownLatch mainDone = new CountDownLatch(1);
        try (Monitor monitor = new FocusedFunctionMonitor(recorder, "io.pikos.probe.ProbeFixture.inner").enable()) {
            Thread worker = new Thread(() -> {
                Probes.methodEnter(ProbeFixture.INNER);
                inFocus.countDown();
                awaitQuietly(mainDone);
                Probes.methodReturn(ProbeFixture.INNER, 21);
            });
            worker.start();
            inFocus.await();
            ProbeFixture.other(); // main thread: not in focus while the worker is
            mainDone.countDown();
            worker.join();
        }
        assertEquals(List.of(fn(0, "call", "inner", 20), fn(1, "return", "inner", 21)), recorder.records());
    }

    @Test
    void focused_line_monitor_records_the_lines_of_its_focus_methods_and_not_of_their_callers_or_callees() {
        ListRecorder<LineRecord> recorder = new ListRecorder<>();
        try (Monitor monitor = new FocusedLineMonitor(recorder, "io.pikos.probe.ProbeFixture.inner").enable()) {
            Probes.line(ProbeFixture.OUTER_LINE); // a line of outer: not recorded
            ProbeFixture.inner(1); // inner's line, once per activation, recursion included
        }
        assertEquals(List.of(new LineRecord(0, "inner", 21, INNER_TEXT, SOURCE_PATH),
                new LineRecord(1, "inner", 21, INNER_TEXT, SOURCE_PATH)), recorder.records());
    }

    @Test
    void focus_name_must_name_a_class_and_a_method() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FocusedLineMonitor(new ListRecorder<>(), "mandelbrot"));
        assertEquals("focus 'mandelbrot' is not of the form pkg.Class.method", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new FocusedLineMonitor(new ListRecorder<>(), new String[0]));
    }

    @Test
    void memory_monitors_record_positive_rss_and_vms_not_below_it() {
        ListRecorder<FunctionMemoryRecord> functions = new ListRecorder<>();
        ListRecorder<LineMemoryRecord> lines = new ListRecorder<>();
        try (Monitor f = new FunctionMemoryMonitor(functions).enable();
             Monitor l = new LineMemoryMonitor(lines).enable()) {
            ProbeFixture.outer(0);
        }
        assertEquals(List.of("call outer", "call inner", "c_call sqrt", "c_return sqrt", "return inner", "return outer"),
                functions.records().stream().map(r -> r.type() + " " + r.function()).toList());
        assertEquals(1, lines.records().size());
        LineMemoryRecord line = lines.records().get(0);
        assertEquals(INNER_TEXT, line.line());
        assertEquals(21, line.lineNo());
        for (FunctionMemoryRecord r : functions.records()) {
            assertTrue(r.rss() > 0 && r.vms() >= r.rss(), r.toString());
        }
        assertTrue(line.rss() > 0 && line.vms() >= line.rss(), line.toString());
    }

    @Test
    void a_failing_recorder_is_reported_once_and_the_program_carries_on() {
        ListRecorder<FunctionRecord> failing = new ListRecorder<>(record -> {
            throw new RecorderException("disk full");
        });
        PrintStream originalErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try (Monitor monitor = new FunctionMonitor(failing).enable()) {
            ProbeFixture.outer(2);
            ProbeFixture.other();
        } finally {
            System.setErr(originalErr);
        }
        assertEquals("pikos: FunctionMonitor[ListRecorder]: recording stopped: disk full" + System.lineSeparator(),
                err.toString(StandardCharsets.UTF_8));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
