package io.pikos.weaver.internal.hooks;

import io.pikos.monitors.FunctionMonitor;
import io.pikos.records.FunctionRecord;
import io.pikos.recorders.ListRecorder;
import org.aspectj.lang.JoinPoint;
import org.aspectj.runtime.reflect.Factory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The join point table: every join point keeps its own site while the table grows and while threads
 * meet join points for the first time at once. Join points are made as AspectJ's woven classes make
 * them, with its {@link Factory}, far more of them than the table's first capacity.
 */
class JoinPointEventsTest {

    private static final int JOIN_POINTS = 5_000;
    private static final int THREADS = 4;

    @Test
    void eachJoinPointRecordsItsOwnMethodWhileTheTableGrowsUnderRacingThreads() throws Exception {
        Factory factory = new Factory("Generated.java", JoinPointEventsTest.class);
        List<JoinPoint.StaticPart> joinPoints = new ArrayList<>();
        for (int i = 0; i < JOIN_POINTS; i++) {
            joinPoints.add(factory.makeSJP(JoinPoint.METHOD_EXECUTION,
                    factory.makeMethodSig("1", "m" + i, JoinPointEventsTest.class.getName(), "int", "x", "", "void"),
                    i + 1));
        }
        ListRecorder<FunctionRecord> recorder = new ListRecorder<>();
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        try (FunctionMonitor monitor = new FunctionMonitor(recorder)) {
            monitor.enable();
            for (int t = 0; t < THREADS; t++) {
                List<JoinPoint.StaticPart> order = new ArrayList<>(joinPoints);
                Collections.shuffle(order, new Random(t)); // each thread meets them in its own order
                Thread thread = new Thread(() -> {
                    try {
                        start.await();
                        for (JoinPoint.StaticPart joinPoint : order) {
                            JoinPointEvents.methodEnter(joinPoint);
                            JoinPointEvents.methodReturn(joinPoint);
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                });
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
        }
        assertEquals(List.of(), failures);

        // Each thread made a call and a return of each join point, with the line the join point was made at.
        Map<String, Integer> expected = new TreeMap<>();
        for (int i = 0; i < JOIN_POINTS; i++) {
            expected.put("call m" + i + " " + (i + 1), THREADS);
            expected.put("return m" + i + " " + (i + 1), THREADS);
        }
        Map<String, Integer> recorded = new TreeMap<>();
        for (FunctionRecord record : recorder.records()) {
            assertEquals("io/pikos/weaver/internal/hooks/Generated.java", record.filename());
            recorded.merge(record.type() + " " + record.function() + " " + record.lineNo(), 1, Integer::sum);
        }
        assertEquals(expected, recorded);
    }
}
