package io.pikos.cli;

import io.pikos.annotations.Monitored;
import io.pikos.weaver.Instrumenter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * pikos-instrument driven in this JVM: a small program compiled here is woven from a directory into
 * another, in place, and from a jar into a jar; the summary line is exact, the classes come out woven
 * and still run, other files come out unchanged; every mistake is one line and status 2 with nothing
 * written; a method too large for probes is a warning, and with {@code --strict} status 1.
 */
class PikosInstrumentTest {

    private static final String MAIN = """
            package demo;

            public class Main {
                public static void main(String[] args) {
                    System.out.println(sum(Integer.parseInt(args[0])));
                }

                static int sum(int n) {
                    int total = 0;
                    for (int i = 1; i <= n; i++) {
                        total += new Counter().twice(i);
                    }
                    return total;
                }

                static final class Counter {
                    int twice(int i) {
                        return 2 * i;
                    }
                }
            }
            """;
    private static final String MARKER = """
            package demo;

            public interface Marker {
            }
            """;
    private static final String GREETING = "hello from a resource\n";
    private static final List<String> CLASSES = List.of("demo/Main.class", "demo/Main$Counter.class");

    @TempDir
    Path dir;

    private Path classes;

    /** The program's classes and a resource, as a build leaves them. */
    @BeforeEach
    void compileTheProgram() throws IOException {
        classes = dir.resolve("classes");
        compile(classes, List.of(), Map.of("demo/Main.java", MAIN, "demo/Marker.java", MARKER));
        Files.writeString(classes.resolve("demo/greeting.txt"), GREETING);
    }

    // ---- weaving ----

    @Test
    void a_directory_is_woven_into_another_and_its_other_files_are_copied_unchanged() throws Exception {
        Path out = dir.resolve("woven");
        Run run = run(classes.toString(), out.toString());
        assertEquals(0, run.status(), run.err());
        assertEquals("", run.err());
        assertEquals("pikos-instrument: 2 classes woven, 0 already woven, 0 left as they were, 2 other files copied, "
                + "into " + out + "\n", run.out());
        for (String name : CLASSES) {
            assertTrue(Instrumenter.isWoven(Files.readAllBytes(out.resolve(name))), name);
            assertFalse(Instrumenter.isWoven(Files.readAllBytes(classes.resolve(name))), "IN is left as it was: " + name);
        }
        assertArrayEquals(Files.readAllBytes(classes.resolve("demo/Marker.class")),
                Files.readAllBytes(out.resolve("demo/Marker.class")));
        assertEquals(GREETING, Files.readString(out.resolve("demo/greeting.txt")));
        assertEquals(20, sum(out, 4), "the woven classes run as they did");
    }

    @Test
    void a_directory_is_woven_in_place_and_weaving_it_again_changes_nothing() throws Exception {
        Run first = run(classes.toString(), classes.toString());
        assertEquals(0, first.status(), first.err());
        assertEquals("pikos-instrument: 2 classes woven, 0 already woven, 0 left as they were, 2 other files unchanged, "
                + "in place in " + classes + "\n", first.out());
        Map<String, byte[]> woven = contents(classes);
        for (String name : CLASSES) {
            assertTrue(Instrumenter.isWoven(woven.get(name)), name);
        }
        Run second = run(classes.toString(), classes.resolve("../classes/").toString());
        assertEquals(0, second.status(), second.err());
        assertEquals("", second.err());
        assertEquals("pikos-instrument: 0 classes woven, 2 already woven, 0 left as they were, 2 other files unchanged, "
                + "in place in " + classes.resolve("../classes") + "\n", second.out());
        Map<String, byte[]> again = contents(classes);
        assertEquals(woven.keySet(), again.keySet());
        woven.forEach((name, bytes) -> assertArrayEquals(bytes, again.get(name), name));
        assertEquals(20, sum(classes, 4));
    }

