package io.pikos.recorders;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Shared by the file recorders: the file is created (or truncated) the first time the recorder is
 * prepared and appended to afterwards, so that a method monitored on every call writes one header
 * and all its records into one file; it is closed on every finish, so it is complete between runs.
 * The writer is a {@link RowStream}: UTF-8, buffered, and given whole rows by the CSV recorders.
 */
final class FileSink {

    /** The buffer of a file's writer, and of a CSV stream recorder over an {@code OutputStream}. */
    static final int BUFFER_SIZE = 1 << 16;

    private FileSink() {
    }

    static Writer open(Path file, boolean firstTime) throws IOException {
        StandardOpenOption mode = firstTime ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND;
        return new RowStream(Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode),
                BUFFER_SIZE);
    }
}
