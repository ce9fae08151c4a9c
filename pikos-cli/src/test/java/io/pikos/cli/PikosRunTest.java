package io.pikos.cli;

import io.pikos.cli.demo.Greeter;
import io.pikos.cli.demo.LangDemo;
import io.pikos.cli.internal.InProcessWeaver;
import io.pikos.weaver.Instrumenter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.lang3.StringUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarOutputStream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import java.util.jar.Manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * pikos-run driven in this JVM: every option, every mistake (one line, status 2, the program never
 * started), and programs run under each monitor with their output, arguments and results their own.
 * {@code PikosRunIT} runs the launcher as a real process for exit statuses and flushing.
 */
class PikosRunTest {

    private static final String TEST_CLASSES = location(Greeter.class);
    private static final String HELLO = """
            public class Hello {
                public static void main(String[] args) {
                    int total = 0;
                    for (String arg : args) {
                        total += arg.length();
                    }
                    System.out.println("total " + total);
                }
            }
            """;

    @TempDir
    Path dir;

    private static Captured run(String... args) {
        return Captured.run(args);
    }

    private void assertMistake(String message, String... args) {
        Captured result = run(args);
        assertEquals(List.of("pikos-run: " + message), result.errLines());
        assertEquals(2, result.status());
        assertEquals("", result.out());
    }

    // ---- help ----

    @ParameterizedTest
    @ValueSource(strings = {"-h", "--help"})
    void help_shows_the_synopsis_every_option_and_the_seed_example(String flag) {
        Captured result = run(flag);
        assertEquals(0, result.status());
        assertEquals("", result.err());
        String help = result.out();
        assertTrue(help.startsWith("""
                Usage: pikos-run [-h] [-o OUTPUT] [--buffered] [--recording {screen,text,csv,jfr}]
                          [--focused-on FOCUSED_ON] [-cp CLASSPATH] [--weave PATTERNS]
                          {functions,line_memory,lines,function_memory} TARGET [-- ARGS...]
                """), help);
        for (String option : List.of("-o, --output", "--buffered", "--recording", "--focused-on", "-cp, --classpath",
                "--weave", "-h, --help")) {
            assertTrue(help.contains(option), option);
        }
        assertTrue(help.contains("pikos-run line_memory samples/src/main/java/io/pikos/samples/MandelbrotSetExample.java \\\n"
                + "            --recording csv --focused-on=mandelbrot"), help);
    }

    // ---- mistakes: one line, status 2 ----

    @Test
    void an_unknown_monitor_or_recording_is_a_mistake() {
        assertMistake("unknown monitor 'calls' (expected one of functions, line_memory, lines, function_memory)",
                "calls", "Hello.java");
        assertMistake("unknown recording 'xml' (expected one of screen, text, csv, jfr)",
                "lines", "Hello.java", "--recording", "xml");
        assertMistake("the screen recording takes no output file", "lines", "Hello.java", "-o", "out.log");
    }

    @Test
    void command_line_syntax_mistakes_name_the_problem() {
        assertMistake("Missing required parameter: 'TARGET' (see pikos-run --help)", "lines");
        assertMistake("Unknown option: '--frob' (see pikos-run --help)", "lines", "Hello.java", "--frob");
        assertMistake("Unmatched argument at index 2: 'extra' (see pikos-run --help)", "lines", "Hello.java", "extra");
        assertMistake("a class-name pattern is empty", "lines", "Hello", "--weave", "a.*,,b.*");
    }

    @Test
    void a_target_that_cannot_be_read_is_a_mistake() throws IOException {
        assertMistake("TARGET '" + dir.resolve("Missing.java") + "' does not exist", "lines",
                dir.resolve("Missing.java").toString());
        Path folder = Files.createDirectories(dir.resolve("Folder.java"));
        assertMistake("TARGET '" + folder + "' is not a readable file", "lines", folder.toString());
        assertMistake("TARGET 'not a class' is neither a .java file, a .jar file nor a class name", "lines", "not a class");
        assertMistake("main class io.pikos.cli.demo.Nobody not found on the classpath", "functions", "-cp",
                TEST_CLASSES, "io.pikos.cli.demo.Nobody");
        assertMistake("io.pikos.cli.PikosRunTest has no public static void main(String[])", "functions", "-cp",
                TEST_CLASSES, "io.pikos.cli.PikosRunTest");
    }

