package io.pikos.recorders;

import io.pikos.records.MonitorRecord;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * Writes records as text lines to a file, in UTF-8. The file is created or truncated the first time
 * the recorder is prepared, appended to when it is prepared again (one header in all), and closed on
 * each {@link #finish()}; records still buffered when the JVM exits are flushed by a shutdown hook.
 * Thread-safe.
 */
public final class TextFileRecorder extends WriterRecorder {

    private final Path file;

    /**
     * Creates a recorder of formatted text, buffered, keeping every record.
     *
     * @param file the file to write
     */
    public TextFileRecorder(Path file) {
        this(file, null, false, true);
    }

    /**
     * Creates a recorder.
     *
     * @param file      the file to write
     * @param filter    decides which records are written; {@code null} keeps every record
     * @param autoFlush whether to flush after each record rather than when the buffer fills
     * @param formatted whether to use the seed's templates rather than {@code toString()}
     */
    public TextFileRecorder(Path file, Predicate<? super MonitorRecord> filter, boolean autoFlush,
                            boolean formatted) {
        super(formatted ? Format.FORMATTED : Format.PLAIN, filter, autoFlush);
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
