package io.pikos.recorders;

import io.pikos.internal.jfr.RecordEvents;
import io.pikos.records.FunctionMemoryRecord;
import io.pikos.records.FunctionRecord;
import io.pikos.records.LineMemoryRecord;
import io.pikos.records.LineRecord;
import io.pikos.records.MonitorRecord;
import jdk.jfr.Configuration;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Sends records to JDK Flight Recorder as events {@code pikos.Function}, {@code pikos.Line},
 * {@code pikos.FunctionMemory} and {@code pikos.LineMemory}, whose fields are the CSV columns (JFR adds
 * the thread and the time), and writes them to a file that {@code jfr print --events pikos.Function}
 * and JDK Mission Control read, beside the JVM's own events.
 *
 * <p>When first prepared, it starts a recording with the JVM's {@code default} settings, unless one
 * is already running (started with {@code -XX:StartFlightRecording} or {@code jcmd JFR.start}), which
 * then receives the events. Each {@link #finish} writes everything recorded so far to the file; the
 * recording goes on, so that records of a later enable are added, not lost. If the JVM exits while
 * the recorder is prepared, the JVM writes the file. Called under the monitor's lock, as every recorder.
 */
public final class JfrRecorder implements Recorder<MonitorRecord> {

    private final Path output;
    private final Predicate<? super MonitorRecord> filter;
    private Recording own; // the recording this recorder started, or null if it uses a running one
    private boolean prepared;

    /**
     * Creates a recorder that keeps every record.
     *
     * @param output the {@code .jfr} file to write
     */
    public JfrRecorder(Path output) {
        this(output, null);
    }

    /**
     * Creates a recorder.
     *
     * @param output the {@code .jfr} file to write
     * @param filter which records to keep, or {@code null} for all
     */
    public JfrRecorder(Path output, Predicate<? super MonitorRecord> filter) {
        this.output = Objects.requireNonNull(output, "output");
        this.filter = filter;
    }

    @Override
    public synchronized void prepare(Class<? extends MonitorRecord> recordType) {
        if (!FlightRecorder.isAvailable()) {
            throw new RecorderException("JDK Flight Recorder is not available in this JVM");
        }
        try {
            Files.write(output, new byte[0]); // fails now, not at the end, if the file cannot be written
        } catch (IOException e) {
            throw new RecorderException("cannot write " + output + ": " + WriterRecorder.reason(e), e);
        }
        if (own == null && !anotherRecordingRuns()) {
            own = newRecording();
            own.setName("pikos");
            own.setToDisk(true);
            own.start();
        }
        if (own != null) {
            try {
                // Should the JVM exit while records are being made, the JVM writes the file itself.
                own.setDestination(output);
                own.setDumpOnExit(true);
            } catch (IOException e) {
                throw new RecorderException("cannot write " + output + ": " + WriterRecorder.reason(e), e);
            }
        }
        prepared = true;
    }

    @Override
    public void record(MonitorRecord record) {
        if (!prepared) {
            throw new RecorderException("record called on a recorder of " + output + " that is not prepared");
        }
        if (filter != null && !filter.test(record)) {
            return;
        }
        if (record instanceof FunctionRecord r) {
            RecordEvents.Function event = new RecordEvents.Function();
            event.index = r.index();
            event.type = r.type();
            event.function = r.function();
            event.lineNo = r.lineNo();
            event.filename = r.filename();
            event.commit();
        } else if (record instanceof LineRecord r) {
            RecordEvents.Line event = new RecordEvents.Line();
            event.index = r.index();
            event.function = r.function();
            event.lineNo = r.lineNo();
            event.line = r.line();
            event.filename = r.filename();
            event.commit();
        } else if (record instanceof FunctionMemoryRecord r) {
            RecordEvents.FunctionMemory event = new RecordEvents.FunctionMemory();
            event.index = r.index();
            event.type = r.type();
            event.function = r.function();
            event.RSS = r.rss();
            event.VMS = r.vms();
            event.lineNo = r.lineNo();
            event.filename = r.filename();
            event.commit();
        } else if (record instanceof LineMemoryRecord r) {
            RecordEvents.LineMemory event = new RecordEvents.LineMemory();
            event.index = r.index();
            event.function = r.function();
            event.lineNo = r.lineNo();
            event.RSS = r.rss();
            event.VMS = r.vms();
            event.line = r.line();
            event.filename = r.filename();
            event.commit();
        }
    }

    @Override
    public synchronized void finish() {
        if (!prepared) {
            return;
        }
        prepared = false;
        if (jvmExiting()) {
            return; // the JVM writes a recording pikos started to its destination; writing it here too would race
        }
        try {
            if (own != null) {
                own.dump(output);
                own.setDumpOnExit(false); // written: the JVM must not write it again at exit
                own.setDestination(null);
            } else {
                try (Recording snapshot = FlightRecorder.getFlightRecorder().takeSnapshot()) {
                    snapshot.dump(output);
                }
            }
        } catch (IOException e) {
            throw new RecorderException("cannot write " + output + ": " + WriterRecorder.reason(e), e);
        }
    }

    /** Whether the JVM runs its shutdown hooks: it accepts no new hook then. */
    private static boolean jvmExiting() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    @Override
    public String toString() {
        return "JfrRecorder[" + output + "]";
    }

    private static boolean anotherRecordingRuns() {
        return FlightRecorder.getFlightRecorder().getRecordings().stream()
                .anyMatch(recording -> recording.getState() == RecordingState.RUNNING);
    }

    private static Recording newRecording() {
        try {
            return new Recording(Configuration.getConfiguration("default"));
        } catch (IOException | ParseException e) {
            return new Recording(); // the JVM's settings are missing: pikos' events alone, enabled by default
        }
    }
}
