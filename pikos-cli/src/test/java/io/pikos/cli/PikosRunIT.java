package io.pikos.cli;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bin/pikos-run} as a user runs it, as a real process: the seed's example, a jar built here
 * without pikos, exit statuses passed through, and records flushed on every way out of the program.
 */
class PikosRunIT {

    private static final Path ROOT = Launched.ROOT;

    @TempDir
    Path dir;

    private static Launched run(Path workingDirectory, String stdin, String... args) throws Exception {
        return Launched.pikosRun(workingDirectory, "", stdin, args);
    }

    @Test
    void the_seed_example_writes_the_seed_csv() throws Exception {
        Path csv = ROOT.resolve("monitor_records.csv");
        Files.deleteIfExists(csv);
        Launched result = run(ROOT, "", "line_memory", "samples/src/main/java/io/pikos/samples/MandelbrotSetExample.java",
                "--recording", "csv", "--focused-on=mandelbrot", "--", dir.resolve("mandelbrot.png").toString());
        assertEquals(0, result.status(), result.err());
        assertEquals("", result.err());
        assertTrue(Files.readString(csv).startsWith("index,function,lineNo,RSS,VMS,line,filename\r\n"));
        List<CSVRecord> rows = rows(csv);
        assertEquals(4 + 20 * 6 + 2, rows.size());
        for (CSVRecord row : rows) {
            assertEquals("mandelbrot", row.get("function"));
            assertEquals("samples/src/main/java/io/pikos/samples/MandelbrotSetExample.java", row.get("filename"));
            assertTrue(Long.parseLong(row.get("RSS")) > 0);
        }
        assertEquals("        for (int i = 0; i < maxit; i++) {", rows.get(4).get("line"));
        assertTrue(Files.size(dir.resolve("mandelbrot.png")) > 0);
    }

    @Test
    void a_jar_built_without_pikos_runs_woven_with_its_class_path_and_arguments() throws Exception {
        Path lib = jar("lib.jar", null, null, "lib/Twice.java", """
                package lib;
                public class Twice {
                    public static int of(int n) {
                        return 2 * n;
                    }
                }
                """);
        Path app = jar("app.jar", "app.App", "lib.jar", "app/App.java", """
                package app;
                public class App {
                    public static void main(String[] args) {
                        System.out.println(lib.Twice.of(Integer.parseInt(args[0])));
                    }
                }
                """);
        Path csv = dir.resolve("app.csv");
        Launched result = run(dir, "", "functions", app.toString(), "--buffered", "--recording", "csv", "-o", csv.toString(),
                "--", "21");
        assertEquals(0, result.status(), result.err());
        assertEquals("42\n", result.out());
        List<String> records = rows(csv).stream().map(r -> r.get("type") + " " + r.get("function")).toList();
        // The jar's own classes are woven; lib.jar, on its Class-Path, is not: calls into it are c_calls.
        assertEquals(List.of("call main", "c_call parseInt", "c_return parseInt", "c_call of", "c_return of",
                "c_call println", "c_return println", "return main"), records);
        assertTrue(Files.exists(lib));
    }

    @Test
    void a_main_class_on_the_classpath_runs_with_its_arguments() throws Exception {
        Path csv = dir.resolve("greeter.csv");
        Launched result = run(dir, "", "lines", "-cp", ROOT.resolve("pikos-cli/target/test-classes").toString(),
                "io.pikos.cli.demo.Greeter", "--recording", "csv", "-o", csv.toString(), "--focused-on", "Phrases.greet",
                "--", "ann");
        assertEquals(0, result.status(), result.err());
        assertEquals("hello, ann\n", result.out());
        int line = Files.readAllLines(Path.of("src/test/java/io/pikos/cli/demo/Greeter.java"))
                .indexOf("            return \"hello, \" + name;") + 1;
        assertEquals(List.of("greet " + line), rows(csv).stream().map(r -> r.get("function") + " " + r.get("lineNo")).toList());
    }

    @Test
    void system_exit_in_monitored_code_passes_its_status_and_the_buffered_records_are_complete() throws Exception {
        Path source = Files.writeString(dir.resolve("Quits.java"), """
                public class Quits {
                    public static void main(String[] args) {
                        System.out.println("quitting");
                        quit(7);
                    }
                    static void quit(int status) {
                        System.exit(status);
                    }
                }
                """);
        Path csv = dir.resolve("quits.csv");
        Launched result = run(dir, "", "functions", source.toString(), "--buffered", "--recording", "csv", "-o", csv.toString());
        assertEquals(7, result.status(), result.err());
        assertEquals("quitting\n", result.out());
        String text = Files.readString(csv);
        assertTrue(text.endsWith("\r\n"), text);
        assertTrue(rows(csv).stream().anyMatch(r -> r.get("type").equals("call") && r.get("function").equals("quit")), text);
    }

