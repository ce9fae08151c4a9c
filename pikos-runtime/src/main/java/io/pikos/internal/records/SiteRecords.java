package io.pikos.internal.records;

import io.pikos.internal.dispatch.FunctionEvent;
import io.pikos.probe.CallOutSite;
import io.pikos.probe.LineSite;
import io.pikos.probe.MethodSite;
import io.pikos.records.FunctionMemoryRecord;
import io.pikos.records.FunctionRecord;
import io.pikos.records.LineMemoryRecord;
import io.pikos.records.LineRecord;
import io.pikos.records.MonitorRecord;

/**
 * Makes the record of one event from what the probes hold: its site, its type and line, and, for the
 * memory monitors, the memory sampled when it happened. The one place that knows which site field
 * goes in which column, for records made at once and records made from a batch alike.
 */
public final class SiteRecords {

    private SiteRecords() {
    }

    /**
     * Makes a record.
     *
     * @param index  the record's index
     * @param event  the method event, or {@code null} for a line
     * @param site   a {@link MethodSite} (its line given as {@code lineNo}), a {@link CallOutSite} or a
     *               {@link LineSite}
     * @param lineNo a method event's line, or 0 for the method's own ({@link MethodSite#line()}); unused for
     *               call-outs and lines, which carry their own
     * @param memory {@code {rss, vms}} sampled at the event, or {@code null} for a record without memory
     * @return a {@link FunctionRecord} or {@link LineRecord}, or with memory a {@link FunctionMemoryRecord}
     *         or {@link LineMemoryRecord}
     */
    public static MonitorRecord of(long index, FunctionEvent event, Object site, int lineNo, long[] memory) {
        if (site instanceof LineSite line) {
            MethodSite method = line.method();
            return memory == null
                    ? new LineRecord(index, method.name(), line.line(), line.text(), method.filename())
                    : new LineMemoryRecord(index, method.name(), line.line(), memory[0], memory[1], line.text(),
                            method.filename());
        }
        String function;
        String filename;
        if (site instanceof CallOutSite call) {
            function = call.callee();
            lineNo = call.line();
            filename = call.caller().filename();
        } else {
            MethodSite method = (MethodSite) site;
            function = method.name();
            filename = method.filename();
            if (lineNo == 0) {
                lineNo = method.line();
            }
        }
        return memory == null
                ? new FunctionRecord(index, event.text(), function, lineNo, filename)
                : new FunctionMemoryRecord(index, event.text(), function, memory[0], memory[1], lineNo, filename);
    }
}
