package io.pikos.recorders;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Shared by the file recorders: the file is created (or truncated) the first time the recorder is
 * prepared and appended to afterwards, so that a method monitored on every call writes one header
 * and all its records into one file; it is closed on every finish, so it is complete between runs.
 */
final class FileSink {

    private static final int BUFFER_SIZE = 1 << 16;

    private FileSink() {
    }

    static Writer open(Path file, boolean firstTime) throws IOException {
        StandardOpenOption mode = firstTime ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND;
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file,
                StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode), StandardCharsets.UTF_8), BUFFER_SIZE);
    }
}
