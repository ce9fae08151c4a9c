package io.pikos.monitors;

import io.pikos.annotations.MonitorKind;
import io.pikos.records.LineRecord;
import io.pikos.recorders.Recorder;

/**
 * Records every source line of woven code about to execute, with its source text, as {@link LineRecord}s: the seed's {@code LineMonitor}.
 *
 * <p>Thread-safe: records from every thread go to the one recorder, each whole.
 */
public class LineMonitor extends MonitorBase {

    /**
     * Creates a monitor; it records nothing until {@link #enable()}.
     *
     * @param recorder where the records go
     */
    public LineMonitor(Recorder<? super LineRecord> recorder) {
        super(MonitorKind.LINES, recorder, null);
    }

    LineMonitor(Recorder<? super LineRecord> recorder, Focus focus) {
        super(MonitorKind.LINES, recorder, focus);
    }
}
