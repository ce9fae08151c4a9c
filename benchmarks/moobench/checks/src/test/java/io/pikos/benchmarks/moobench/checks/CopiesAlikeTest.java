package io.pikos.benchmarks.moobench.checks;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pikos.benchmarks.moobench.MonitoredTarget;
import io.pikos.monitors.FunctionMonitor;
import io.pikos.monitors.Monitor;
import io.pikos.records.FunctionRecord;
import io.pikos.recorders.ListRecorder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The copies of the target are one program: the same source but for their package and the annotations a
 * tool reads, and the same behaviour, woven or not; and each tool sees one monitored call per level.
 */
class CopiesAlikeTest {

    private static final Map<String, Path> SOURCES = Map.of(
            "baseline", Path.of("../harness/src/main/java/io/pikos/benchmarks/moobench/baseline/MonitoredClass.java"),
            "pikos", Path.of("../pikos/src/main/java/io/pikos/benchmarks/moobench/pikos/MonitoredClass.java"),
            "kieker", Path.of("../kieker/src/main/java/io/pikos/benchmarks/moobench/kieker/MonitoredClass.java"),
            "micrometer", Path.of(
                    "../micrometer/src/main/java/io/pikos/benchmarks/moobench/micrometer/MonitoredClass.java"));

    private static final Map<String, Supplier<MonitoredTarget>> COPIES = Map.of(
            "baseline", io.pikos.benchmarks.moobench.baseline.MonitoredClass::new,
            "pikos", io.pikos.benchmarks.moobench.pikos.MonitoredClass::new,
            "kieker", io.pikos.benchmarks.moobench.kieker.MonitoredClass::new,
            "micrometer", io.pikos.benchmarks.moobench.micrometer.MonitoredClass::new);

    @Test
    void copies_have_the_same_source_but_for_package_and_tool_annotations() throws IOException {
        String baseline = normalized("baseline");
        for (String copy : List.of("pikos", "kieker", "micrometer")) {
            assertEquals(baseline, normalized(copy), copy + "'s copy differs from the baseline");
        }
    }

    @Test
    void micrometer_copy_differs_by_timed_alone() throws IOException {
        String source = Files.readString(SOURCES.get("micrometer"));
        assertTrue(source.contains("    @Timed\n    @Override\n    public long monitoredMethod("), source);
    }

    @Test
    void every_copy_waits_in_its_innermost_call_and_returns_the_clock_reading_that_ended_the_wait() {
        for (Map.Entry<String, Supplier<MonitoredTarget>> copy : COPIES.entrySet()) {
            MonitoredTarget target = copy.getValue().get();
            for (int depth : new int[] {1, 2, 10}) {
                for (long methodTime : new long[] {0, 200_000}) {
                    long before = System.nanoTime();
                    long result = target.monitoredMethod(methodTime, depth);
                    long after = System.nanoTime();
                    String what = copy.getKey() + ", depth " + depth + ", method time " + methodTime;
                    assertTrue(result >= before + methodTime, what + ": returned before the wait ended");
                    assertTrue(result <= after, what + ": returned a time after the call returned");
                }
            }
        }
    }

    @Test
    void pikos_records_one_call_and_one_return_per_level_and_the_clock_readings_as_call_outs() {
        ListRecorder<FunctionRecord> recorder = new ListRecorder<>();
        MonitoredTarget target = new io.pikos.benchmarks.moobench.pikos.MonitoredClass();
        try (Monitor monitor = new FunctionMonitor(recorder).enable()) {
            target.monitoredMethod(0, 10);
        }
        Map<String, Long> byType = recorder.records().stream()
                .filter(r -> r.function().equals("monitoredMethod") || r.function().equals("nanoTime"))
                .collect(Collectors.groupingBy(r -> r.type() + " " + r.function(), Collectors.counting()));
        assertEquals(Map.of("call monitoredMethod", 10L, "return monitoredMethod", 10L,
                "c_call nanoTime", 2L, "c_return nanoTime", 2L), byType);
    }

    @Test
    void kieker_makes_one_operation_execution_record_per_level() throws InterruptedException {
        MonitoredTarget target = new io.pikos.benchmarks.moobench.kieker.MonitoredClass();
        int before = quiescentSignatures(); // records of other tests reach the writer asynchronously
        target.monitoredMethod(0, 7);
        quiescentSignatures();
        List<String> records = CountingWriter.SIGNATURES.subList(before, CountingWriter.SIGNATURES.size());
        assertEquals(7, records.size(), records::toString);
        assertTrue(records.stream().allMatch(s -> s.endsWith("kieker.MonitoredClass.monitoredMethod(long,int)")),
                records::toString);
    }

    @Test
    void micrometer_times_every_level() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Metrics.globalRegistry.add(registry);
        try {
            new io.pikos.benchmarks.moobench.micrometer.MonitoredClass().monitoredMethod(0, 10);
            Timer timer = registry.find("method.timed").timer();
            assertEquals(10, timer == null ? 0 : timer.count());
        } finally {
            Metrics.globalRegistry.remove(registry);
        }
    }

    /** Waits until Kieker's writer has received nothing new for 300 ms. @return the records it received */
    private static int quiescentSignatures() throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        int size = CountingWriter.SIGNATURES.size();
        while (System.nanoTime() < deadline) {
            Thread.sleep(300);
            int now = CountingWriter.SIGNATURES.size();
            if (now == size) {
                return now;
            }
            size = now;
        }
        throw new AssertionError("Kieker's writer kept receiving records for 20 s");
    }

    private static String normalized(String copy) throws IOException {
        return Files.readAllLines(SOURCES.get(copy)).stream()
                .filter(line -> !line.startsWith("package "))
                .filter(line -> !line.equals("import io.micrometer.core.annotation.Timed;"))
                .filter(line -> !line.equals("    @Timed"))
                .collect(Collectors.joining("\n"));
    }
}
