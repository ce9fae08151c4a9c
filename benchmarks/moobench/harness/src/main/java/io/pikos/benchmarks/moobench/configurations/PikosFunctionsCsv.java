package io.pikos.benchmarks.moobench.configurations;

import io.pikos.benchmarks.moobench.Configuration;
import io.pikos.monitors.FunctionMonitor;
import io.pikos.monitors.Monitor;
import io.pikos.recorders.CsvFileRecorder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A {@link FunctionMonitor} into one {@link CsvFileRecorder} (buffered, its default) for the whole run,
 * writing a temporary file that is deleted after the run.
 */
public final class PikosFunctionsCsv implements Configuration {

    private Path file;
    private Monitor monitor;
    private long bytes;

    @Override
    public void start() {
        try {
            file = Files.createTempFile("pikos-bench-", ".csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        monitor = new FunctionMonitor(new CsvFileRecorder(file)).enable();
    }

    @Override
    public double stop(long calls, long lastBatchCalls) {
        monitor.disable();
        try {
            bytes = Files.size(file);
            long rows = countLines(file) - 1; // less the header
            return (double) rows / calls;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                System.err.println("pikos-bench: cannot delete " + file + ": " + e.getMessage());
            }
        }
    }

    @Override
    public String notes() {
        return "FunctionMonitor(CsvFileRecorder), one temporary file of " + bytes / (1 << 20) + " MiB";
    }

    private static long countLines(Path file) throws IOException {
        long lines = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return lines;
    }
}
