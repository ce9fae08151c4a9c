package io.pikos.internal.config;

import io.pikos.annotations.MonitorKind;
import io.pikos.annotations.Recording;
import io.pikos.api.Pikos;
import io.pikos.monitors.Monitor;
import io.pikos.records.MonitorRecord;
import io.pikos.recorders.CsvFileRecorder;
import io.pikos.recorders.JfrRecorder;
import io.pikos.recorders.Recorder;
import io.pikos.recorders.TextFileRecorder;
import io.pikos.recorders.TextStreamRecorder;

import java.io.OutputStreamWriter;
import java.lang.reflect.Executable;
import java.nio.file.Path;

/**
 * Makes a monitor from the words users choose it by, the same for {@code @Monitored}, the command
 * line and the production switch: a monitor kind, a recording, an output file and focus methods.
 */
public final class MonitorFactory {

    private MonitorFactory() {
    }

    /**
     * Makes a recorder for a recording.
     *
     * @param recording where records go
     * @param output    the file, or {@code null} or empty for the recording's default
     * @param buffered  whether to flush only when the buffer fills, rather than after each record
     * @return a new recorder
     * @throws IllegalArgumentException if an output is given for the screen, or the output is not a path
     */
    public static Recorder<MonitorRecord> recorder(Recording recording, String output, boolean buffered) {
        boolean hasOutput = output != null && !output.isEmpty();
        return switch (recording) {
            case SCREEN -> {
                if (hasOutput) {
                    throw new IllegalArgumentException("the screen recording takes no output file");
                }
                yield new TextStreamRecorder(new OutputStreamWriter(System.out), null, !buffered, true);
            }
            case TEXT -> new TextFileRecorder(Path.of(hasOutput ? output : Pikos.DEFAULT_TEXT_FILE), null,
                    !buffered, true);
            case CSV -> new CsvFileRecorder(Path.of(hasOutput ? output : Pikos.DEFAULT_CSV_FILE), null, !buffered);
            case JFR -> new JfrRecorder(Path.of(hasOutput ? output : recording.defaultOutput()));
        };
    }

    /**
     * Makes a monitor.
     *
     * @param kind     which monitor
     * @param recorder where its records go
     * @param focus    focus methods; none for the plain monitor
     * @return a new, disabled monitor
     */
    public static Monitor monitor(MonitorKind kind, Recorder<MonitorRecord> recorder, Executable... focus) {
        return switch (kind) {
            case FUNCTIONS -> Pikos.monitorFunctions(recorder, focus);
            case LINES -> Pikos.monitorLines(recorder, focus);
            case FUNCTION_MEMORY -> Pikos.memoryOnFunctions(recorder, focus);
            case LINE_MEMORY -> Pikos.memoryOnLines(recorder, focus);
        };
    }

    /**
     * Makes a monitor focused on methods named {@code pkg.Class.method}.
     *
     * @param kind     which monitor
     * @param recorder where its records go
     * @param focus    focus method names; none for the plain monitor
     * @return a new, disabled monitor
     * @throws IllegalArgumentException if a name is not of the form {@code pkg.Class.method}
     */
    public static Monitor monitorFocusedOn(MonitorKind kind, Recorder<MonitorRecord> recorder, String... focus) {
        if (focus.length == 0) {
            return monitor(kind, recorder);
        }
        return switch (kind) {
            case FUNCTIONS -> Pikos.monitorFunctions(recorder, focus);
            case LINES -> Pikos.monitorLines(recorder, focus);
            case FUNCTION_MEMORY -> Pikos.memoryOnFunctions(recorder, focus);
            case LINE_MEMORY -> Pikos.memoryOnLines(recorder, focus);
        };
    }
}
