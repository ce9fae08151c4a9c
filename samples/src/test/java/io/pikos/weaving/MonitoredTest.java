package io.pikos.weaving;

import io.pikos.weaving.fixtures.MonitoredMethods;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code @Monitored} methods act as the seed's decorator factories. Each test uses its own method and file. */
class MonitoredTest {

    private static final SourceTags TAGS = SourceTags.of(MonitoredMethods.class);
    private static final String SOURCE = "src/test/java/io/pikos/weaving/fixtures/MonitoredMethods.java";

    private static int line(String tag) {
        return TAGS.line(tag);
    }

    /** The file column: the source path as the build saw it, which depends on where Maven was started. */
    private static String filename(List<String> rows) {
        String first = rows.get(1);
        String filename = first.substring(first.lastIndexOf(',') + 1);
        assertTrue(filename.endsWith(SOURCE), filename);
        return filename;
    }

    @Test
    void a_focused_csv_method_called_twice_writes_one_header_and_the_records_of_both_calls() throws IOException {
        Path csv = Path.of("target/monitored-focused.csv");
        Files.deleteIfExists(csv);

        assertEquals(3, MonitoredMethods.caller(1));
        assertEquals(5, MonitoredMethods.caller(2));

        List<String> rows = List.of(Files.readString(csv).split("\r\n"));
        String file = filename(rows);
        String expected = String.join("\r\n",
                "index,type,function,lineNo,filename",
                "0,call,focused," + line("@focused") + "," + file,
                "1,call,helper," + line("@helper") + "," + file,
                "2,return,helper," + line("@helper") + "," + file,
                "3,return,focused," + line("@focused") + "," + file,
                "4,call,focused," + line("@focused") + "," + file,
                "5,call,helper," + line("@helper") + "," + file,
                "6,return,helper," + line("@helper") + "," + file,
                "7,return,focused," + line("@focused") + "," + file) + "\r\n";
        assertEquals(expected, Files.readString(csv));
    }

    @Test
    void an_unfocused_memory_method_records_itself_and_what_it_calls_as_formatted_text() throws IOException {
        Path log = Path.of("target/monitored-memory.log");
        Files.deleteIfExists(log);

        assertEquals(8, MonitoredMethods.memory(4));

        List<String> lines = Files.readAllLines(log);
        assertEquals(2 + 4, lines.size(), lines.toString());
        assertEquals("index    | type        | function     | RSS             | VMS             | lineNo | filename",
                lines.get(0));
        assertEquals("-".repeat(lines.get(0).length()), lines.get(1));
        assertEquals(List.of("0 call memory " + line("@memory"), "1 call helper " + line("@helper"),
                        "2 return helper " + line("@helper"), "3 return memory " + line("@memory")),
                lines.subList(2, 6).stream().map(l -> {
                    String[] f = l.split("\\s*\\|\\s*");
                    assertTrue(Long.parseLong(f[3]) > 0 && Long.parseLong(f[4]) >= Long.parseLong(f[3]), l);
                    return f[0].strip() + " " + f[1] + " " + f[2] + " " + f[5];
                }).toList());
    }

    @Test
    void a_method_whose_output_cannot_be_written_runs_unmonitored_and_says_so_once() {
        PrintStream originalErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertEquals(2, MonitoredMethods.unwritable(1));
            assertEquals(4, MonitoredMethods.unwritable(2));
        } finally {
            System.setErr(originalErr);
        }
        assertEquals("pikos: @Monitored public static int io.pikos.weaving.fixtures.MonitoredMethods.unwritable(int)"
                + " runs unmonitored: cannot write target/no-such-directory/records.csv:"
                + " no such file or directory" + System.lineSeparator(), err.toString(StandardCharsets.UTF_8));
        assertFalse(Files.exists(Path.of("target/no-such-directory")));
    }

    @Test
    void a_throw_leaves_the_method_with_the_same_exception_and_the_records_complete() throws IOException {
        Path csv = Path.of("target/monitored-throwing.csv");
        Files.deleteIfExists(csv);

        IllegalArgumentException first = assertThrows(IllegalArgumentException.class, () -> MonitoredMethods.throwing(7));
        assertEquals("n = 7", first.getMessage());
        assertEquals("throwing", first.getStackTrace()[0].getMethodName(), "no synthetic frame above the method");

        List<String> rows = List.of(Files.readString(csv).split("\r\n"));
        String file = filename(rows);
        assertEquals(List.of(
                "index,type,function,lineNo,filename",
                "0,call,throwing," + line("@throwing") + "," + file,
                "1,c_call,<init>," + line("@throw") + "," + file,
                "2,c_return,<init>," + line("@throw") + "," + file,
                "3,exception,throwing," + line("@throwing") + "," + file), rows);
    }

    @Test
    void a_monitored_constructor_is_focused_on_itself() throws IOException {
        Path csv = Path.of("target/monitored-constructor.csv");
        Files.deleteIfExists(csv);

        assertEquals(6, new MonitoredMethods.Widget(3).size());

        List<String> rows = List.of(Files.readString(csv).split("\r\n"));
        String file = filename(rows);
        assertEquals(List.of(
                "index,type,function,lineNo,filename",
                "0,call,<init>," + line("@widget") + "," + file,
                "1,call,helper," + line("@helper") + "," + file,
                "2,return,helper," + line("@helper") + "," + file,
                "3,return,<init>," + line("@widget") + "," + file), rows);
    }
}
