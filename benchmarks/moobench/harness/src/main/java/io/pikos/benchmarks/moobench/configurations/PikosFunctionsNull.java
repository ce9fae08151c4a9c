package io.pikos.benchmarks.moobench.configurations;

import io.pikos.benchmarks.NullRecorder;
import io.pikos.benchmarks.moobench.Configuration;
import io.pikos.monitors.FunctionMonitor;
import io.pikos.monitors.Monitor;

/** A {@link FunctionMonitor} into {@link NullRecorder}: every record made and dispatched, none kept. */
public final class PikosFunctionsNull implements Configuration {

    private Monitor monitor;

    @Override
    public void start() {
        monitor = new FunctionMonitor(new NullRecorder()).enable();
    }

    @Override
    public double stop(long calls, long lastBatchCalls) {
        monitor.disable();
        return Double.NaN;
    }

    @Override
    public String notes() {
        return "FunctionMonitor(NullRecorder)";
    }
}
