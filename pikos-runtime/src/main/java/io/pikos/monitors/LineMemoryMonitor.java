package io.pikos.monitors;

import io.pikos.annotations.MonitorKind;
import io.pikos.records.LineMemoryRecord;
import io.pikos.recorders.Recorder;

/**
 * Records what {@link LineMonitor} records, with the process memory (RSS, VMS) before each line, as {@link LineMemoryRecord}s: the seed's {@code LineMemoryMonitor}.
 *
 * <p>Thread-safe: records from every thread go to the one recorder, each whole.
 */
public class LineMemoryMonitor extends MonitorBase {

    /**
     * Creates a monitor; it records nothing until {@link #enable()}.
     *
     * @param recorder where the records go
     */
    public LineMemoryMonitor(Recorder<? super LineMemoryRecord> recorder) {
        super(MonitorKind.LINE_MEMORY, recorder, null);
    }

    LineMemoryMonitor(Recorder<? super LineMemoryRecord> recorder, Focus focus) {
        super(MonitorKind.LINE_MEMORY, recorder, focus);
    }
}
