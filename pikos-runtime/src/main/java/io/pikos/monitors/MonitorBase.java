package io.pikos.monitors;

import io.pikos.annotations.MonitorKind;
import io.pikos.internal.dispatch.Dispatcher;
import io.pikos.internal.dispatch.FunctionEvent;
import io.pikos.internal.dispatch.ProbeListener;
import io.pikos.memory.ProcessMemory;
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
 * What the four monitors share: nesting, the listener the dispatcher calls, focus, and making each
 * record under one lock so that indices follow the order in which the recorder receives records.
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

    private final Object recordLock = new Object();
    private final long[] memory = new long[2]; // guarded by recordLock
    private ProcessMemory processMemory; // guarded by recordLock
    private boolean recording; // guarded by recordLock
    private long nextIndex; // guarded by recordLock

    @SuppressWarnings("unchecked")
    MonitorBase(MonitorKind kind, Recorder<?> recorder, Focus focus) {
        this.kind = kind;
        this.recorder = (Recorder<MonitorRecord>) Objects.requireNonNull(recorder, "recorder");
        this.focus = focus;
    }

    @Override
    public final synchronized Monitor enable() {
        if (enabled == 0) {
            synchronized (recordLock) {
                if (samplesMemory() && processMemory == null) {
                    processMemory = ProcessMemory.system();
                }
                recorder.prepare(recordType());
                recording = true;
            }
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
        synchronized (recordLock) {
            boolean wasRecording = recording;
            recording = false;
            try {
                recorder.finish();
            } catch (RuntimeException e) {
                if (wasRecording) {
                    report("cannot finish recording", e);
                }
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

    private boolean recordsLines() {
        return kind == MonitorKind.LINES || kind == MonitorKind.LINE_MEMORY;
    }

    private boolean samplesMemory() {
        return kind == MonitorKind.FUNCTION_MEMORY || kind == MonitorKind.LINE_MEMORY;
    }

    private Class<? extends MonitorRecord> recordType() {
        return switch (kind) {
            case FUNCTIONS -> FunctionRecord.class;
            case LINES -> LineRecord.class;
            case FUNCTION_MEMORY -> FunctionMemoryRecord.class;
            case LINE_MEMORY -> LineMemoryRecord.class;
        };
    }

    private void recordFunction(FunctionEvent event, String function, int lineNo, String filename) {
        synchronized (recordLock) {
            if (!recording) {
                return;
            }
            try {
                long index = nextIndex++;
                if (kind == MonitorKind.FUNCTIONS) {
                    recorder.record(new FunctionRecord(index, event.text(), function, lineNo, filename));
                } else {
                    processMemory.sample(memory);
                    recorder.record(new FunctionMemoryRecord(index, event.text(), function, memory[0], memory[1],
                            lineNo, filename));
                }
            } catch (RuntimeException e) {
                stopRecording(e);
            }
        }
    }

    private void recordLine(LineSite site) {
        MethodSite method = site.method();
        synchronized (recordLock) {
            if (!recording) {
                return;
            }
            try {
                long index = nextIndex++;
                if (kind == MonitorKind.LINES) {
                    recorder.record(new LineRecord(index, method.name(), site.line(), site.text(), method.filename()));
                } else {
                    processMemory.sample(memory);
                    recorder.record(new LineMemoryRecord(index, method.name(), site.line(), memory[0], memory[1],
                            site.text(), method.filename()));
                }
            } catch (RuntimeException e) {
                stopRecording(e);
            }
        }
    }

    // Called with recordLock held.
    private void stopRecording(RuntimeException e) {
        recording = false;
        report("recording stopped", e);
    }

    private void report(String what, RuntimeException e) {
        System.err.println("pikos: " + this + ": " + what + ": " + e.getMessage());
    }

    /** Kept apart from the monitor so that the listener's methods are not part of the public API. */
    private final class Listener implements ProbeListener {

        @Override
        public void onMethod(FunctionEvent event, MethodSite site, int lineNo) {
            if (focus != null && !focus.onMethod(event.isEntry(), site)) {
                return;
            }
            if (!recordsLines()) {
                recordFunction(event, site.name(), lineNo, site.filename());
            }
        }

        @Override
        public void onCallOut(FunctionEvent event, CallOutSite site) {
            if (recordsLines() || (focus != null && !focus.inFocus())) {
                return;
            }
            recordFunction(event, site.callee(), site.line(), site.caller().filename());
        }

        @Override
        public void onLine(LineSite site) {
            if (focus != null && !focus.contains(site.method())) {
                return;
            }
            recordLine(site);
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
