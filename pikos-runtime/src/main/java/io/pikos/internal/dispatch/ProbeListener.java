package io.pikos.internal.dispatch;

import io.pikos.probe.CallOutSite;
import io.pikos.probe.LineSite;
import io.pikos.probe.MethodSite;

/** What an enabled monitor receives from the probes. Called on the thread that runs the woven code. */
public interface ProbeListener {

    /**
     * A woven method was entered or left.
     *
     * @param thread the current thread's dispatching state
     * @param event  {@code CALL}, {@code RETURN} or {@code EXCEPTION}
     * @param site   the method
     * @param lineNo the line of the event, or 0 for the line records report by default, the method's
     *               ({@link MethodSite#line()}), looked up only when the record is made
     */
    void onMethod(ProbeThread thread, FunctionEvent event, MethodSite site, int lineNo);

    /**
     * A call from woven code into code that is not woven began or ended.
     *
     * @param thread the current thread's dispatching state
     * @param event {@code C_CALL}, {@code C_RETURN} or {@code C_EXCEPTION}
     * @param site  the call
     */
    void onCallOut(ProbeThread thread, FunctionEvent event, CallOutSite site);

    /**
     * A source line of a woven method is about to execute.
     *
     * @param thread the current thread's dispatching state
     * @param site the line
     */
    void onLine(ProbeThread thread, LineSite site);

    /**
     * Returns where this listener's events may go without the listener being called, when it wants
     * every event of every thread kept in per-thread batches. Asked when the listener is added.
     *
     * @return the sink, or {@code null} (the default) if each event must reach the listener's methods
     */
    default EventSink eventSink() {
        return null;
    }

    /** @return whether this listener needs method events (line monitors that are focused do) */
    boolean wantsMethods();

    /** @return whether this listener needs line events */
    boolean wantsLines();
}
