package io.pikos.monitors;

import io.pikos.probe.ProbeFixture;
import io.pikos.recorders.CsvFileRecorder;
import io.pikos.recorders.CsvStreamRecorder;
import io.pikos.recorders.RecorderException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A recorder that fails never fails the program: the monitored code runs on with its own results,
 * one line on standard error says what happened, what was written before stays whole, and the
 * monitor stops recording cleanly.
 */
class RecorderFaultsTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void registerSource() {
        ProbeFixture.registerSource();
    }

    /** A writer that fails from its n-th write on, as a full disk or a closed pipe does. */
    private static final class FailingWriter extends Writer {
        private final StringWriter written = new StringWriter();
        private int writesLeft;

        FailingWriter(int writesBeforeFailure) {
            this.writesLeft = writesBeforeFailure;
        }

        @Override
        public void write(char[] buffer, int offset, int length) throws IOException {
            if (writesLeft-- <= 0) {
                throw new IOException("device full");
            }
            written.write(buffer, offset, length);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void a_stream_that_fails_on_the_nth_write_stops_recording_with_one_line_and_keeps_what_was_written() {
        FailingWriter out = new FailingWriter(4); // the header and three rows: each is written in one call
        Monitor monitor = new FunctionMonitor(new CsvStreamRecorder(out));
        String err = standardErrorOf(() -> {
            try (Monitor enabled = monitor.enable()) {
                ProbeFixture.outer(2); // 14 records: the fourth fails
                ProbeFixture.outer(0);
            }
        });
        assertEquals("pikos: FunctionMonitor[CsvStreamRecorder]: recording stopped: cannot write the CSV stream: device full"
                + System.lineSeparator(), err);
        List<String> rows = out.written.toString().lines().toList();
        assertEquals("index,type,function,lineNo,filename", rows.get(0));
        assertEquals(List.of("0,call,outer,10,", "1,call,inner,20,", "2,c_call,sqrt,21,"),
                rows.subList(1, rows.size()).stream().map(r -> r.substring(0, r.lastIndexOf(',') + 1)).toList());
        assertFalse(monitor instanceof MonitorBase base && base.isEnabled());
    }

    @Test
    void a_directory_that_disappears_between_runs_is_a_clear_error_when_enabled_again() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("records"));
        Path csv = folder.resolve("run.csv");
        Monitor monitor = new FunctionMonitor(new CsvFileRecorder(csv));
        try (Monitor enabled = monitor.enable()) {
            ProbeFixture.other();
        }
        List<String> first = Files.readAllLines(csv);
        assertEquals(3, first.size());
        Files.delete(csv);
        Files.delete(folder);

        RecorderException e = assertThrows(RecorderException.class, monitor::enable);
        assertEquals("cannot write " + csv + ": no such file or directory", e.getMessage());
        assertFalse(((MonitorBase) monitor).isEnabled());
        ProbeFixture.other(); // nothing enabled, nothing recorded, nothing thrown
    }

    private static String standardErrorOf(Runnable action) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return err.toString(StandardCharsets.UTF_8);
    }
}
