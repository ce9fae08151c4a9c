package io.pikos.recorders;

import io.pikos.filters.NotOnValue;
import io.pikos.filters.OnValue;
import io.pikos.records.FunctionRecord;
import io.pikos.records.LineRecord;
import io.pikos.records.MonitorRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The life of a recorder: prepare, record, finish, and again; what happens out of order; when output
 * reaches its stream or file; filters; files that cannot be written.
 */
class RecorderLifecycleTest {

    private static final FunctionRecord CALL = new FunctionRecord(0, "call", "work", 10, "W.java");
    private static final FunctionRecord RETURN = new FunctionRecord(1, "return", "work", 12, "W.java");
    private static final FunctionRecord CALL_AGAIN = new FunctionRecord(2, "call", "work", 10, "W.java");
    private static final FunctionRecord RETURN_AGAIN = new FunctionRecord(3, "return", "work", 12, "W.java");

    private static final String CSV_HEADER = "index,type,function,lineNo,filename\r\n";

    @TempDir
    Path dir;

    /** A writer that keeps what it is given and counts flushes and closes. */
    private static final class CountingWriter extends Writer {
        final StringBuilder text = new StringBuilder();
        int flushes;
        int closes;

        @Override
        public void write(char[] cbuf, int off, int len) {
            text.append(cbuf, off, len);
        }

        @Override
        public void flush() {
            flushes++;
        }

