package io.pikos.benchmarks.moobench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Runs one case in this JVM, as MooBench's benchmark thread does: times each call of the target with
 * {@link System#nanoTime()}, drops the first half of the calls as warm-up, and prints one line,
 * {@value #RESULT_PREFIX} followed by {@code key=value} fields, that the launcher reads.
 *
 * <pre>
 * java -cp ... io.pikos.benchmarks.moobench.Driver --case NAME --calls N --method-time NS --depth D --batch B
 * </pre>
 *
 * <p>The calls run in batches of {@code B} (default {@value #DEFAULT_BATCH}); between two batches, outside any
 * timed region, the configuration may swap its recorder ({@link Configuration#betweenBatches()}).
 */
public final class Driver {

    /**
     * The calls between two {@link Configuration#betweenBatches()}, unless {@code --batch} says otherwise: a
     * {@code ListRecorder} then keeps at most about 98 000 function records (24 per call), so that its array
     * stays below G1's humongous size and the records it keeps stay few (see benchmarks/README.md).
     */
    public static final int DEFAULT_BATCH = 4096;

    private static int batch = DEFAULT_BATCH;

    /** What the result line starts with. */
    public static final String RESULT_PREFIX = "moobench-result";

    private static long sink;

    private Driver() {
    }

    /** @return the calls between two {@link Configuration#betweenBatches()} in this JVM */
    public static int batch() {
        return batch;
    }

    /**
     * Runs a case; see the class comment for the arguments.
     *
     * @param args the arguments
     * @throws ReflectiveOperationException if the case's target or configuration cannot be made (a
     *                                      classpath that lacks its module)
     */
    public static void main(String[] args) throws ReflectiveOperationException {
        String name = null;
        int calls = 0;
        long methodTime = -1;
        int depth = 0;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--case" -> name = args[i + 1];
                case "--calls" -> calls = Integer.parseInt(args[i + 1]);
                case "--method-time" -> methodTime = Long.parseLong(args[i + 1]);
                case "--depth" -> depth = Integer.parseInt(args[i + 1]);
                case "--batch" -> batch = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String caseName = name;
        Case c = Case.named(caseName).orElseThrow(() -> new IllegalArgumentException("unknown case " + caseName));
        if (calls < 4 || methodTime < 0 || depth < 1 || batch < 1 || args.length < 8) {
            throw new IllegalArgumentException("usage: --case NAME --calls N --method-time NS --depth D [--batch B]");
        }

        MonitoredTarget target = (MonitoredTarget) Class.forName(c.targetClass()).getDeclaredConstructor().newInstance();
        Configuration configuration = (Configuration) Class.forName(c.configurationClass())
                .getDeclaredConstructor().newInstance();

        long[] durations = new long[calls];
        int warmUp = calls / 2;
        configuration.start();
        long lastBatch = run(target, configuration, durations, 0, warmUp, methodTime, depth);
        long gcCountBefore = gcCount();
        long gcMillisBefore = gcMillis();
        lastBatch = run(target, configuration, durations, warmUp, calls, methodTime, depth);
        long gcCount = gcCount() - gcCountBefore;
        long gcMillis = gcMillis() - gcMillisBefore;
        double recordsPerCall = configuration.stop(calls, lastBatch);

        Statistics measured = Statistics.of(durations, warmUp, calls);
        System.out.println(String.format(Locale.ROOT,
                "%s case=%s calls=%d depth=%d methodTime=%d count=%d mean=%s m2=%s median=%s recordsPerCall=%s"
                        + " gcCount=%d gcMillis=%d sink=%d notes=%s",
                RESULT_PREFIX, c.caseName(), calls, depth, methodTime, measured.count(), measured.mean(),
                measured.m2(), measured.median(), recordsPerCall, gcCount, gcMillis, sink & 1,
                configuration.notes().replace('\n', ' ')));
    }

    /**
     * Times the calls {@code [from, to)} into {@code durations}, pausing between batches.
     *
     * @return the calls made since the last pause
     */
    private static long run(MonitoredTarget target, Configuration configuration, long[] durations, int from, int to,
                            long methodTime, int depth) {
        int i = from;
        long sinceBatch = 0;
        while (i < to) {
            int end = Math.min(to, i - i % batch + batch);
            measure(target, durations, i, end, methodTime, depth);
            sinceBatch = end - (i - i % batch);
            i = end;
            if (i % batch == 0 && i < durations.length) {
                configuration.betweenBatches();
            }
        }
        return sinceBatch;
    }

    /** The timed loop, as MooBench's: one {@code nanoTime} before and one after each outer call. */
    private static void measure(MonitoredTarget target, long[] durations, int from, int to, long methodTime,
                                int depth) {
        long result = 0;
        for (int i = from; i < to; i++) {
            long start = System.nanoTime();
            result ^= target.monitoredMethod(methodTime, depth);
            durations[i] = System.nanoTime() - start;
        }
        sink ^= result;
    }

    private static long gcCount() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionCount());
        }
        return total;
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }
}
