package io.pikos.recorders;

import io.pikos.records.MonitorRecord;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.function.Predicate;

/**
 * Writes records as CSV to a stream it does not own: the column names as the first row, then one row
 * per record, as Python's {@code csv.writer} writes them (see {@link CsvFileRecorder}). Thread-safe;
 * each row reaches the stream whole, in one write; the stream is flushed on {@link #finish()} and
 * never closed.
 *
 * <p>Over a {@link Writer}, each row is written to it as it is recorded. Over an {@link OutputStream},
 * rows are encoded in UTF-8 straight to bytes (the faster way) and, unless the recorder flushes after
 * each record, kept in a buffer of the recorder's own (64 KiB) until it fills, {@link #finish()}, or
 * the JVM exits.
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

    /**
     * Creates a recorder of UTF-8 bytes that keeps every record and buffers rows.
     *
     * @param stream where to write
     */
    public CsvStreamRecorder(OutputStream stream) {
        this(stream, null, false);
    }

    /**
     * Creates a recorder of UTF-8 bytes.
     *
     * @param stream    where to write
     * @param filter    decides which records are written; {@code null} keeps every record
     * @param autoFlush whether to write and flush each row as it is recorded rather than when the
     *                  recorder's buffer fills
     */
    public CsvStreamRecorder(OutputStream stream, Predicate<? super MonitorRecord> filter, boolean autoFlush) {
        this(new RowStream(stream, FileSink.BUFFER_SIZE), filter, autoFlush);
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
