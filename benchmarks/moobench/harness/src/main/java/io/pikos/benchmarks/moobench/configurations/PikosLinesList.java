package io.pikos.benchmarks.moobench.configurations;

import io.pikos.monitors.LineMonitor;
import io.pikos.records.LineRecord;

/** A {@link LineMonitor} into pikos' {@code ListRecorder}: see {@link ListConfiguration}. */
public final class PikosLinesList extends ListConfiguration<LineRecord> {

    /** Creates the configuration. */
    public PikosLinesList() {
        super("LineMonitor(ListRecorder)", LineMonitor::new);
    }
}