    @Test
    void a_jar_is_woven_into_another_jar_with_its_manifest_and_resources_unchanged() throws Exception {
        Path in = jar(classes, dir.resolve("app.jar"));
        Path out = dir.resolve("build/woven/app.jar");
        Run run = run(in.toString(), out.toString());
        assertEquals(0, run.status(), run.err());
        assertEquals("", run.err());
        assertEquals("pikos-instrument: 2 classes woven, 0 already woven, 0 left as they were, 2 other files copied, "
                + "into " + out + "\n", run.out());
        try (JarFile jar = new JarFile(out.toFile())) {
            assertEquals("demo.Main", jar.getManifest().getMainAttributes().getValue(Attributes.Name.MAIN_CLASS));
            for (String name : CLASSES) {
                assertTrue(Instrumenter.isWoven(jar.getInputStream(jar.getEntry(name)).readAllBytes()), name);
            }
            assertArrayEquals(Files.readAllBytes(classes.resolve("demo/greeting.txt")),
                    jar.getInputStream(jar.getEntry("demo/greeting.txt")).readAllBytes());
            assertArrayEquals(Files.readAllBytes(classes.resolve("demo/Marker.class")),
                    jar.getInputStream(jar.getEntry("demo/Marker.class")).readAllBytes());
        }
        assertEquals(20, sum(out, 4));
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertEquals(List.of(out), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void a_jar_can_be_woven_in_place() throws Exception {
        Path jar = jar(classes, dir.resolve("app.jar"));
        Run run = run(jar.toString(), jar.toString());
        assertEquals(0, run.status(), run.err());
        assertEquals("pikos-instrument: 2 classes woven, 0 already woven, 0 left as they were, 2 other files copied, "
                + "into " + jar + "\n", run.out());
        try (JarFile woven = new JarFile(jar.toFile())) {
            assertTrue(Instrumenter.isWoven(woven.getInputStream(woven.getEntry("demo/Main.class")).readAllBytes()));
        }
    }

    @Test
    void without_lines_the_classes_are_woven_without_line_probes_and_the_summary_says_so() throws IOException {
        Path lines = dir.resolve("lines");
        Path noLines = dir.resolve("no-lines");
        assertEquals(0, run(classes.toString(), lines.toString()).status());
        Run run = run("--no-lines", classes.toString(), noLines.toString());
        assertEquals(0, run.status(), run.err());
        assertEquals("pikos-instrument: 2 classes woven, 0 already woven, 0 left as they were, 2 other files copied, "
                + "into " + noLines + " (no line probes)\n", run.out());
        byte[] without = Files.readAllBytes(noLines.resolve("demo/Main.class"));
        assertTrue(Instrumenter.isWoven(without));
        assertTrue(without.length < Files.readAllBytes(lines.resolve("demo/Main.class")).length,
                "line probes make the class larger");
    }

    @Test
    void include_and_exclude_choose_the_classes_and_the_others_are_copied_as_they_are() throws IOException {
        Path excluded = dir.resolve("excluded");
        Run run = run("--exclude", "demo.Main$*", classes.toString(), excluded.toString());
        assertEquals(0, run.status(), run.err());
        assertEquals("pikos-instrument: 1 class woven, 0 already woven, 0 left as they were, 3 other files copied, "
                + "into " + excluded + "\n", run.out());
        assertTrue(Instrumenter.isWoven(Files.readAllBytes(excluded.resolve("demo/Main.class"))));
        assertArrayEquals(Files.readAllBytes(classes.resolve("demo/Main$Counter.class")),
                Files.readAllBytes(excluded.resolve("demo/Main$Counter.class")));

        Path included = dir.resolve("included");
        run = run("--include", "other.**, demo.Main$*", classes.toString(), included.toString());
        assertEquals(0, run.status(), run.err());
        assertEquals("pikos-instrument: 1 class woven, 0 already woven, 0 left as they were, 3 other files copied, "
                + "into " + included + "\n", run.out());
        assertFalse(Instrumenter.isWoven(Files.readAllBytes(included.resolve("demo/Main.class"))));
        assertTrue(Instrumenter.isWoven(Files.readAllBytes(included.resolve("demo/Main$Counter.class"))));
    }

    @Test
    void monitored_methods_get_their_monitors_with_the_classpath_the_classes_were_compiled_against() throws IOException {
        Path library = dir.resolve("library");
        compile(library, List.of(), Map.of("lib/Base.java", """
                package lib;

                public class Base {
                    public int base() {
                        return 1;
                    }
                }
                """));
        Path app = dir.resolve("app");
        compile(app, List.of(library, location(Monitored.class)), Map.of("app/Job.java", """
                package app;

                import io.pikos.annotations.Monitored;

                public class Job extends lib.Base {
                    @Monitored
                    public int run() {
                        return base() + 1;
                    }
                }
                """));
        Path out = dir.resolve("app-woven");
        Run run = run("--strict", "--classpath", library.toString(), app.toString(), out.toString());
        assertEquals(0, run.status(), run.err());
        assertEquals("", run.err());
        assertEquals("pikos-instrument: 1 class woven, 0 already woven, 0 left as they were, 0 other files copied, "
                + "into " + out + "\n", run.out());
        ClassNode job = new ClassNode();
        new ClassReader(Files.readAllBytes(out.resolve("app/Job.class"))).accept(job, ClassReader.SKIP_CODE);
        assertTrue(job.methods.stream().anyMatch(m -> m.name.equals("ajc$preClinit")),
                "AspectJ wove the monitor factory around run()");
    }

    // ---- what cannot be woven ----

    @Test
    void a_method_too_large_for_probes_is_a_warning_and_with_strict_exit_status_1() throws IOException {
        StringBuilder big = new StringBuilder("""
                package big;

                public class Big {
                    static int big(int[] a) {
                        int x = 0;
                """);
        for (int i = 0; i < 6000; i++) {
            big.append("        x += a[").append(i).append("] * 3;\n");
        }
        big.append("""
                        return x;
                    }
                }
                """);
        Path in = dir.resolve("big");
        compile(in, List.of(), Map.of("big/Big.java", big.toString()));
        String warning = "pikos-instrument: warning: big.Big.big([I)I: left without probes: too large with them (";

        Path out = dir.resolve("big-woven");
        Run lenient = run(in.toString(), out.toString());
        assertEquals(0, lenient.status(), lenient.err());
        assertEquals(1, lenient.errLines().size(), lenient.err());
        assertTrue(lenient.errLines().get(0).startsWith(warning), lenient.err());
        assertEquals("pikos-instrument: 1 class woven, 0 already woven, 0 left as they were, 0 other files copied, "
                + "into " + out + "\n", lenient.out());

        Path strictOut = dir.resolve("big-strict");
        Run strict = run("--strict", in.toString(), strictOut.toString());
        assertEquals(1, strict.status(), strict.err());
        assertEquals(1, strict.errLines().size(), strict.err());
        assertTrue(strict.errLines().get(0).startsWith(warning), strict.err());
        assertTrue(strict.errLines().get(0).endsWith(" bytes of code; the JVM allows 65535)"), strict.err());
        assertEquals("pikos-instrument: 1 class woven, 0 already woven, 0 left as they were, 0 other files copied, "
                + "into " + strictOut + "\n", strict.out());
        assertTrue(Instrumenter.isWoven(Files.readAllBytes(strictOut.resolve("big/Big.class"))),
                "the rest of the class is woven");
    }

    @Test
    void strict_without_problems_exits_0() {
        Run run = run("--strict", classes.toString(), dir.resolve("woven").toString());
        assertEquals(0, run.status(), run.err());
        assertEquals("", run.err());
    }

    // ---- mistakes: one line, status 2, nothing written ----

    @Test
    void an_input_that_is_missing_or_not_classes_is_a_mistake() throws IOException {
        Path out = dir.resolve("out");
        Path missing = dir.resolve("missing");
        assertMistake("IN '" + missing + "' does not exist", out, missing.toString(), out.toString());
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a jar");
        assertMistake("IN '" + text + "' is neither a directory nor a jar", out, text.toString(), out.toString());
        assertMistake("IN is empty", out, "", out.toString());
    }

    @Test
    void an_output_that_does_not_fit_the_input_is_a_mistake() throws IOException {
        Path jar = jar(classes, dir.resolve("app.jar"));
        Path notJar = dir.resolve("woven");
        assertMistake("OUT '" + notJar + "' does not end in .jar, and IN '" + jar + "' is a jar", notJar,
                jar.toString(), notJar.toString());
        Path directory = Files.createDirectories(dir.resolve("directory.jar"));
        assertMistake("OUT '" + directory + "' is a directory, and IN '" + jar + "' is a jar", null,
                jar.toString(), directory.toString());
        Path jarOut = dir.resolve("woven.jar");
        assertMistake("OUT '" + jarOut + "' ends in .jar, and IN '" + classes + "' is a directory", jarOut,
                classes.toString(), jarOut.toString());
        Path file = Files.writeString(dir.resolve("notes.txt"), "a file");
        assertMistake("OUT '" + file + "' is not a directory, and IN '" + classes + "' is a directory", null,
                classes.toString(), file.toString());
        Path inside = classes.resolve("woven");
        assertMistake("OUT '" + inside + "' is inside IN '" + classes + "'", inside, classes.toString(),
                inside.toString());
        assertEquals("a file", Files.readString(file));
    }

    @Test
    void an_output_that_cannot_be_written_is_a_mistake() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "a file");
        Path under = file.resolve("woven");
        assertMistake("cannot write OUT '" + under + "': " + file + " is not a directory", null, classes.toString(),
                under.toString());
        Path jar = jar(classes, dir.resolve("app.jar"));
        Path jarUnder = file.resolve("woven/app.jar");
        assertMistake("cannot write OUT '" + jarUnder + "': " + file + " is not a directory", null, jar.toString(),
                jarUnder.toString());
    }

