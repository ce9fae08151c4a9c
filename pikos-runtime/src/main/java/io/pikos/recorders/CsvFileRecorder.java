package io.pikos.recorders;

import io.pikos.records.MonitorRecord;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * Writes records as CSV to a file, in UTF-8: the column names as the first row, then one row per
 * record, each ended by {@code \r\n}, a field quoted only when it holds a comma, a double quote or a
 * line break, exactly as the seed's Python {@code csv.writer} writes it. (Rows are formatted by pikos'
 * own writer, straight to UTF-8 bytes; its tests check it byte for byte against Apache Commons CSV.)
 *
 * <p>The file is created or truncated the first time the recorder is prepared, appended to when it
 * is prepared again (one header in all), and closed on each {@link #finish()}; records still
 * buffered when the JVM exits are flushed by a shutdown hook. Thread-safe.
 */
public final class CsvFileRecorder extends WriterRecorder {

    private final Path file;

    /**
     * Creates a buffered recorder keeping every record.
     *
     * @param file the file to write
     */
    public CsvFileRecorder(Path file) {
        this(file, null, false);
    }

    /**
     * Creates a recorder.
     *
     * @param file      the file to write
     * @param filter    decides which records are written; {@code null} keeps every record
     * @param autoFlush whether to flush after each record rather than when the buffer fills
     */
    public CsvFileRecorder(Path file, Predicate<? super MonitorRecord> filter, boolean autoFlush) {
        super(Format.CSV, filter, autoFlush);
        this.file = file;
    }

    @Override
    Writer open(boolean firstTime) throws IOException {
        return FileSink.open(file, firstTime);
    }

    @Override
    void release(Writer writer) throws IOException {
        writer.close();
    }

    @Override
    String target() {
        return file.toString();
    }
}