    @Test
    void a_jar_without_a_main_class_is_a_mistake() throws IOException {
        Path jar = dir.resolve("plain.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), new Manifest())) {
            out.flush();
        }
        assertMistake("jar '" + jar + "' has no Main-Class in its manifest", "functions", jar.toString());
    }

    @Test
    void a_program_that_does_not_compile_shows_the_diagnostics_then_one_line() throws IOException {
        Path source = dir.resolve("Broken.java");
        Files.writeString(source, """
                public class Broken {
                    public static void main(String[] args) {
                        int x = "text";
                    }
                }
                """);
        Captured result = run("lines", source.toString());
        assertEquals(2, result.status());
        List<String> lines = result.errLines();
        assertTrue(lines.get(0).startsWith(source + ":3: error: incompatible types: "), result.err());
        assertTrue(lines.contains("        int x = \"text\";"), result.err());
        assertEquals("pikos-run: " + source + " does not compile", lines.get(lines.size() - 1));
    }

    @Test
    void a_focus_that_does_not_exist_is_a_mistake_before_the_program_runs() throws IOException {
        Path source = write("Hello.java", HELLO);
        assertMistake("--focused-on: no method 'nope' in Hello", "functions", source.toString(), "--focused-on=nope");
        assertMistake("--focused-on: no class 'Missing' (looked for Missing, Missing, Hello$Missing, Missing)",
                "functions", source.toString(), "--focused-on", "Missing.run");
        assertMistake("--focused-on has an empty method name", "functions", source.toString(), "--focused-on", "main,");
    }

    @Test
    void an_output_that_cannot_be_written_is_a_mistake_before_the_program_runs() throws IOException {
        Path source = write("Hello.java", HELLO);
        Path output = dir.resolve("no-such-directory/records.csv");
        assertMistake("cannot write " + output + ": no such file or directory", "lines", source.toString(),
                "--recording", "csv", "-o", output.toString());
    }

    // ---- runs ----

    @Test
    void a_single_file_program_runs_with_its_arguments_and_line_records_carry_its_source_text() throws IOException {
        Path source = write("Hello.java", HELLO);
        Path csv = dir.resolve("lines.csv");
        Captured result = run("lines", source.toString(), "--recording", "csv", "-o", csv.toString(), "--", "ab", "cde");
        assertEquals(0, result.status(), result.err());
        assertEquals("total 5" + System.lineSeparator(), result.out());
        assertEquals("", result.err());
        List<String> hello = Files.readAllLines(source);
        List<String> expected = new ArrayList<>();
        for (int line : new int[] {3, 4, 5, 4, 5, 4, 7}) {
            expected.add("main," + line + "," + hello.get(line - 1).stripTrailing());
        }
        assertEquals(expected, rows(csv).stream().map(r -> r.get("function") + "," + r.get("lineNo") + "," + r.get("line"))
                .toList());
        assertTrue(rows(csv).stream().allMatch(r -> r.get("filename").endsWith("Hello.java")));
    }

