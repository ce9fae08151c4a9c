package io.pikos.recorders;

import io.pikos.internal.csv.CharCsvRows;
import io.pikos.internal.csv.CsvRows;
import io.pikos.internal.csv.Utf8CsvRows;
import io.pikos.internal.records.OpenBatches;
import io.pikos.records.MonitorRecord;
import io.pikos.records.RecordLayout;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The common mechanics of the text and CSV recorders: a header written once in the recorder's life,
 * one whole line per record under a lock (so lines from several threads never interleave), optional
 * flushing after each record (without it, records may arrive in batches), and a flush at JVM exit of
 * whatever is still prepared, after monitors have handed over the records still in their batches.
 *
 * <p>Each line is made whole first and handed to the writer in one call. CSV rows are built by a
 * {@link CsvRows} of the recorder's own: as UTF-8 bytes when the writer is a {@link RowStream} (the
 * file recorders and the CSV stream recorder over an {@code OutputStream}), which then skips chars
 * altogether, and as chars for any other writer.
 */
abstract class WriterRecorder implements Recorder<MonitorRecord> {

    /** How records become text. */
    enum Format {
        FORMATTED, PLAIN, CSV
    }

    private final Format format;
    private final Predicate<? super MonitorRecord> filter;
    private final boolean autoFlush;
    private Writer out;
    private final StringBuilder row = new StringBuilder(128); // guarded by this
    private CsvRows csv; // guarded by this; made on the first prepare of a CSV recorder
    private RowStream bytesOut; // guarded by this; out, when it takes UTF-8 rows directly
    private boolean ready;
    private boolean headerWritten;
    private boolean failed; // a write failed since prepare: reported once, by whoever recorded, never again at exit

    WriterRecorder(Format format, Predicate<? super MonitorRecord> filter, boolean autoFlush) {
        this.format = format;
        this.filter = filter == null ? record -> true : filter;
        this.autoFlush = autoFlush;
    }

    /**
     * Returns the writer to record into.
     *
     * @param firstTime whether the recorder is prepared for the first time: a file is then truncated,
     *                  afterwards appended to
     */
    abstract Writer open(boolean firstTime) throws IOException;

    /** Completes the writer after a monitor is done: flushes a stream, closes a file. */
    abstract void release(Writer writer) throws IOException;

    /** Names where the records go, for error messages. */
    abstract String target();

    @Override
    public final synchronized void prepare(Class<? extends MonitorRecord> recordType) {
        if (ready) {
            return;
        }
        RecordLayout layout = RecordLayout.of(recordType);
        try {
            out = open(!headerWritten);
        } catch (IOException e) {
            throw new RecorderException("cannot write " + target() + ": " + reason(e), e);
        }
        if (format == Format.CSV) {
            bytesOut = out instanceof RowStream stream ? stream : null;
            if (bytesOut != null ? !(csv instanceof Utf8CsvRows) : !(csv instanceof CharCsvRows)) {
                csv = bytesOut != null ? new Utf8CsvRows() : new CharCsvRows();
            }
        }
        try {
            if (!headerWritten) {
                writeHeader(layout);
                headerWritten = true;
                if (autoFlush) {
                    out.flush();
                }
            }
        } catch (IOException e) {
            try {
                release(out);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            out = null;
            throw new RecorderException("cannot write " + target() + ": " + reason(e), e);
        }
        ready = true;
        failed = false;
        ExitFlush.register(this);
    }

    @Override
    public final synchronized void record(MonitorRecord record) {
        if (!ready) {
            throw new RecorderException("record called on a recorder of " + target() + " that is not prepared");
        }
        if (!filter.test(record)) {
            return;
        }
        try {
            // Each record is made whole first and written in one call, so that a write that fails
            // leaves whole rows behind it, and another writer of the stream cannot split one.
            if (format == Format.CSV) {
                csv.clear();
                csv.row(record);
                writeCsv();
            } else {
                row.setLength(0);
                if (format == Format.FORMATTED) {
                    row.append(record.layout().textLine(record)).append('\n');
                } else {
                    row.append(record).append('\n');
                }
                out.append(row);
            }
            if (autoFlush) {
                out.flush();
            }
        } catch (IOException e) {
            failed = true;
            throw new RecorderException("cannot write " + target() + ": " + reason(e), e);
        }
    }

    /**
     * Records arrive in batches when nothing is flushed after each record: the rows wait in a buffer
     * anyway.
     *
     * @return whether the recorder was made without flushing after each record
     */
    @Override
    public final boolean acceptsBatches() {
        return !autoFlush;
    }

    @Override
    public final synchronized void recordAll(List<? extends MonitorRecord> records) {
        for (MonitorRecord record : records) {
            record(record);
        }
    }

    @Override
    public final synchronized void finish() {
        if (!ready) {
            return;
        }
        ready = false;
        ExitFlush.unregister(this);
        try {
            release(out);
        } catch (IOException e) {
            throw new RecorderException("cannot complete " + target() + ": " + reason(e), e);
        } finally {
            out = null;
        }
    }

    private void writeHeader(RecordLayout layout) throws IOException {
        if (format == Format.CSV) {
            csv.clear();
            csv.header(layout);
            writeCsv();
            return;
        }
        row.setLength(0);
        if (format == Format.FORMATTED) {
            row.append(layout.textHeader()).append('\n').append(layout.textSeparator()).append('\n');
        }
        out.append(row);
    }

    /** Writes what {@link #csv} holds in one call. */
    private void writeCsv() throws IOException {
        if (bytesOut != null) {
            Utf8CsvRows bytes = (Utf8CsvRows) csv;
            bytesOut.writeRows(bytes.buffer(), 0, bytes.length());
        } else {
            CharCsvRows chars = (CharCsvRows) csv;
            out.write(chars.buffer(), 0, chars.length());
        }
    }

    private synchronized void flushAtExit() {
        if (ready && !failed) {
            try {
                out.flush();
            } catch (IOException e) {
                System.err.println("pikos: cannot flush " + target() + " at exit: " + reason(e));
            }
        }
    }

    /** What went wrong, in words: file-system exceptions give only a path as their message. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Flushes, from one shutdown hook, the recorders that are prepared when the JVM exits. */
    private static final class ExitFlush {

        private static final Set<WriterRecorder> PREPARED = Collections.newSetFromMap(new IdentityHashMap<>());
        private static boolean hookInstalled;

        static synchronized void register(WriterRecorder recorder) {
            if (!hookInstalled) {
                Runtime.getRuntime().addShutdownHook(new Thread(ExitFlush::flushAll, "pikos-exit-flush"));
                hookInstalled = true;
            }
            PREPARED.add(recorder);
        }

        static synchronized void unregister(WriterRecorder recorder) {
            PREPARED.remove(recorder);
        }

        private static void flushAll() {
            OpenBatches.finishAll(); // records still in monitors' per-thread batches first
            WriterRecorder[] recorders;
            synchronized (ExitFlush.class) {
                recorders = PREPARED.toArray(new WriterRecorder[0]);
            }
            for (WriterRecorder recorder : recorders) {
                recorder.flushAtExit();
            }
        }
    }
}
