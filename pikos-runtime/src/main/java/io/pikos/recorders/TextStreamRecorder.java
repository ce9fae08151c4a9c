package io.pikos.recorders;

import io.pikos.records.MonitorRecord;

import java.io.IOException;
import java.io.Writer;
import java.util.function.Predicate;

/**
 * Writes records as text lines to a stream it does not own: formatted with the seed's templates (a
 * header, a line of dashes, one padded line per record) or plain (each record's {@code toString()}).
 * Thread-safe; the stream is flushed on {@link #finish()} and never closed.
 */
public final class TextStreamRecorder extends WriterRecorder {

    private final Writer stream;

    /**
     * Creates a recorder of plain text, not flushed after each record, keeping every record (the seed's defaults).
     *
     * @param stream where to write
     */
    public TextStreamRecorder(Writer stream) {
        this(stream, null, false, false);
    }

    /**
     * Creates a recorder.
     *
     * @param stream    where to write
     * @param filter    decides which records are written; {@code null} keeps every record
     * @param autoFlush whether to flush the stream after each record
     * @param formatted whether to use the seed's templates rather than {@code toString()}
     */
    public TextStreamRecorder(Writer stream, Predicate<? super MonitorRecord> filter, boolean autoFlush,
                              boolean formatted) {
        super(formatted ? Format.FORMATTED : Format.PLAIN, filter, autoFlush);
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
        return "the text stream";
    }
}