    @Test
    void jfr_recording_writes_flight_recorder_events_whose_fields_are_the_csv_columns() throws IOException {
        Path source = write("Hello.java", HELLO);
        Path jfr = dir.resolve("records.jfr");
        Captured result = run("lines", source.toString(), "--recording=jfr", "-o", jfr.toString(), "--", "ab");
        assertEquals(0, result.status(), result.err());
        List<String> events = new ArrayList<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(jfr)) {
            if (event.getEventType().getName().equals("pikos.Line") && event.getString("filename").endsWith("Hello.java")) {
                events.add(event.getLong("index") + " " + event.getString("function") + " " + event.getInt("lineNo")
                        + " " + event.getString("line").strip());
            }
        }
        assertEquals(List.of("0 main 3 int total = 0;", "1 main 4 for (String arg : args) {",
                "2 main 5 total += arg.length();", "3 main 4 for (String arg : args) {",
                "4 main 7 System.out.println(\"total \" + total);"), events);
    }

    @Test
    void options_may_stand_before_or_after_the_target() throws IOException {
        Path source = write("Hello.java", HELLO);
        Path before = dir.resolve("before.csv");
        Path after = dir.resolve("after.csv");
        assertEquals(0, run("--recording", "csv", "-o", before.toString(), "functions", source.toString()).status());
        assertEquals(0, run("functions", source.toString(), "--recording=csv", "--output=" + after).status());
        assertEquals(Files.readAllLines(before), Files.readAllLines(after));
        assertEquals(List.of("call,main", "return,main"),
                rows(after).stream().filter(r -> !r.get("type").startsWith("c_")).map(r -> r.get("type") + "," + r.get("function"))
                        .toList());
    }

    @Test
    void a_main_class_on_the_classpath_runs_woven_with_focus_by_class_and_method() throws IOException {
        Path csv = dir.resolve("greeter.csv");
        Captured result = run("functions", "-cp", TEST_CLASSES, "io.pikos.cli.demo.Greeter", "--recording", "csv",
                "-o", csv.toString(), "--focused-on", "Phrases.greet", "--", "ann", "bo");
        assertEquals(0, result.status(), result.err());
        assertEquals("hello, ann" + System.lineSeparator() + "hello, bo" + System.lineSeparator(), result.out());
        List<String> records = rows(csv).stream().filter(r -> !r.get("type").startsWith("c_"))
                .map(r -> r.get("type") + " " + r.get("function")).toList();
        assertEquals(List.of("call greet", "return greet", "call greet", "return greet"), records);
    }

    @Test
    void screen_recording_writes_the_seed_text_after_the_program_output_of_each_line() throws IOException {
        Path source = write("Hello.java", HELLO);
        Captured result = run("functions", source.toString(), "--focused-on", "main");
        assertEquals(0, result.status(), result.err());
        List<String> out = result.out().lines().toList();
        assertEquals("index    type        function                       lineNo filename", out.get(0));
        assertTrue(out.contains("total 0"), result.out());
        assertTrue(out.get(2).startsWith("0        call        main                           2     "), out.get(2));
    }

    /** Classes woven before they are run (by a build, here by the same weaver) are not woven again. */
    @Test
    void classes_already_woven_are_used_as_they_are() throws Exception {
        Path source = write("Hello.java", HELLO);
        Path classes = Files.createDirectories(dir.resolve("woven"));
        assertEquals(0, javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-g", "-proc:none",
                "-d", classes.toString(), source.toString()));
        Path hello = classes.resolve("Hello.class");
        InProcessWeaver weaver = new InProcessWeaver(List.of(classes.toUri().toURL()), System.err);
        byte[] woven = weaver.weave("Hello", Files.readAllBytes(hello));
        assertTrue(Instrumenter.isWoven(woven));
        Files.write(hello, woven);

        Path csv = dir.resolve("once.csv");
        Captured result = run("functions", "-cp", classes.toString(), "Hello", "--recording", "csv", "-o", csv.toString());
        assertEquals(0, result.status(), result.err());
        assertEquals("", result.err());
        assertEquals(List.of("call main", "c_call println", "c_return println", "return main"),
                rows(csv).stream().map(r -> r.get("type") + " " + r.get("function")).toList());
        assertTrue(java.util.Arrays.equals(woven, Files.readAllBytes(hello)));
    }

    /**
     * A real third-party library, Apache Commons Lang (pikos does not use it), woven in-process by name:
     * the program prints exactly what it prints unwoven, under the function and the line monitor, and
     * the records come from inside the library.
     */
    @ParameterizedTest
    @ValueSource(strings = {"functions", "lines"})
    void a_third_party_library_woven_in_process_behaves_as_unwoven(String monitor) throws IOException {
        String unwoven = unwovenOutput();
        Path csv = dir.resolve(monitor + ".csv");
        String classpath = TEST_CLASSES + java.io.File.pathSeparator + location(StringUtils.class);
        Captured result = run(monitor, "-cp", classpath, "io.pikos.cli.demo.LangDemo", "--recording", "csv",
                "-o", csv.toString(), "--weave", "io.pikos.cli.demo.*,org.apache.commons.lang3.**");
        assertEquals(0, result.status(), result.err());
        assertEquals(unwoven, result.out());
        assertEquals("", result.err());
        List<CSVRecord> rows = rows(csv);
        assertTrue(rows.stream().anyMatch(r -> r.get("filename").equals("org/apache/commons/lang3/StringUtils.java")
                && r.get("function").equals("abbreviate")), "records from inside the library");
        assertFalse(rows.stream().anyMatch(r -> r.get("filename").startsWith("io/pikos/cli/Pikos")), "nothing of pikos-run");
    }

    private static String unwovenOutput() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            LangDemo.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private Path write(String name, String source) throws IOException {
        return Files.writeString(dir.resolve(name), source);
    }

    private static List<CSVRecord> rows(Path csv) throws IOException {
        return CsvRecords.read(csv);
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
