package io.pikos.benchmarks.moobench.checks;

import kieker.common.configuration.Configuration;
import kieker.common.record.IMonitoringRecord;
import kieker.common.record.controlflow.OperationExecutionRecord;
import kieker.monitoring.writer.AbstractMonitoringWriter;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A Kieker writer for the checks: keeps the operation signature of each operation-execution record. */
public final class CountingWriter extends AbstractMonitoringWriter {

    /** The signatures received, in order, from every instance. */
    static final List<String> SIGNATURES = new CopyOnWriteArrayList<>();

    /**
     * Made by Kieker's writer controller, by reflection.
     *
     * @param configuration Kieker's configuration
     */
    public CountingWriter(Configuration configuration) {
        super(configuration);
    }

    @Override
    public void onStarting() {
        // Nothing to open.
    }

    @Override
    public void writeMonitoringRecord(IMonitoringRecord record) {
        if (record instanceof OperationExecutionRecord execution) {
            SIGNATURES.add(execution.getOperationSignature());
        }
    }

    @Override
    public void onTerminating() {
        // Nothing to close.
    }
}