    /**
     * A program that enables its own monitor into a buffered file and exits without disabling it: the
     * records still waiting in the monitor's per-thread batch are handed over and flushed at exit.
     */
    @Test
    void system_exit_with_a_monitor_the_program_enabled_itself_keeps_every_record() throws Exception {
        Path source = Files.writeString(dir.resolve("OwnMonitor.java"), """
                import io.pikos.monitors.FunctionMonitor;
                import io.pikos.recorders.CsvFileRecorder;
                import java.nio.file.Path;

                public class OwnMonitor {
                    public static void main(String[] args) {
                        new FunctionMonitor(new CsvFileRecorder(Path.of(args[0]))).enable();
                        long sum = 0;
                        for (int i = 0; i < 1000; i++) {
                            sum += square(i);
                        }
                        System.out.println(sum);
                        System.exit(5);
                    }
                    static long square(long x) {
                        return x * x;
                    }
                }
                """);
        Path own = dir.resolve("own.csv");
        Launched result = run(dir, "", "functions", source.toString(), "--recording", "csv", "-o",
                dir.resolve("run.csv").toString(), "--", own.toString());
        assertEquals(5, result.status(), result.err());
        assertEquals("332833500\n", result.out());
        List<CSVRecord> rows = rows(own);
        CsvRecords.assertWholeAndIndexed(rows);
        assertEquals(2_000, rows.stream().filter(r -> r.get("function").equals("square")).count());
    }

    /** The program's stack trace on standard error is what {@code java Fails.java} prints; status 1. */
    @Test
    void an_uncaught_exception_is_reported_as_java_reports_it_and_the_records_are_flushed() throws Exception {
        Path source = Files.writeString(dir.resolve("Fails.java"), """
                public class Fails {
                    public static void main(String[] args) {
                        fail();
                    }
                    static void fail() {
                        throw new IllegalStateException("boom");
                    }
                }
                """);
        Path csv = dir.resolve("fails.csv");
        Launched result = run(dir, "", "functions", source.toString(), "--buffered", "--recording", "csv", "-o", csv.toString());
        assertEquals(1, result.status());
        Launched java = Launched.java(dir, source.toString());
        assertEquals(1, java.status());
        assertEquals(java.err(), result.err());
        List<String> records = rows(csv).stream().map(r -> r.get("type") + " " + r.get("function")).toList();
        assertEquals(List.of("call main", "call fail", "c_call <init>", "c_return <init>", "exception fail",
                "exception main"), records);
    }

    @Test
    void sigterm_flushes_the_records_and_the_program_reads_its_own_standard_input() throws Exception {
        Path source = Files.writeString(dir.resolve("Waits.java"), """
                public class Waits {
                    public static void main(String[] args) throws Exception {
                        int total = 0;
                        for (int i = 0; i < 3; i++) { total += i; }
                        System.out.println("ready " + total); System.in.read(); // blocks: stdin stays open
                    }
                }
                """);
        Path csv = dir.resolve("waits.csv");
        Process process = new ProcessBuilder(Launched.LAUNCHER.toString(), "lines", source.toString(), "--buffered",
                "--recording", "csv", "-o", csv.toString()).directory(dir.toFile()).redirectError(dir.resolve("err.txt").toFile())
                .start();
        try (BufferedReader out = process.inputReader()) {
            assertEquals("ready 3", out.readLine());
            process.toHandle().destroy(); // SIGTERM only: Process.destroy() also closes stdin, which would end the read
            assertTrue(process.waitFor(1, TimeUnit.MINUTES));
        }
        assertEquals(143, process.exitValue());
        assertEquals(List.of("main 3", "main 4", "main 4", "main 4", "main 4", "main 5"),
                rows(csv).stream().map(r -> r.get("function") + " " + r.get("lineNo")).toList());
    }

    /** A disk that fills while the program runs: the program's result and status are its own, one line says why records stopped. */
    @Test
    void a_full_disk_stops_recording_with_one_line_and_the_program_finishes() throws Exception {
        Path source = Files.writeString(dir.resolve("Busy.java"), """
                public class Busy {
                    static int twice(int i) {
                        return 2 * i;
                    }
                    public static void main(String[] args) {
                        long total = 0;
                        for (int i = 0; i < 20_000; i++) {
                            total += twice(i);
                        }
                        System.out.println(total);
                        System.exit(3);
                    }
                }
                """);
        Launched result = run(dir, "", "functions", source.toString(), "--buffered", "--recording", "csv", "-o", "/dev/full");
        assertEquals(3, result.status());
        assertEquals("399980000\n", result.out());
        assertEquals("pikos: FunctionMonitor[CsvFileRecorder]: recording stopped: cannot write /dev/full: "
                + "No space left on device\n", result.err());
    }

    @Test
    void standard_input_is_the_programs() throws Exception {
        Path source = Files.writeString(dir.resolve("Echo.java"), """
                public class Echo {
                    public static void main(String[] args) throws Exception {
                        var in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in));
                        System.out.println(new StringBuilder(in.readLine()).reverse());
                    }
                }
                """);
        Launched result = run(dir, "pikos\n", "lines", source.toString(), "--recording", "csv", "-o", dir.resolve("e.csv").toString());
        assertEquals(0, result.status(), result.err());
        assertEquals("sokip\n", result.out());
    }

    /** Compiles sources with plain javac (no pikos at all) into a jar. */
    private Path jar(String name, String mainClass, String classPath, String path, String source) throws IOException {
        Path src = dir.resolve("src-" + name).resolve(path);
        Files.createDirectories(src.getParent());
        Files.writeString(src, source);
        Path classes = Files.createDirectories(dir.resolve("classes-" + name));
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-proc:none", "-g", "-cp",
                dir.resolve("classes-lib.jar").toString(), "-d", classes.toString(), src.toString()));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (mainClass != null) {
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        }
        if (classPath != null) {
            manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        }
        Path jar = dir.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
        return jar;
    }

    private static List<CSVRecord> rows(Path csv) throws IOException {
        return CsvRecords.read(csv);
    }
}
