package io.pikos.benchmarks.moobench.configurations;

import io.pikos.monitors.FunctionMonitor;
import io.pikos.records.FunctionRecord;

/** A {@link FunctionMonitor} into pikos' {@code ListRecorder}: see {@link ListConfiguration}. */
public final class PikosFunctionsList extends ListConfiguration<FunctionRecord> {

    /** Creates the configuration. */
    public PikosFunctionsList() {
        super("FunctionMonitor(ListRecorder)", FunctionMonitor::new);
    }
}
