package io.pikos.monitors;

import io.pikos.annotations.MonitorKind;
import io.pikos.internal.dispatch.Dispatcher;
import io.pikos.internal.dispatch.EventSink;
import io.pikos.internal.dispatch.FunctionEvent;
import io.pikos.internal.dispatch.ProbeListener;
import io.pikos.internal.dispatch.ProbeThread;
import io.pikos.probe.CallOutSite;
import io.pikos.probe.LineSite;
import io.pikos.probe.MethodSite;
import io.pikos.records.FunctionMemoryRecord;
import io.pikos.records.FunctionRecord;
import io.pikos.records.LineMemoryRecord;
import io.pikos.records.LineRecord;
import io.pikos.records.MonitorRecord;
import io.pikos.recorders.Recorder;

import java.util.Objects;

/**
 * What the four monitors share: nesting, the listener the dispatcher calls, focus, and a
 * {@link RecordingSession} per outermost enable, which makes the records and numbers them in the order
 * the recorder receives them.
 *
 * <p>A recorder that fails while recording is reported once on standard error and the monitor stops
 * recording; the monitored program carries on unaffected.
 */
abstract class MonitorBase implements Monitor {

    private final MonitorKind kind;
    private final Recorder<MonitorRecord> recorder;
    private final Focus focus;
    private final ProbeListener listener = new Listener();

    private int enabled; // nesting depth, guarded by this
    private volatile RecordingSession session; // the current or the last one; written under this

    @SuppressWarnings("unchecked")
    MonitorBase(MonitorKind kind, Recorder<?> recorder, Focus focus) {
        this.kind = kind;
        this.recorder = (Recorder<MonitorRecord>) Objects.requireNonNull(recorder, "recorder");
        this.focus = focus;
    }

    @Override
    public final synchronized Monitor enable() {
        if (enabled == 0) {
            recorder.prepare(recordType());
            session = new RecordingSession(kind, recorder, this, session == null ? 0 : session.nextIndex());
            if (focus != null) {
                focus.reset();
            }
            Dispatcher.add(listener);
        }
        enabled++;
        return this;
    }

    @Override
    public final synchronized void disable() {
        if (enabled == 0) {
            throw new IllegalStateException(this + " is not enabled");
        }
        if (--enabled > 0) {
            return;
        }
        Dispatcher.remove(listener);
        boolean wasRecording = session.finish();
        try {
            recorder.finish();
        } catch (RuntimeException e) {
            if (wasRecording) {
                report(this, "cannot finish recording", e);
            }
        }
    }

    @Override
    public final void close() {
        disable();
    }

    /**
     * Tells whether the monitor is enabled.
     *
     * @return {@code true} between the outermost enable and its matching disable
     */
    public final synchronized boolean isEnabled() {
        return enabled > 0;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + recorder.getClass().getSimpleName() + "]";
    }

    static void report(Object monitor, String what, Throwable e) {
        System.err.println("pikos: " + monitor + ": " + what + ": " + e.getMessage());
    }

    private boolean recordsLines() {
        return kind == MonitorKind.LINES || kind == MonitorKind.LINE_MEMORY;
    }

    private Class<? extends MonitorRecord> recordType() {
        return switch (kind) {
            case FUNCTIONS -> FunctionRecord.class;
            case LINES -> LineRecord.class;
            case FUNCTION_MEMORY -> FunctionMemoryRecord.class;
            case LINE_MEMORY -> LineMemoryRecord.class;
        };
    }

    /** Kept apart from the monitor so that the listener's methods are not part of the public API. */
    private final class Listener implements ProbeListener {

        // Each catches an OutOfMemoryError thrown in pikos' code (a focus deciding, a batch made or handed
        // over, a record made): recording stops, and the error is not thrown into the program.

        @Override
        public void onMethod(ProbeThread thread, FunctionEvent event, MethodSite site, int lineNo) {
            try {
                if (focus != null && !focus.onMethod(thread, event, site)) {
                    return;
                }
                if (!recordsLines()) {
                    session.method(thread, event, site, lineNo);
                }
            } catch (OutOfMemoryError e) {
                session.outOfMemory(e);
            }
        }

        @Override
        public void onCallOut(ProbeThread thread, FunctionEvent event, CallOutSite site) {
            try {
                if (recordsLines() || (focus != null && !focus.inFocus(thread))) {
                    return;
                }
                session.callOut(thread, event, site);
            } catch (OutOfMemoryError e) {
                session.outOfMemory(e);
            }
        }

        @Override
        public void onLine(ProbeThread thread, LineSite site) {
            try {
                if (focus != null && !focus.contains(site.method())) {
                    return;
                }
                session.line(thread, site);
            } catch (OutOfMemoryError e) {
                session.outOfMemory(e);
            }
        }

        /** Without a focus, every event is recorded: batches can take them without asking. */
        @Override
        public EventSink eventSink() {
            return focus == null && session.batched() ? session : null;
        }

        @Override
        public boolean wantsMethods() {
            return !recordsLines();
        }

        @Override
        public boolean wantsLines() {
            return recordsLines();
        }
    }
}
