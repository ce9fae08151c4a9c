package io.pikos.api;

import io.pikos.monitors.FocusedFunctionMemoryMonitor;
import io.pikos.monitors.FocusedFunctionMonitor;
import io.pikos.monitors.FocusedLineMemoryMonitor;
import io.pikos.monitors.FocusedLineMonitor;
import io.pikos.monitors.FunctionMemoryMonitor;
import io.pikos.monitors.FunctionMonitor;
import io.pikos.monitors.LineMemoryMonitor;
import io.pikos.monitors.LineMonitor;
import io.pikos.monitors.Monitor;
import io.pikos.records.FunctionMemoryRecord;
import io.pikos.records.FunctionRecord;
import io.pikos.records.LineMemoryRecord;
import io.pikos.records.LineRecord;
import io.pikos.records.MonitorRecord;
import io.pikos.recorders.CsvFileRecorder;
import io.pikos.recorders.Recorder;
import io.pikos.recorders.TextFileRecorder;
import io.pikos.recorders.TextStreamRecorder;

import java.io.OutputStreamWriter;
import java.lang.reflect.Executable;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * Factories for the standard recorders and monitors, as the seed's {@code pikos.api}.
 *
 * <pre>{@code
 * import static io.pikos.api.Pikos.*;
 *
 * try (Monitor m = monitorFunctions(csvFile()).enable()) { work(); }
 * Monitor focused = memoryOnLines(csvFile("mandelbrot.csv"), "io.pikos.samples.MandelbrotSetExample.mandelbrot");
 * }</pre>
 *
 * <p>Each monitor factory gives the plain monitor when no focus is given and the focused one
 * otherwise; with no recorder it records to the {@link #screen() screen}.
 */
public final class Pikos {

    /** The file {@link #csvFile()} writes: {@value}. */
    public static final String DEFAULT_CSV_FILE = "monitor_records.csv";
    /** The file {@link #textFile()} writes: {@value}. */
    public static final String DEFAULT_TEXT_FILE = "monitor_records.log";

    private Pikos() {
    }

    /**
     * Returns a recorder of formatted text on standard output, flushed after each record.
     *
     * @return a new recorder
     */
    public static TextStreamRecorder screen() {
        return screen(null);
    }

    /**
     * Returns a recorder of formatted text on standard output, flushed after each record.
     *
     * @param filter decides which records are written; {@code null} keeps every record
     * @return a new recorder
     */
    public static TextStreamRecorder screen(Predicate<? super MonitorRecord> filter) {
        return new TextStreamRecorder(new OutputStreamWriter(System.out), filter, true, true);
    }

    /**
     * Returns a buffered recorder of formatted text into {@value #DEFAULT_TEXT_FILE}.
     *
     * @return a new recorder
     */
    public static TextFileRecorder textFile() {
        return textFile(DEFAULT_TEXT_FILE);
    }

    /**
     * Returns a buffered recorder of formatted text into a file.
     *
     * @param filename the file to write
     * @return a new recorder
     */
    public static TextFileRecorder textFile(String filename) {
        return textFile(filename, null);
    }

    /**
     * Returns a buffered recorder of formatted text into a file.
     *
     * @param filename the file to write
     * @param filter   decides which records are written; {@code null} keeps every record
     * @return a new recorder
     */
    public static TextFileRecorder textFile(String filename, Predicate<? super MonitorRecord> filter) {
        return new TextFileRecorder(Path.of(filename), filter, false, true);
    }

    /**
     * Returns a buffered CSV recorder into {@value #DEFAULT_CSV_FILE}.
     *
     * @return a new recorder
     */
    public static CsvFileRecorder csvFile() {
        return csvFile(DEFAULT_CSV_FILE);
    }

    /**
     * Returns a buffered CSV recorder into a file.
     *
     * @param filename the file to write
     * @return a new recorder
     */
    public static CsvFileRecorder csvFile(String filename) {
        return csvFile(filename, null);
    }

    /**
     * Returns a buffered CSV recorder into a file.
     *
     * @param filename the file to write
     * @param filter   decides which records are written; {@code null} keeps every record
     * @return a new recorder
     */
    public static CsvFileRecorder csvFile(String filename, Predicate<? super MonitorRecord> filter) {
        return new CsvFileRecorder(Path.of(filename), filter, false);
    }

    /**
     * Returns a function monitor recording to the screen.
     *
     * @return a new, disabled monitor
     */
    public static Monitor monitorFunctions() {
        return monitorFunctions(screen());
    }

    /**
     * Returns a function monitor.
     *
     * @param recorder where the records go
     * @return a new, disabled monitor
     */
    public static Monitor monitorFunctions(Recorder<? super FunctionRecord> recorder) {
        return new FunctionMonitor(recorder);
    }

    /**
     * Returns a function monitor focused on methods or constructors.
     *
     * @param recorder where the records go
     * @param focus    the focus methods; none gives the plain monitor
     * @return a new, disabled monitor
     */
    public static Monitor monitorFunctions(Recorder<? super FunctionRecord> recorder, Executable... focus) {
        return focus.length == 0 ? new FunctionMonitor(recorder) : new FocusedFunctionMonitor(recorder, focus);
    }

    /**
     * Returns a function monitor focused on methods named {@code pkg.Class.method}.
     *
     * @param recorder where the records go
     * @param focus    the focus methods' names; none gives the plain monitor
     * @return a new, disabled monitor
     */
    public static Monitor monitorFunctions(Recorder<? super FunctionRecord> recorder, String... focus) {
        return focus.length == 0 ? new FunctionMonitor(recorder) : new FocusedFunctionMonitor(recorder, focus);
    }

    /**
     * Returns a line monitor recording to the screen.
     *
     * @return a new, disabled monitor
     */
    public static Monitor monitorLines() {
        return monitorLines(screen());
    }

    /**
     * Returns a line monitor.
     *
     * @param recorder where the records go
     * @return a new, disabled monitor
     */
    public static Monitor monitorLines(Recorder<? super LineRecord> recorder) {
        return new LineMonitor(recorder);
    }

    /**
     * Returns a line monitor focused on methods or constructors.
     *
     * @param recorder where the records go
     * @param focus    the focus methods; none gives the plain monitor
     * @return a new, disabled monitor
     */
    public static Monitor monitorLines(Recorder<? super LineRecord> recorder, Executable... focus) {
        return focus.length == 0 ? new LineMonitor(recorder) : new FocusedLineMonitor(recorder, focus);
    }

    /**
     * Returns a line monitor focused on methods named {@code pkg.Class.method}.
     *
     * @param recorder where the records go
     * @param focus    the focus methods' names; none gives the plain monitor
     * @return a new, disabled monitor
     */
    public static Monitor monitorLines(Recorder<? super LineRecord> recorder, String... focus) {
        return focus.length == 0 ? new LineMonitor(recorder) : new FocusedLineMonitor(recorder, focus);
    }

    /**
     * Returns a function memory monitor recording to the screen.
     *
     * @return a new, disabled monitor
     */
    public static Monitor memoryOnFunctions() {
        return memoryOnFunctions(screen());
    }

    /**
     * Returns a function memory monitor.
     *
     * @param recorder where the records go
     * @return a new, disabled monitor
     */
    public static Monitor memoryOnFunctions(Recorder<? super FunctionMemoryRecord> recorder) {
        return new FunctionMemoryMonitor(recorder);
    }

    /**
     * Returns a function memory monitor focused on methods or constructors.
     *
     * @param recorder where the records go
     * @param focus    the focus methods; none gives the plain monitor
     * @return a new, disabled monitor
     */
    public static Monitor memoryOnFunctions(Recorder<? super FunctionMemoryRecord> recorder, Executable... focus) {
        return focus.length == 0 ? new FunctionMemoryMonitor(recorder)
                : new FocusedFunctionMemoryMonitor(recorder, focus);
    }

    /**
     * Returns a function memory monitor focused on methods named {@code pkg.Class.method}.
     *
     * @param recorder where the records go
     * @param focus    the focus methods' names; none gives the plain monitor
     * @return a new, disabled monitor
     */
    public static Monitor memoryOnFunctions(Recorder<? super FunctionMemoryRecord> recorder, String... focus) {
        return focus.length == 0 ? new FunctionMemoryMonitor(recorder)
                : new FocusedFunctionMemoryMonitor(recorder, focus);
    }

    /**
     * Returns a line memory monitor recording to the screen.
     *
     * @return a new, disabled monitor
     */
    public static Monitor memoryOnLines() {
        return memoryOnLines(screen());
    }

    /**
     * Returns a line memory monitor.
     *
     * @param recorder where the records go
     * @return a new, disabled monitor
     */
    public static Monitor memoryOnLines(Recorder<? super LineMemoryRecord> recorder) {
        return new LineMemoryMonitor(recorder);
    }

    /**
     * Returns a line memory monitor focused on methods or constructors.
     *
     * @param recorder where the records go
     * @param focus    the focus methods; none gives the plain monitor
     * @return a new, disabled monitor
     */
    public static Monitor memoryOnLines(Recorder<? super LineMemoryRecord> recorder, Executable... focus) {
        return focus.length == 0 ? new LineMemoryMonitor(recorder) : new FocusedLineMemoryMonitor(recorder, focus);
    }

    /**
     * Returns a line memory monitor focused on methods named {@code pkg.Class.method}.
     *
     * @param recorder where the records go
     * @param focus    the focus methods' names; none gives the plain monitor
     * @return a new, disabled monitor
     */
    public static Monitor memoryOnLines(Recorder<? super LineMemoryRecord> recorder, String... focus) {
        return focus.length == 0 ? new LineMemoryMonitor(recorder) : new FocusedLineMemoryMonitor(recorder, focus);
    }
}
