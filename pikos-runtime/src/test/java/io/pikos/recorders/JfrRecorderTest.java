package io.pikos.recorders;

import io.pikos.records.FunctionMemoryRecord;
import io.pikos.records.FunctionRecord;
import io.pikos.records.LineMemoryRecord;
import io.pikos.records.LineRecord;
import io.pikos.records.MonitorRecord;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Records as Flight Recorder events, read back from the file with the JDK's own reader. */
class JfrRecorderTest {

    @TempDir
    Path dir;

    @Test
    void each_record_type_becomes_an_event_whose_fields_are_the_csv_columns() throws IOException {
        Path file = dir.resolve("records.jfr");
        JfrRecorder recorder = new JfrRecorder(file);
        recorder.prepare(MonitorRecord.class);
        recorder.record(new FunctionRecord(0, "call", "work", 12, "src/Work.java"));
        recorder.record(new LineRecord(1, "work", 13, "        int x = 1;", "src/Work.java"));
        recorder.record(new FunctionMemoryRecord(2, "return", "work", 4096, 8192, 14, "src/Work.java"));
        recorder.record(new LineMemoryRecord(3, "work", 15, 4096, 8192, "        return x;", "src/Work.java"));
        recorder.finish();

        List<String> events = pikosEvents(file, "src/Work.java");
        assertEquals(List.of(
                "pikos.Function index=0 type=call function=work lineNo=12 filename=src/Work.java",
                "pikos.Line index=1 function=work lineNo=13 line=        int x = 1; filename=src/Work.java",
                "pikos.FunctionMemory index=2 type=return function=work RSS=4096 VMS=8192 lineNo=14 filename=src/Work.java",
                "pikos.LineMemory index=3 function=work lineNo=15 RSS=4096 VMS=8192 line=        return x; filename=src/Work.java"),
                events);
    }

    @Test
    void a_later_enable_adds_to_the_file_instead_of_replacing_it() throws IOException {
        Path file = dir.resolve("twice.jfr");
        JfrRecorder recorder = new JfrRecorder(file, record -> !record.column(2).equals("skipped"));
        recorder.prepare(FunctionRecord.class);
        recorder.record(new FunctionRecord(0, "call", "first", 1, "A.java"));
        recorder.finish();
        recorder.prepare(FunctionRecord.class);
        recorder.record(new FunctionRecord(1, "call", "skipped", 2, "A.java"));
        recorder.record(new FunctionRecord(2, "call", "second", 3, "A.java"));
        recorder.finish();
        assertEquals(List.of("first", "second"), pikosEvents(file, "A.java").stream()
                .map(e -> e.replaceAll(".* function=(\\w+) .*", "$1")).toList());
    }

    @Test
    void recording_before_prepare_or_into_an_unwritable_file_fails_clearly() {
        JfrRecorder unprepared = new JfrRecorder(dir.resolve("x.jfr"));
        RecorderException notPrepared = assertThrows(RecorderException.class,
                () -> unprepared.record(new FunctionRecord(0, "call", "f", 1, "A.java")));
        assertEquals("record called on a recorder of " + dir.resolve("x.jfr") + " that is not prepared",
                notPrepared.getMessage());
        Path missing = dir.resolve("missing/x.jfr");
        RecorderException unwritable = assertThrows(RecorderException.class,
                () -> new JfrRecorder(missing).prepare(FunctionRecord.class));
        assertEquals("cannot write " + missing + ": no such file or directory", unwritable.getMessage());
    }

    /**
     * The pikos events of one test, told apart by their file name: the first recorder's recording goes
     * on after it finishes, and later recorders in this JVM record into it.
     */
    private static List<String> pikosEvents(Path file, String filename) throws IOException {
        return RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getEventType().getName().startsWith("pikos.") && e.getString("filename").equals(filename))
                .sorted(java.util.Comparator.comparingLong(e -> e.getLong("index")))
                .map(JfrRecorderTest::describe)
                .toList();
    }

    private static String describe(RecordedEvent event) {
        StringBuilder text = new StringBuilder(event.getEventType().getName());
        event.getFields().stream()
                .filter(f -> !List.of("startTime", "duration", "eventThread", "stackTrace").contains(f.getName()))
                .forEach(f -> {
                    Object value = event.getValue(f.getName());
                    text.append(' ').append(f.getName()).append('=').append(value);
                });
        return text.toString();
    }
}
