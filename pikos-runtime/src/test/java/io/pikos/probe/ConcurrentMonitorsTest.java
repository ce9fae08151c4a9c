package io.pikos.probe;

import io.pikos.annotations.MonitorKind;
import io.pikos.internal.config.MonitorFactory;
import io.pikos.monitors.FunctionMonitor;
import io.pikos.monitors.Monitor;
import io.pikos.records.MonitorRecord;
import io.pikos.recorders.CsvStreamRecorder;
import io.pikos.recorders.ListRecorder;
import io.pikos.recorders.Recorder;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Eight threads recording at once through each monitor, into a CSV stream and into a list: exactly the
 * records expected of each type, indices unique and contiguous in the order received, the header and
 * every row whole; and a monitor switched on and off from another thread while the workers run.
 */
class ConcurrentMonitorsTest {

    private static final int THREADS = 8;
    private static final int CALLS = 2_000;
    /** The CSV header of each monitor's records, as DESIGN gives them. */
    private static final Map<MonitorKind, String> HEADERS = Map.of(
            MonitorKind.FUNCTIONS, "index,type,function,lineNo,filename",
            MonitorKind.LINES, "index,function,lineNo,line,filename",
            MonitorKind.FUNCTION_MEMORY, "index,type,function,RSS,VMS,lineNo,filename",
            MonitorKind.LINE_MEMORY, "index,function,lineNo,RSS,VMS,line,filename");

    @BeforeAll
    static void registerSource() {
        ProbeFixture.registerSource();
    }

    @ParameterizedTest
    @EnumSource(MonitorKind.class)
    void eight_threads_into_a_csv_stream_lose_duplicate_and_split_nothing(MonitorKind kind) throws Exception {
        StringWriter out = new StringWriter();
        runWorkers(MonitorFactory.monitor(kind, recorder(new CsvStreamRecorder(out))));
        List<CSVRecord> rows = parse(out.toString());
        List<String> header = List.of(HEADERS.get(kind).split(","));
        assertEquals(header, headerNames(out.toString()));
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(header.size(), rows.get(i).size(), "row " + i + " is broken: " + rows.get(i));
            assertEquals(Integer.toString(i), rows.get(i).get("index"), "rows arrive in index order, none missing");
        }
        assertCounts(kind, rows.stream().collect(Collectors.groupingBy(r -> isLines(kind) ? "line" : r.get("type"),
                Collectors.counting())));
    }

    @ParameterizedTest
    @EnumSource(MonitorKind.class)
    void eight_threads_into_a_list_lose_and_duplicate_nothing(MonitorKind kind) throws Exception {
        ListRecorder<MonitorRecord> list = new ListRecorder<>();
        runWorkers(MonitorFactory.monitor(kind, recorder(list)));
        List<MonitorRecord> records = list.records();
        for (int i = 0; i < records.size(); i++) {
            assertEquals(i, records.get(i).index());
        }
        Function<MonitorRecord, String> type = r -> isLines(kind) ? "line" : (String) r.column(1);
        assertCounts(kind, records.stream().collect(Collectors.groupingBy(type, Collectors.counting())));
    }

    @Test
    void a_monitor_switched_on_and_off_from_another_thread_writes_whole_contiguous_rows_each_time() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        CyclicBarrier start = new CyclicBarrier(THREADS + 1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Thread worker = new Thread(() -> {
                await(start);
                while (!stop.get()) {
                    ProbeFixture.outer(1);
                }
            });
            workers.add(worker);
            worker.start();
        }
        await(start);
        try {
            for (int round = 0; round < 20; round++) {
                StringWriter out = new StringWriter();
                Monitor monitor = new FunctionMonitor(new CsvStreamRecorder(out));
                monitor.enable();
                while (parse(out.toString()).size() < 100) {
                    Thread.onSpinWait(); // the workers record meanwhile
                }
                monitor.disable();
                String written = out.toString();
                List<CSVRecord> rows = parse(written);
                assertTrue(written.endsWith("\r\n"));
                for (int i = 0; i < rows.size(); i++) {
                    assertEquals(5, rows.get(i).size(), "round " + round + ", row " + i);
                    assertEquals(Integer.toString(i), rows.get(i).get("index"), "round " + round);
                }
                assertEquals(written, out.toString(), "nothing written after disable returned");
            }
        } finally {
            stop.set(true);
            for (Thread worker : workers) {
                worker.join();
            }
        }
    }

    /**
     * A list takes records in batches, one per thread: a thread that is alive but not recording when the
     * monitor is disabled has its last, partly filled batch handed over by the disable, in its order.
     */
    @ParameterizedTest
    @EnumSource(value = MonitorKind.class, names = {"FUNCTIONS", "LINES"})
    void disable_hands_over_what_a_live_idle_thread_recorded(MonitorKind kind) throws Exception {
        ListRecorder<MonitorRecord> list = new ListRecorder<>();
        Monitor monitor = MonitorFactory.monitor(kind, recorder(list)).enable();
        CountDownLatch recorded = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            ProbeFixture.outer(2); // 14 function records, or 3 lines: far fewer than a batch
            recorded.countDown();
            awaitLatch(release);
        });
        worker.start();
        try {
            recorded.await();
            assertEquals(List.of(), list.records(), "still in the worker's batch");
            monitor.disable();
        } finally {
            release.countDown();
            worker.join();
        }
        List<MonitorRecord> records = list.records();
        List<String> expected = isLines(kind) ? List.of("inner 21", "inner 21", "inner 21") : List.of(
                "call outer", "call inner", "c_call sqrt", "c_return sqrt", "call inner", "c_call sqrt",
                "c_return sqrt", "call inner", "c_call sqrt", "c_return sqrt", "return inner", "return inner",
                "return inner", "return outer");
        assertEquals(expected, records.stream().map(r -> r.column(1) + " " + r.column(2)).toList());
        for (int i = 0; i < records.size(); i++) {
            assertEquals(i, records.get(i).index());
        }
    }

    private static void runWorkers(Monitor monitor) throws InterruptedException {
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Thread> workers = new ArrayList<>();
        try (Monitor enabled = monitor.enable()) {
            for (int t = 0; t < THREADS; t++) {
                Thread worker = new Thread(() -> {
                    await(start);
                    for (int i = 0; i < CALLS; i++) {
                        ProbeFixture.outer(1);
                    }
                });
                workers.add(worker);
                worker.start();
            }
            for (Thread worker : workers) {
                worker.join();
            }
        }
    }

    /** outer(1) makes 3 calls and returns and 2 calls into the JDK and back, or runs inner's line twice. */
    private static void assertCounts(MonitorKind kind, Map<String, Long> byType) {
        long calls = (long) THREADS * CALLS;
        Map<String, Long> expected = isLines(kind) ? Map.of("line", 2 * calls)
                : Map.of("call", 3 * calls, "return", 3 * calls, "c_call", 2 * calls, "c_return", 2 * calls);
        assertEquals(expected, byType);
    }

    private static boolean isLines(MonitorKind kind) {
        return kind == MonitorKind.LINES || kind == MonitorKind.LINE_MEMORY;
    }

    @SuppressWarnings("unchecked")
    private static Recorder<MonitorRecord> recorder(Recorder<? extends MonitorRecord> recorder) {
        return (Recorder<MonitorRecord>) recorder;
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        try (CSVParser parser = CSVParser.parse(new StringReader(csv),
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return parser.getRecords();
        }
    }

    private static List<String> headerNames(String csv) throws IOException {
        try (CSVParser parser = CSVParser.parse(new StringReader(csv),
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return parser.getHeaderNames();
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
