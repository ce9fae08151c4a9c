package io.pikos.benchmarks.moobench.configurations;

import io.pikos.monitors.FunctionMemoryMonitor;
import io.pikos.records.FunctionMemoryRecord;

/** A {@link FunctionMemoryMonitor} into pikos' {@code ListRecorder}: see {@link ListConfiguration}. */
public final class PikosFunctionMemoryList extends ListConfiguration<FunctionMemoryRecord> {

    /** Creates the configuration. */
    public PikosFunctionMemoryList() {
        super("FunctionMemoryMonitor(ListRecorder)", FunctionMemoryMonitor::new);
    }
}