        @Override
        public void close() {
            closes++;
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static void assertNotPrepared(Recorder<? super FunctionRecord> recorder) {
        RecorderException e = assertThrows(RecorderException.class, () -> recorder.record(CALL));
        assertTrue(e.getMessage().contains("not prepared"), e.getMessage());
    }

    // ---------------------------------------------------------------- out of order

    @Test
    void list_recorder_throws_when_recording_before_prepare() {
        ListRecorder<FunctionRecord> recorder = new ListRecorder<>();
        assertNotPrepared(recorder);
        assertEquals(List.of(), recorder.records());
    }

    @Test
    void text_stream_recorder_throws_when_recording_before_prepare() {
        StringWriter out = new StringWriter();
        assertNotPrepared(new TextStreamRecorder(out, null, true, true));
        assertEquals("", out.toString());
    }

    @Test
    void csv_stream_recorder_throws_when_recording_before_prepare() {
        StringWriter out = new StringWriter();
        assertNotPrepared(new CsvStreamRecorder(out, null, true));
        assertEquals("", out.toString());
    }

    @Test
    void csv_file_recorder_throws_when_recording_before_prepare_and_creates_no_file() {
        Path file = dir.resolve("records.csv");
        assertNotPrepared(new CsvFileRecorder(file));
        assertFalse(Files.exists(file));
    }

    @Test
    void text_file_recorder_throws_when_recording_before_prepare_and_creates_no_file() {
        Path file = dir.resolve("records.log");
        assertNotPrepared(new TextFileRecorder(file));
        assertFalse(Files.exists(file));
    }

    @Test
    void list_recorder_throws_when_recording_after_finish() {
        ListRecorder<FunctionRecord> recorder = new ListRecorder<>();
        recorder.prepare(FunctionRecord.class);
        recorder.record(CALL);
        recorder.finish();
        assertNotPrepared(recorder);
        assertEquals(List.of(CALL), recorder.records());
    }

    @Test
    void text_stream_recorder_throws_when_recording_after_finish() {
        StringWriter out = new StringWriter();
        TextStreamRecorder recorder = new TextStreamRecorder(out);
        recorder.prepare(FunctionRecord.class);
        recorder.record(CALL);
        recorder.finish();
        assertNotPrepared(recorder);
        assertEquals(CALL + "\n", out.toString());
    }

    @Test
    void csv_stream_recorder_throws_when_recording_after_finish() {
        StringWriter out = new StringWriter();
        CsvStreamRecorder recorder = new CsvStreamRecorder(out);
        recorder.prepare(FunctionRecord.class);
        recorder.record(CALL);
        recorder.finish();
        assertNotPrepared(recorder);
        assertEquals(CSV_HEADER + "0,call,work,10,W.java\r\n", out.toString());
    }

    @Test
    void csv_file_recorder_throws_when_recording_after_finish_and_leaves_the_file_intact() throws IOException {
        Path file = dir.resolve("records.csv");
        CsvFileRecorder recorder = new CsvFileRecorder(file);
        recorder.prepare(FunctionRecord.class);
        recorder.record(CALL);
        recorder.finish();
        assertNotPrepared(recorder);
        assertEquals(CSV_HEADER + "0,call,work,10,W.java\r\n", read(file));
    }

    @Test
    void text_file_recorder_throws_when_recording_after_finish() {
        TextFileRecorder recorder = new TextFileRecorder(dir.resolve("records.log"));
        recorder.prepare(FunctionRecord.class);
        recorder.finish();
        assertNotPrepared(recorder);
    }

    // ---------------------------------------------------------------- prepared again

    @Test
    void csv_file_recorder_prepared_twice_writes_one_header_and_all_rows() throws IOException {
        Path file = dir.resolve("monitor_records.csv");
        CsvFileRecorder recorder = new CsvFileRecorder(file);
        recorder.prepare(FunctionRecord.class);
        recorder.record(CALL);
        recorder.record(RETURN);
        recorder.finish();
        assertEquals(CSV_HEADER
                + "0,call,work,10,W.java\r\n"
                + "1,return,work,12,W.java\r\n", read(file));

        recorder.prepare(FunctionRecord.class);
        recorder.record(CALL_AGAIN);
        recorder.record(RETURN_AGAIN);
        recorder.finish();
        assertEquals(CSV_HEADER
                + "0,call,work,10,W.java\r\n"
                + "1,return,work,12,W.java\r\n"
                + "2,call,work,10,W.java\r\n"
                + "3,return,work,12,W.java\r\n", read(file));
    }

    @Test
    void text_file_recorder_prepared_twice_writes_one_header_and_all_lines() throws IOException {
        Path file = dir.resolve("monitor_records.log");
        TextFileRecorder recorder = new TextFileRecorder(file);
        recorder.prepare(FunctionRecord.class);
        recorder.record(CALL);
        recorder.finish();
        recorder.prepare(FunctionRecord.class);
        recorder.record(RETURN);
        recorder.finish();
        assertEquals("index    type        function                       lineNo filename\n"
                + "-------------------------------------------------------------------\n"
                + "0        call        work                           10    W.java\n"
                + "1        return      work                           12    W.java\n", read(file));
    }

    @Test
    void plain_text_file_recorder_prepared_twice_writes_every_record_and_no_header() throws IOException {
        Path file = dir.resolve("plain.log");
        TextFileRecorder recorder = new TextFileRecorder(file, null, false, false);
        recorder.prepare(FunctionRecord.class);
        recorder.record(CALL);
        recorder.finish();
        recorder.prepare(FunctionRecord.class);
        recorder.record(RETURN);
        recorder.finish();
        assertEquals("FunctionRecord[index=0, type=call, function=work, lineNo=10, filename=W.java]\n"
                + "FunctionRecord[index=1, type=return, function=work, lineNo=12, filename=W.java]\n", read(file));
    }

    @Test
    void csv_stream_recorder_prepared_twice_writes_one_header() {
        StringWriter out = new StringWriter();
        CsvStreamRecorder recorder = new CsvStreamRecorder(out);
        recorder.prepare(FunctionRecord.class);
        recorder.record(CALL);
        recorder.finish();
        recorder.prepare(FunctionRecord.class);
        recorder.record(RETURN);
        recorder.finish();
        assertEquals(CSV_HEADER + "0,call,work,10,W.java\r\n1,return,work,12,W.java\r\n", out.toString());
    }

    @Test
    void csv_file_recorder_truncates_an_existing_file_on_its_first_prepare() throws IOException {
        Path file = dir.resolve("old.csv");
        Files.writeString(file, "stale content from an earlier run\r\nmore\r\nand more\r\n");
        CsvFileRecorder recorder = new CsvFileRecorder(file);
        recorder.prepare(FunctionRecord.class);
        recorder.record(CALL);
        recorder.finish();
        assertEquals(CSV_HEADER + "0,call,work,10,W.java\r\n", read(file));
    }

    // ---------------------------------------------------------------- flushing

    @Test
    void csv_file_recorder_content_is_complete_right_after_finish() throws IOException {
        Path file = dir.resolve("flushed.csv");
        CsvFileRecorder recorder = new CsvFileRecorder(file, null, false);
        recorder.prepare(LineRecord.class);
        StringBuilder expected = new StringBuilder("index,function,lineNo,line,filename\r\n");
        for (int i = 0; i < 100; i++) {
            recorder.record(new LineRecord(i, "loop", 20 + i % 3, "    sum += i;", "L.java"));
            expected.append(i).append(",loop,").append(20 + i % 3).append(",    sum += i;,L.java\r\n");
        }
        // buffered and not auto-flushed: nothing is promised before finish, everything after it
        recorder.finish();
        assertEquals(expected.toString(), read(file));
    }

    @Test
    void text_file_recorder_content_is_complete_right_after_finish() throws IOException {
        Path file = dir.resolve("flushed.log");
        TextFileRecorder recorder = new TextFileRecorder(file, null, false, false);
        recorder.prepare(FunctionRecord.class);
        recorder.record(CALL);
        recorder.finish();
        assertEquals(CALL + "\n", read(file));
    }

    @Test
    void auto_flushed_csv_file_recorder_has_each_row_in_the_file_before_finish() throws IOException {
        Path file = dir.resolve("auto.csv");
        CsvFileRecorder recorder = new CsvFileRecorder(file, null, true);
        recorder.prepare(FunctionRecord.class);
        assertEquals(CSV_HEADER, read(file));
        recorder.record(CALL);
        assertEquals(CSV_HEADER + "0,call,work,10,W.java\r\n", read(file));
        recorder.finish();
        assertEquals(CSV_HEADER + "0,call,work,10,W.java\r\n", read(file));
    }

    @Test
    void csv_stream_recorder_without_auto_flush_shows_content_only_after_finish() {
        StringWriter sink = new StringWriter();
        CsvStreamRecorder recorder = new CsvStreamRecorder(new BufferedWriter(sink), null, false);
        recorder.prepare(FunctionRecord.class);
        recorder.record(CALL);
        recorder.record(RETURN);
        assertEquals("", sink.toString());
        recorder.finish();
        assertEquals(CSV_HEADER + "0,call,work,10,W.java\r\n1,return,work,12,W.java\r\n", sink.toString());
    }

    @Test
    void csv_stream_recorder_with_auto_flush_shows_each_row_as_it_is_recorded() {
        StringWriter sink = new StringWriter();
        CsvStreamRecorder recorder = new CsvStreamRecorder(new BufferedWriter(sink), null, true);
        recorder.prepare(FunctionRecord.class);
        assertEquals(CSV_HEADER, sink.toString());
        recorder.record(CALL);
        assertEquals(CSV_HEADER + "0,call,work,10,W.java\r\n", sink.toString());
        recorder.record(RETURN);
        assertEquals(CSV_HEADER + "0,call,work,10,W.java\r\n1,return,work,12,W.java\r\n", sink.toString());
        recorder.finish();
        assertEquals(CSV_HEADER + "0,call,work,10,W.java\r\n1,return,work,12,W.java\r\n", sink.toString());
    }

    @Test
    void text_stream_recorder_without_auto_flush_shows_content_only_after_finish() {
        StringWriter sink = new StringWriter();
        TextStreamRecorder recorder = new TextStreamRecorder(new BufferedWriter(sink), null, false, false);
        recorder.prepare(FunctionRecord.class);
        recorder.record(CALL);
        assertEquals("", sink.toString());
        recorder.finish();
        assertEquals(CALL + "\n", sink.toString());
    }

    @Test
    void text_stream_recorder_with_auto_flush_shows_each_line_as_it_is_recorded() {
        StringWriter sink = new StringWriter();
        TextStreamRecorder recorder = new TextStreamRecorder(new BufferedWriter(sink), null, true, true);
        recorder.prepare(FunctionRecord.class);
        String header = "index    type        function                       lineNo filename\n"
                + "-------------------------------------------------------------------\n";
        assertEquals(header, sink.toString());
        recorder.record(CALL);
        assertEquals(header + "0        call        work                           10    W.java\n", sink.toString());
        recorder.record(RETURN);
        assertEquals(header + "0        call        work                           10    W.java\n"
                + "1        return      work                           12    W.java\n", sink.toString());
    }

    @Test
    void stream_recorders_without_auto_flush_flush_once_on_finish_and_never_close() {
        CountingWriter text = new CountingWriter();
        CountingWriter csv = new CountingWriter();
        List<Recorder<MonitorRecord>> recorders = List.of(
                new TextStreamRecorder(text, null, false, true), new CsvStreamRecorder(csv, null, false));
        for (Recorder<MonitorRecord> recorder : recorders) {
            recorder.prepare(FunctionRecord.class);
            recorder.record(CALL);
            recorder.record(RETURN);
        }
        assertEquals(0, text.flushes);
        assertEquals(0, csv.flushes);
        for (Recorder<MonitorRecord> recorder : recorders) {
            recorder.finish();
        }
        assertEquals(1, text.flushes);
        assertEquals(1, csv.flushes);
        assertEquals(0, text.closes);
        assertEquals(0, csv.closes);
        assertEquals(CSV_HEADER + "0,call,work,10,W.java\r\n1,return,work,12,W.java\r\n", csv.text.toString());
    }

    @Test
    void stream_recorders_with_auto_flush_flush_after_the_header_and_each_record() {
        CountingWriter text = new CountingWriter();
        CountingWriter csv = new CountingWriter();
        List<Recorder<MonitorRecord>> recorders = List.of(
                new TextStreamRecorder(text, null, true, true), new CsvStreamRecorder(csv, null, true));
        for (Recorder<MonitorRecord> recorder : recorders) {
            recorder.prepare(FunctionRecord.class);
        }
        assertEquals(1, text.flushes);
        assertEquals(1, csv.flushes);
        for (Recorder<MonitorRecord> recorder : recorders) {
            recorder.record(CALL);
        }
        assertEquals(2, text.flushes);
        assertEquals(2, csv.flushes);
        for (Recorder<MonitorRecord> recorder : recorders) {
            recorder.record(RETURN);
        }
        assertEquals(3, text.flushes);
        assertEquals(3, csv.flushes);
        for (Recorder<MonitorRecord> recorder : recorders) {
            recorder.finish();
        }
        assertTrue(text.flushes >= 3, "flushed on finish: " + text.flushes);
        assertTrue(csv.flushes >= 3, "flushed on finish: " + csv.flushes);
        assertEquals(0, text.closes);
        assertEquals(0, csv.closes);
    }

    @Test
    void filtered_out_records_are_not_flushed_or_written() {
        CountingWriter csv = new CountingWriter();
        CsvStreamRecorder recorder = new CsvStreamRecorder(csv, new OnValue("type", "return"), true);
        recorder.prepare(FunctionRecord.class);
        int afterHeader = csv.flushes;
        recorder.record(CALL);
        assertEquals(afterHeader, csv.flushes);
        assertEquals(CSV_HEADER, csv.text.toString());
        recorder.record(RETURN);
        assertEquals(afterHeader + 1, csv.flushes);
        assertEquals(CSV_HEADER + "1,return,work,12,W.java\r\n", csv.text.toString());
        recorder.finish();
    }

    // ---------------------------------------------------------------- filters

    @Test
    void list_recorder_keeps_only_what_its_filter_accepts() {
        ListRecorder<FunctionRecord> recorder = new ListRecorder<>(new OnValue("type", "call"));
        recorder.prepare(FunctionRecord.class);
        for (FunctionRecord record : List.of(CALL, RETURN, CALL_AGAIN, RETURN_AGAIN)) {
            recorder.record(record);
        }
        recorder.finish();
        assertEquals(List.of(CALL, CALL_AGAIN), recorder.records());
    }

    @Test
    void csv_stream_recorder_drops_what_its_filter_rejects() {
        StringWriter out = new StringWriter();
        CsvStreamRecorder recorder = new CsvStreamRecorder(out, new NotOnValue("type", "call"), false);
        recorder.prepare(FunctionRecord.class);
        for (FunctionRecord record : List.of(CALL, RETURN, CALL_AGAIN, RETURN_AGAIN)) {
            recorder.record(record);
        }
        recorder.finish();
        assertEquals(CSV_HEADER + "1,return,work,12,W.java\r\n3,return,work,12,W.java\r\n", out.toString());
    }

    @Test
    void text_stream_recorder_drops_what_a_lambda_filter_rejects_but_keeps_the_header() {
        StringWriter out = new StringWriter();
        TextStreamRecorder recorder = new TextStreamRecorder(out, record -> record.index() >= 2, false, true);
        recorder.prepare(FunctionRecord.class);
        for (FunctionRecord record : List.of(CALL, RETURN, CALL_AGAIN)) {
            recorder.record(record);
        }
        recorder.finish();
        assertEquals("index    type        function                       lineNo filename\n"
                + "-------------------------------------------------------------------\n"
                + "2        call        work                           10    W.java\n", out.toString());
    }

    @Test
    void csv_file_recorder_drops_what_its_filter_rejects() throws IOException {
        Path file = dir.resolve("filtered.csv");
        CsvFileRecorder recorder = new CsvFileRecorder(file, new OnValue("index", 1, 3), false);
        recorder.prepare(FunctionRecord.class);
        for (FunctionRecord record : List.of(CALL, RETURN, CALL_AGAIN, RETURN_AGAIN)) {
            recorder.record(record);
        }
        recorder.finish();
        assertEquals(CSV_HEADER + "1,return,work,12,W.java\r\n3,return,work,12,W.java\r\n", read(file));
    }

    // ---------------------------------------------------------------- unwritable

    @Test
    void csv_file_recorder_on_a_directory_fails_in_prepare_naming_the_path() {
        CsvFileRecorder recorder = new CsvFileRecorder(dir);
        RecorderException e = assertThrows(RecorderException.class, () -> recorder.prepare(FunctionRecord.class));
        assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
        assertNotPrepared(recorder);
    }

    @Test
    void csv_file_recorder_in_a_missing_directory_fails_in_prepare_naming_the_path() {
        Path file = dir.resolve("no-such-dir").resolve("records.csv");
        CsvFileRecorder recorder = new CsvFileRecorder(file);
        RecorderException e = assertThrows(RecorderException.class, () -> recorder.prepare(FunctionRecord.class));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertFalse(Files.exists(file.getParent()));
    }

    @Test
    void text_file_recorder_on_a_directory_fails_in_prepare_naming_the_path() {
        TextFileRecorder recorder = new TextFileRecorder(dir);
        RecorderException e = assertThrows(RecorderException.class, () -> recorder.prepare(LineRecord.class));
        assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
    }
}
