package io.pikos.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A named pipe a monitor writes its CSV records into, read as they come: a woven test suite under a
 * line monitor makes tens of millions of records, which this counts and checks without keeping them
 * on disk. Linux and macOS ({@code mkfifo}).
 *
 * <p>Each row is checked as it is read: its index is the row's position (from 0, without gaps or
 * repeats), and it is counted as the library's own when its {@code filename} (the last column) is a
 * source file of the library's main jar.
 */
final class RecordsFifo implements AutoCloseable {

    /** What the pipe carried. */
    record Records(String header, long rows, long libraryRows, List<String> problems, List<String> firstLibraryRows) {
    }

    private final Path path;
    private final Set<String> librarySources;
    private final Thread reader;
    private volatile Records records;
    private volatile Throwable failure;

    /**
     * Makes the pipe and starts reading it.
     *
     * @param path           where to make it (must not exist)
     * @param librarySources the library's source files, as records name them ({@code org/apache/.../X.java})
     */
    RecordsFifo(Path path, Set<String> librarySources) throws IOException, InterruptedException {
        this.path = path;
        this.librarySources = librarySources;
        Files.deleteIfExists(path); // left by a run that was killed
        Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        if (mkfifo.waitFor() != 0 || !Files.exists(path)) {
            throw new IOException("mkfifo " + path + " failed");
        }
        reader = new Thread(this::read, "records " + path.getFileName());
        reader.setDaemon(true);
        reader.start();
    }

    Path path() {
        return path;
    }

    private void read() {
        String header = null;
        long rows = 0;
        long libraryRows = 0;
        List<String> problems = new ArrayList<>();
        List<String> firstLibraryRows = new ArrayList<>();
        // Opening blocks until the monitor opens the pipe to write (or close() releases it).
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(path),
                StandardCharsets.UTF_8), 1 << 20)) {
            header = in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int comma = line.indexOf(',');
                String index = comma < 0 ? line : line.substring(0, comma);
                if (!index.equals(Long.toString(rows)) && problems.size() < 10) {
                    problems.add("row " + rows + " has index " + index + ": " + line);
                }
                String filename = line.substring(line.lastIndexOf(',') + 1);
                if (librarySources.contains(filename)) {
                    libraryRows++;
                    if (firstLibraryRows.size() < 3) {
                        firstLibraryRows.add(line);
                    }
                }
                rows++;
            }
        } catch (IOException | RuntimeException e) {
            failure = e;
        }
        records = new Records(header, rows, libraryRows, problems, firstLibraryRows);
    }

    /**
     * Waits until the writer has closed the pipe (call it once the writing process has ended).
     *
     * @return what the pipe carried; a header of {@code null} if nothing ever opened it to write
     */
    Records records() throws InterruptedException {
        for (int i = 0; reader.isAlive(); i++) {
            if (i == 600) {
                throw new IllegalStateException("the reader of " + path + " does not end");
            }
            // A reader still waiting for a writer that never came: opening the pipe read-write (which
            // never blocks on Linux) and closing it gives the reader a writer, then an end of file.
            try (RandomAccessFile release = new RandomAccessFile(path.toFile(), "rw")) {
                release.getFD();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            reader.join(TimeUnit.MILLISECONDS.toMillis(100));
        }
        if (failure != null) {
            throw new IllegalStateException("cannot read " + path, failure);
        }
        return records;
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(path);
    }
}