    @Test
    void an_output_in_a_read_only_directory_is_a_mistake() throws IOException {
        Path readOnly = Files.createDirectories(dir.resolve("read-only"));
        assumeFalse(!readOnly.toFile().setWritable(false, false) || Files.isWritable(readOnly),
                "permissions are not enforced for this user (root)");
        try {
            Path out = readOnly.resolve("woven");
            assertMistake("cannot write OUT '" + out + "': " + readOnly + " is not writable", out, classes.toString(),
                    out.toString());
        } finally {
            readOnly.toFile().setWritable(true, false);
        }
    }

    @Test
    void an_empty_class_name_pattern_is_a_mistake() {
        Path out = dir.resolve("out");
        assertMistake("--include: a class-name pattern is empty", out, "--include", "demo.*,", classes.toString(),
                out.toString());
        assertMistake("--exclude: a class-name pattern is empty", out, "--exclude", "demo.*,,demo.Main",
                classes.toString(), out.toString());
    }

    @Test
    void command_line_syntax_mistakes_name_the_problem() {
        Path out = dir.resolve("out");
        assertMistake("Missing required parameter: 'OUT' (see pikos-instrument --help)", null, classes.toString());
        assertMistake("Unknown option: '--frob' (see pikos-instrument --help)", out, "--frob", classes.toString(),
                out.toString());
        assertMistake("Unmatched argument at index 2: 'extra' (see pikos-instrument --help)", out, classes.toString(),
                out.toString(), "extra");
    }

