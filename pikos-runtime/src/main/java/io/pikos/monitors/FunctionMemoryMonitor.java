package io.pikos.monitors;

import io.pikos.annotations.MonitorKind;
import io.pikos.records.FunctionMemoryRecord;
import io.pikos.recorders.Recorder;

/**
 * Records what {@link FunctionMonitor} records, with the process memory (RSS, VMS) at each event, as {@link FunctionMemoryRecord}s: the seed's {@code FunctionMemoryMonitor}.
 *
 * <p>Thread-safe: records from every thread go to the one recorder, each whole.
 */
public class FunctionMemoryMonitor extends MonitorBase {

    /**
     * Creates a monitor; it records nothing until {@link #enable()}.
     *
     * @param recorder where the records go
     */
    public FunctionMemoryMonitor(Recorder<? super FunctionMemoryRecord> recorder) {
        super(MonitorKind.FUNCTION_MEMORY, recorder, null);
    }

    FunctionMemoryMonitor(Recorder<? super FunctionMemoryRecord> recorder, Focus focus) {
        super(MonitorKind.FUNCTION_MEMORY, recorder, focus);
    }
}
