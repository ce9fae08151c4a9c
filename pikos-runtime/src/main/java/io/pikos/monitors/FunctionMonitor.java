package io.pikos.monitors;

import io.pikos.annotations.MonitorKind;
import io.pikos.records.FunctionRecord;
import io.pikos.recorders.Recorder;

/**
 * Records every call and return of woven methods, and every call from woven code into code that is not woven, as {@link FunctionRecord}s: the seed's {@code FunctionMonitor}.
 *
 * <p>Thread-safe: records from every thread go to the one recorder, each whole.
 */
public class FunctionMonitor extends MonitorBase {

    /**
     * Creates a monitor; it records nothing until {@link #enable()}.
     *
     * @param recorder where the records go
     */
    public FunctionMonitor(Recorder<? super FunctionRecord> recorder) {
        super(MonitorKind.FUNCTIONS, recorder, null);
    }

    FunctionMonitor(Recorder<? super FunctionRecord> recorder, Focus focus) {
        super(MonitorKind.FUNCTIONS, recorder, focus);
    }
}