    @Test
    void a_jar_that_cannot_be_read_while_weaving_is_one_line_and_leaves_no_output() throws IOException {
        Path jar = dir.resolve("corrupt.jar");
        byte[] content = "PIKOS-STORED-CONTENT".getBytes(StandardCharsets.US_ASCII);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            JarEntry entry = new JarEntry("stored.txt");
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(content.length);
            CRC32 crc = new CRC32();
            crc.update(content);
            entry.setCrc(crc.getValue());
            out.putNextEntry(entry);
            out.write(content);
            out.closeEntry();
        }
        byte[] bytes = Files.readAllBytes(jar);
        int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("PIKOS-STORED-CONTENT");
        bytes[at] = 'Q';
        Files.write(jar, bytes);

        Path out = dir.resolve("woven/corrupt.jar");
        Run run = run(jar.toString(), out.toString());
        assertEquals(2, run.status());
        assertEquals("", run.out());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().startsWith("pikos-instrument: cannot weave " + jar + " into " + out + ": invalid entry CRC"),
                run.err());
        assertFalse(Files.exists(out));
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertEquals(List.of(), files.toList(), "no temporary file is left behind");
        }
    }

    // ---- help ----

    @ParameterizedTest
    @ValueSource(strings = {"-h", "--help"})
    void help_shows_the_synopsis_and_every_option(String flag) {
        Run run = run(flag);
        assertEquals(0, run.status());
        assertEquals("", run.err());
        String help = run.out();
        assertTrue(help.startsWith("""
                Usage: pikos-instrument [-h] [--no-lines] [-cp CLASSPATH] [--include PATTERNS] [--exclude PATTERNS]
                                 [--strict] IN OUT
                """), help);
        for (String item : List.of("IN ", "OUT ", "-h, --help", "--no-lines", "-cp, --classpath, --class-path=CLASSPATH",
                "--include=PATTERNS", "--exclude=PATTERNS", "--strict", "Exit status: 0 when done; 1 with --strict")) {
            assertTrue(help.contains(item), item);
        }
    }

    // ---- helpers ----

    /** What one run printed and returned. */
    private record Run(int status, String out, String err) {

        List<String> errLines() {
            return err.lines().toList();
        }
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = PikosInstrument.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"),
                err.toString(StandardCharsets.UTF_8));
    }

    /** Asserts one line on standard error, status 2, nothing on standard output, and {@code unwritten} not made. */
    private static void assertMistake(String message, Path unwritten, String... args) {
        Run run = run(args);
        assertEquals(List.of("pikos-instrument: " + message), run.errLines());
        assertEquals(2, run.status());
        assertEquals("", run.out());
        if (unwritten != null) {
            assertFalse(Files.exists(unwritten), unwritten + " was written");
        }
    }

    private static void compile(Path classes, List<Path> classpath, Map<String, String> sources) throws IOException {
        Path src = Files.createTempDirectory(classes.getParent(), "src");
        List<String> arguments = new ArrayList<>(List.of("-proc:none", "-d", classes.toString()));
        if (!classpath.isEmpty()) {
            arguments.add("-cp");
            arguments.add(String.join(java.io.File.pathSeparator, classpath.stream().map(Path::toString).toList()));
        }
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            arguments.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = javac.run(null, null, diagnostics, arguments.toArray(String[]::new));
        assertEquals(0, status, diagnostics.toString(StandardCharsets.UTF_8));
    }

    /** Makes a jar of a directory, with a manifest naming demo.Main. */
    private static Path jar(Path directory, Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "demo.Main");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (Map.Entry<String, byte[]> entry : contents(directory).entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return jar;
    }

    /** @return each file of a directory by its relative path with slashes, in order */
    private static Map<String, byte[]> contents(Path directory) throws IOException {
        Map<String, byte[]> contents = new TreeMap<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                contents.put(directory.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return contents;
    }

    /** Calls {@code demo.Main.sum(n)} on the classes of a directory or jar, with pikos-runtime beside them. */
    private static int sum(Path classes, int n) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                PikosInstrumentTest.class.getClassLoader())) {
            Method sum = loader.loadClass("demo.Main").getDeclaredMethod("sum", int.class);
            sum.setAccessible(true);
            return (int) sum.invoke(null, n);
        }
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
