package io.pikos.samples;

import io.pikos.monitors.FunctionMonitor;
import io.pikos.monitors.Monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.pikos.api.Pikos.csvFile;

/** Several threads under one monitor: their records go whole into one CSV file, in index order. */
public final class ThreadsSample {

    private static final int THREADS = 4;
    private static final int CALLS = 1_000;

    private ThreadsSample() {
    }

    /**
     * Runs {@code Work.square} on four threads and writes the records to {@code threads.csv}.
     *
     * @param args not used
     * @throws Exception if a worker fails
     */
    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long total = 0;
        try (Monitor monitor = new FunctionMonitor(csvFile("threads.csv")).enable()) {
            List<Future<Long>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                results.add(pool.submit(ThreadsSample::work));
            }
            for (Future<Long> result : results) {
                total += result.get();
            }
        } finally {
            pool.shutdown();
        }
        System.out.println("total = " + total + "; records in threads.csv");
    }

    private static long work() {
        long sum = 0;
        for (int i = 0; i < CALLS; i++) {
            sum += Work.square(i);
        }
        return sum;
    }
}
