package io.pikos.probe;

import io.pikos.monitors.FunctionMonitor;
import io.pikos.monitors.Monitor;
import io.pikos.recorders.CsvStreamRecorder;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConcurrentRecordingTest {

    private static final int THREADS = 8;
    private static final int CALLS = 2_000;
    private static final int RECORDS_PER_CALL = 10; // outer(1): see ProbeFixture

    @Test
    void eight_threads_through_the_probes_lose_duplicate_and_break_nothing() throws Exception {
        StringWriter out = new StringWriter();
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Thread> workers = new ArrayList<>();
        try (Monitor monitor = new FunctionMonitor(new CsvStreamRecorder(out)).enable()) {
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

        List<CSVRecord> rows = parse(out.toString());
        int expected = THREADS * CALLS * RECORDS_PER_CALL;
        assertEquals(expected, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord row = rows.get(i);
            assertEquals(5, row.size(), "row " + i + " is broken: " + row);
            assertEquals(Integer.toString(i), row.get("index"), "rows arrive in index order, none missing");
        }
        Map<String, Long> byType = rows.stream().collect(Collectors.groupingBy(r -> r.get("type"), Collectors.counting()));
        long calls = (long) THREADS * CALLS;
        assertEquals(Map.of("call", 3 * calls, "return", 3 * calls, "c_call", 2 * calls, "c_return", 2 * calls), byType);
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(csv), format)) {
            assertEquals(List.of("index", "type", "function", "lineNo", "filename"), parser.getHeaderNames());
            return parser.getRecords();
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
