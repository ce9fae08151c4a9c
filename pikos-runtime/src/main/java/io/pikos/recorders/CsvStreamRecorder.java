package io.pikos.recorders;

import io.pikos.records.MonitorRecord;

import java.io.IOException;
import java.io.Writer;
import java.util.function.Predicate;

/**
 * Writes records as CSV to a stream it does not own: the column names as the first row, then one row
 * per record, as Python's {@code csv.writer} writes them (see {@link CsvFileRecorder}). Thread-safe;
 * the stream is flushed on {@link #finish()} and never closed.
 */
public final class CsvStreamRecorder extends WriterRecorder {

    private final Writer stream;

    /**
     * Creates a recorder that keeps every record and does not flush after each.
     *
     * @param stream where to write
     */
    public CsvStreamRecorder(Writer stream) {
        this(stream, null, false);
    }

    /**
     * Creates a recorder.
     *
     * @param stream    where to write
     * @param filter    decides which records are written; {@code null} keeps every record
     * @param autoFlush whether to flush the stream after each record
     */
    public CsvStreamRecorder(Writer stream, Predicate<? super MonitorRecord> filter, boolean autoFlush) {
        super(Format.CSV, filter, autoFlush);
        this.stream = stream;
    }

    @Override
    Writer open(boolean firstTime) {
        return stream;
    }

    @Override
    void release(Writer writer) throws IOException {
        writer.flush();
    }

    @Override
    String target() {
        return "the CSV stream";
    }
}
