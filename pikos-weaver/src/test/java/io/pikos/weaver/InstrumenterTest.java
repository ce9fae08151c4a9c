package io.pikos.weaver;

import io.pikos.monitors.FunctionMonitor;
import io.pikos.monitors.LineMonitor;
import io.pikos.monitors.Monitor;
import io.pikos.probe.Probes;
import io.pikos.recorders.ListRecorder;
import io.pikos.records.FunctionRecord;
import io.pikos.records.LineRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.util.Textifier;
import org.objectweb.asm.util.TraceMethodVisitor;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntSupplier;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The instrumenter's contract as a library: what it weaves, what it leaves alone and why, what it
 * reports instead of throwing, the directories and jars it weaves, and the effect of the probes on
 * running code.
 */
class InstrumenterTest {

    private static final String COUNTER = """
            package demo;

            public class Counter implements java.util.function.IntSupplier {
                public static Runnable onSecondIteration = () -> { };

                public int getAsInt() {
                    int n = 0;
                    for (int i = 0; i < 3; i++) {
                        if (i == 1) {
                            onSecondIteration.run();
                        }
                        n += step(i);
                    }
                    return n;
                }

                static int step(int i) {
                    return i + 1;
                }
            }
            """;

    /** {@code x += a[i] * 3;} is 9 bytes of code, and 9 more with its line probe. */
    private static final int BIG_STATEMENTS = 6_500;

    @TempDir
    Path dir;

    private final Instrumenter instrumenter = Instrumenter.builder().build();

    @Test
    void is_woven_is_false_before_weaving_and_true_after() throws Exception {
        byte[] plain = compile("-g");
        assertFalse(Instrumenter.isWoven(plain));
        Instrumenter.Result result = instrumenter.instrument(plain);
        assertEquals(new Instrumenter.Result("demo.Counter", Instrumenter.Status.WOVEN, result.classFile(), List.of()),
                result);
        assertTrue(Instrumenter.isWoven(result.classFile()));
        assertFalse(Instrumenter.isWoven(plain), "the input is not changed");
    }

    /** As documented: bytes that are not a class file, whole or cut short, are refused with an IllegalArgumentException. */
    @Test
    void is_woven_refuses_bytes_that_are_not_a_class_file_with_an_illegal_argument_exception() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> Instrumenter.isWoven("not a class".getBytes()));
        byte[] whole = compile("-g");
        assertThrows(IllegalArgumentException.class, () -> Instrumenter.isWoven(Arrays.copyOf(whole, whole.length - 7)));
    }

    @Test
    void weaving_a_woven_class_again_gives_already_woven_and_the_same_bytes() throws Exception {
        byte[] once = instrumenter.instrument(compile("-g")).classFile();
        byte[] copy = once.clone();
        Instrumenter.Result twice = instrumenter.instrument(once);
        assertEquals("demo.Counter", twice.className());
        assertEquals(Instrumenter.Status.ALREADY_WOVEN, twice.status());
        assertSame(once, twice.classFile());
        assertArrayEquals(copy, once);
        assertEquals(List.of(), twice.problems());
        // Whatever the options: a class woven with line probes is not woven again without them, nor the reverse.
        assertEquals(Instrumenter.Status.ALREADY_WOVEN, Instrumenter.builder().lines(false).build().instrument(once).status());
        byte[] withoutLines = Instrumenter.builder().lines(false).build().instrument(compile("-g")).classFile();
        assertTrue(Instrumenter.isWoven(withoutLines));
        assertEquals(Instrumenter.Status.ALREADY_WOVEN, instrumenter.instrument(withoutLines).status());
    }

    /** Without line numbers a class still gets method probes; it reports no line. */
    @Test
    void a_class_without_line_numbers_gets_method_probes_and_reports_no_line() throws Exception {
        byte[] noLines = compile("-g:none", "-proc:none"); // the pikos processor throws an NPE without line numbers
        Instrumenter.Result result = instrumenter.instrument(noLines);
        assertEquals(Instrumenter.Status.WOVEN, result.status());
        Class<?> type = load("demo.Counter", result.classFile());
        IntSupplier counter = (IntSupplier) type.getConstructor().newInstance();
        ListRecorder<LineRecord> lines = new ListRecorder<>();
        ListRecorder<FunctionRecord> functions = new ListRecorder<>();
        try (Monitor lineMonitor = new LineMonitor(lines).enable();
             Monitor functionMonitor = new FunctionMonitor(functions).enable()) {
            assertEquals(6, counter.getAsInt());
        }
        assertEquals(List.of(), lines.records());
        assertEquals(List.of("call getAsInt", "call step", "return step", "c_call run", "call lambda$static$0",
                "return lambda$static$0", "c_return run", "call step", "return step", "call step", "return step",
                "return getAsInt"), functions(functions));
    }

    @Test
    void never_weaves_pikos_itself() throws Exception {
        for (Class<?> own : List.of(Probes.class, Instrumenter.class, FunctionMonitor.class)) {
            byte[] classFile;
            try (InputStream in = own.getResourceAsStream(own.getSimpleName() + ".class")) {
                classFile = in.readAllBytes();
            }
            Instrumenter.Result result = instrumenter.instrument(classFile);
            assertEquals(new Instrumenter.Result(own.getName(), Instrumenter.Status.UNCHANGED, classFile, List.of()),
                    result);
            assertSame(classFile, result.classFile());
        }
    }

    @Test
    void leaves_an_interface_without_code_and_the_processors_metadata_classes_unchanged() throws Exception {
        Path out = Programs.javac(dir, "demo.Shape", """
                package demo;

                public interface Shape {
                    int sides();
                }
                """, "-g");
        for (String name : List.of("demo.Shape", "demo.Shape_PikosSource")) {
            byte[] classFile = Programs.classFile(out, name);
            Instrumenter.Result result = instrumenter.instrument(classFile);
            assertEquals(Instrumenter.Status.UNCHANGED, result.status(), name);
            assertSame(classFile, result.classFile(), name);
            assertEquals(List.of(), result.problems(), name);
        }
    }

    @Test
    void bytes_that_are_not_a_class_file_are_skipped_with_a_message_naming_the_class_when_it_can() throws Exception {
        byte[] garbage = "not a class".getBytes();
        Instrumenter.Result notAClass = instrumenter.instrument(garbage);
        assertEquals("(not a class file)", notAClass.className());
        assertEquals(Instrumenter.Status.SKIPPED, notAClass.status());
        assertSame(garbage, notAClass.classFile());
        assertEquals(1, notAClass.problems().size());
        assertTrue(notAClass.problems().get(0).startsWith("not a class file this weaver can read: "),
                notAClass.problems().get(0));

        byte[] empty = new byte[0];
        Instrumenter.Result nothing = instrumenter.instrument(empty);
        assertEquals(Instrumenter.Status.SKIPPED, nothing.status());
        assertTrue(nothing.problems().get(0).startsWith("not a class file this weaver can read: "),
                nothing.problems().get(0));

        byte[] whole = compile("-g");
        Instrumenter.Result headerOnly = instrumenter.instrument(Arrays.copyOf(whole, 20));
        assertEquals(Instrumenter.Status.SKIPPED, headerOnly.status());
        assertTrue(headerOnly.problems().get(0).startsWith("not a class file this weaver can read: "),
                headerOnly.problems().get(0));

        byte[] truncated = Arrays.copyOf(whole, whole.length - 7);
        Instrumenter.Result named = instrumenter.instrument(truncated);
        assertEquals("demo.Counter", named.className());
        assertEquals(Instrumenter.Status.SKIPPED, named.status());
        assertSame(truncated, named.classFile());
        assertEquals(1, named.problems().size());
        assertTrue(named.problems().get(0).startsWith("demo.Counter: left as it was: not a valid class file: "),
                named.problems().get(0));
    }

    @Test
    void a_class_file_newer_than_the_weaver_reads_is_skipped_with_its_version() throws Exception {
        byte[] future = compile("-g");
        future[6] = 0;
        future[7] = 99;
        Instrumenter.Result result = instrumenter.instrument(future);
        assertEquals(Instrumenter.Status.SKIPPED, result.status());
        assertSame(future, result.classFile());
        assertEquals(1, result.problems().size());
        assertTrue(result.problems().get(0).contains("version 99"), result.problems().get(0));
    }

    @Test
    void a_class_file_older_than_java_7_is_skipped_as_it_cannot_hold_invokedynamic() throws Exception {
        byte[] old = compile("-g");
        old[6] = 0;
        old[7] = 50;
        Instrumenter.Result result = instrumenter.instrument(old);
        assertEquals(new Instrumenter.Result("demo.Counter", Instrumenter.Status.SKIPPED, old,
                List.of("demo.Counter: left as it was: class file version 50 predates invokedynamic (Java 7)")), result);
    }

    /**
     * A method javac compiled to about 58 KB of code fits unwoven, not with a line probe per statement:
     * it is left exactly as it was, with one problem saying so, and the rest of the class is woven.
     */
    @Test
    void a_method_too_large_to_take_probes_is_left_as_it_was_and_the_rest_of_the_class_is_woven() throws Exception {
        byte[] big = Programs.classFile(Programs.javac(dir, "demo.Big", bigSource(), "-g"), "demo.Big");
        Instrumenter.Result result = instrumenter.instrument(big);
        String bytecode = Programs.bytecode(result.classFile());
        assertEquals(Instrumenter.Status.WOVEN, result.status());
        assertEquals(1, result.problems().size(), result.problems()::toString);
        String problem = result.problems().get(0);
        assertTrue(problem.matches("demo\\.Big\\.sum\\(\\[I\\)I: left without probes: too large with them \\(\\d+ bytes "
                + "of code; the JVM allows 65535\\)"), problem);
        assertTrue(Instrumenter.isWoven(result.classFile()));

        Map<String, String> before = methods(big);
        Map<String, String> after = methods(result.classFile());
        assertEquals(before.keySet(), after.keySet());
        assertEquals(before.get("sum([I)I"), after.get("sum([I)I"), "sum is left exactly as it was");
        assertNotEqualsOrFail(before.get("small(I)I"), after.get("small(I)I"), "small is woven", bytecode);
        assertNotEqualsOrFail(before.get("<init>()V"), after.get("<init>()V"), "the constructor is woven", bytecode);

        int[] values = new int[100];
        Arrays.setAll(values, i -> i - 50);
        Class<?> plainType = load("demo.Big", big);
        Class<?> wovenType = load("demo.Big", result.classFile());
        Object expected = plainType.getMethod("sum", int[].class).invoke(null, (Object) values);
        ListRecorder<FunctionRecord> recorder = new ListRecorder<>();
        try (Monitor monitor = new FunctionMonitor(recorder).enable()) {
            assertEquals(expected, wovenType.getMethod("sum", int[].class).invoke(null, (Object) values));
            assertEquals(plainType.getMethod("small", int.class).invoke(null, -4),
                    wovenType.getMethod("small", int.class).invoke(null, -4));
        }
        assertEquals(List.of("call small", "c_call abs", "c_return abs", "return small"), functions(recorder),
                bytecode);

        // Without line probes the same method fits, and is woven.
        Instrumenter.Result withoutLines = Instrumenter.builder().lines(false).build().instrument(big);
        assertEquals(Instrumenter.Status.WOVEN, withoutLines.status());
        assertEquals(List.of(), withoutLines.problems());
        assertNotEqualsOrFail(before.get("sum([I)I"), methods(withoutLines.classFile()).get("sum([I)I"),
                "sum is woven without line probes", "");
    }

    /**
     * The same with a class of one method: nothing is left to weave, so the class is unchanged, and the
     * problem still says why.
     */
    @Test
    void a_class_whose_only_method_cannot_take_probes_is_unchanged_with_the_reason() {
        byte[] huge = hugeMethod(6_000); // 18 kB of code, about 72 kB with a probe per line
        Instrumenter.Result result = instrumenter.instrument(huge);
        assertEquals(Instrumenter.Status.UNCHANGED, result.status());
        assertSame(huge, result.classFile());
        assertEquals(1, result.problems().size());
        assertTrue(result.problems().get(0).matches("demo\\.Huge\\.run\\(I\\)I: left without probes: too large with "
                + "them \\(\\d+ bytes of code; the JVM allows 65535\\)"), result.problems().get(0));
        assertFalse(Instrumenter.isWoven(result.classFile()));
    }

    @Test
    void weaves_a_method_that_stays_within_the_limits() throws Exception {
        byte[] large = hugeMethod(500); // 1.5 kB of code, about 6.5 kB with a probe per line
        Instrumenter.Result result = instrumenter.instrument(large);
        assertEquals(Instrumenter.Status.WOVEN, result.status());
        assertEquals(List.of(), result.problems());
        Class<?> type = load("demo.Huge", result.classFile());
        ListRecorder<LineRecord> recorder = new ListRecorder<>();
        try (Monitor monitor = new LineMonitor(recorder).enable()) {
            assertEquals(505, type.getMethod("run", int.class).invoke(null, 5));
        }
        assertEquals(501, recorder.records().size()); // a line per iinc, and the return's
    }

    /**
     * HotSpot never compiles a method of more than 8000 bytes of code: probes that push a method past it
     * would leave it interpreted at every call, monitor or not. Such a method is left as it was.
     */
    @Test
    void a_method_that_probes_would_push_past_the_size_hotspot_compiles_is_left_as_it_was() {
        byte[] large = hugeMethod(1_000); // 3 kB of code, about 13 kB with a probe per line
        Instrumenter.Result result = instrumenter.instrument(large);
        assertEquals(Instrumenter.Status.UNCHANGED, result.status());
        assertSame(large, result.classFile());
        assertEquals(List.of("demo.Huge.run(I)I: left without probes: with them its code would be 12057 bytes (3002 "
                + "without), past the 8000 bytes HotSpot compiles, and the method would always run interpreted"),
                result.problems());
    }

    @Test
    void runs_exactly_as_unwoven_with_no_monitor_and_records_nothing() throws Exception {
        byte[] plain = compile("-g");
        IntSupplier original = (IntSupplier) load("demo.Counter", plain).getConstructor().newInstance();
        IntSupplier woven = (IntSupplier) load("demo.Counter", instrumenter.instrument(plain).classFile())
                .getConstructor().newInstance();
        ListRecorder<LineRecord> lines = new ListRecorder<>();
        ListRecorder<FunctionRecord> functions = new ListRecorder<>();
        try (Monitor lineMonitor = new LineMonitor(lines).enable();
             Monitor functionMonitor = new FunctionMonitor(functions).enable()) {
            lineMonitor.disable();
            functionMonitor.disable();
            assertEquals(original.getAsInt(), woven.getAsInt());
            lineMonitor.enable();
            functionMonitor.enable();
        }
        assertEquals(List.of(), lines.records());
        assertEquals(List.of(), functions.records());
    }

    /** With line probes turned off a class gets method probes only: a line monitor records nothing from it. */
    @Test
    void without_line_probes_only_method_events_are_recorded() throws Exception {
        byte[] plain = compile("-g");
        Instrumenter.Result result = Instrumenter.builder().lines(false).build().instrument(plain);
        assertEquals(Instrumenter.Status.WOVEN, result.status());
        assertTrue(result.classFile().length < instrumenter.instrument(plain).classFile().length,
                "smaller than with line probes");
        IntSupplier counter = (IntSupplier) load("demo.Counter", result.classFile()).getConstructor().newInstance();
        ListRecorder<LineRecord> lines = new ListRecorder<>();
        ListRecorder<FunctionRecord> functions = new ListRecorder<>();
        try (Monitor lineMonitor = new LineMonitor(lines).enable();
             Monitor functionMonitor = new FunctionMonitor(functions).enable()) {
            assertEquals(6, counter.getAsInt());
        }
        assertEquals(List.of(), lines.records());
        assertEquals(12, functions.records().size(), functions(functions)::toString);
    }

    /**
     * A method reads the line guard once, on entry: one already running when lines are switched on keeps
     * running unrecorded, as Python's tracer leaves frames entered before it; what it calls from then
     * on is recorded. Switched off, recording stops at once.
     */
    @Test
    void a_method_running_when_lines_are_switched_on_is_recorded_from_its_next_call() throws Exception {
        Class<?> type = load("demo.Counter", instrumenter.instrument(compile("-g")).classFile());
        ListRecorder<LineRecord> recorder = new ListRecorder<>();
        Monitor monitor = new LineMonitor(recorder);
        type.getField("onSecondIteration").set(null, (Runnable) monitor::enable);
        IntSupplier counter = (IntSupplier) type.getConstructor().newInstance();

        assertEquals(6, counter.getAsInt()); // from i == 1: step's line twice, not the loop's

        type.getField("onSecondIteration").set(null, (Runnable) monitor::disable);
        assertEquals(6, counter.getAsInt()); // the whole call until i == 1, where the monitor is disabled
        assertEquals(List.of("step:18", "step:18", "getAsInt:7", "getAsInt:8", "getAsInt:9", "getAsInt:12", "step:18",
                "getAsInt:8", "getAsInt:9", "getAsInt:10"), lines(recorder));
    }

    /** The same for method events, which read their guard at each probe: a running method's return is recorded. */
    @Test
    void a_method_running_when_a_function_monitor_is_enabled_records_its_calls_and_return_from_then_on()
            throws Exception {
        Class<?> type = load("demo.Counter", instrumenter.instrument(compile("-g")).classFile());
        ListRecorder<FunctionRecord> recorder = new ListRecorder<>();
        Monitor monitor = new FunctionMonitor(recorder);
        type.getField("onSecondIteration").set(null, (Runnable) monitor::enable);
        IntSupplier counter = (IntSupplier) type.getConstructor().newInstance();
        try {
            assertEquals(6, counter.getAsInt());
        } finally {
            monitor.disable();
        }
        // run() started unrecorded and returns recorded: c_return needs the c_call its probe did not record.
        assertEquals(List.of("call step", "return step", "call step", "return step", "return getAsInt"),
                functions(recorder));
    }

    @Test
    void weaves_a_directory_in_place_and_counts_what_it_did() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes/demo"));
        Files.write(classes.resolve("Counter.class"), compile("-g"));
        Files.write(classes.resolve("Huge.class"), hugeMethod(10));
        Files.writeString(classes.resolve("Broken.class"), "not a class");
        Files.writeString(classes.resolve("notes.txt"), "not a class");
        Path root = dir.resolve("classes");

        List<Instrumenter.Result> problems = new ArrayList<>();
        assertEquals(new Instrumenter.Summary(1, 0, 0, 3),
                instrumenter.instrumentAll(root, root, ClassNamePatterns.of(List.of("demo.C*"), List.of()), problems::add));
        assertEquals(List.of(), problems);
        assertTrue(Instrumenter.isWoven(Files.readAllBytes(classes.resolve("Counter.class"))));
        assertFalse(Instrumenter.isWoven(Files.readAllBytes(classes.resolve("Huge.class"))));

        assertEquals(new Instrumenter.Summary(1, 1, 1, 1), instrumenter.instrumentAll(root, root, name -> true,
                problems::add));
        assertTrue(Instrumenter.isWoven(Files.readAllBytes(classes.resolve("Huge.class"))));
        assertEquals(1, problems.size());
        assertEquals(Instrumenter.Status.SKIPPED, problems.get(0).status());
        assertEquals("not a class", Files.readString(classes.resolve("Broken.class")));
        assertEquals("not a class", Files.readString(classes.resolve("notes.txt")));
        try (Stream<Path> files = Files.list(classes)) {
            assertEquals(List.of("Broken.class", "Counter.class", "Huge.class", "notes.txt"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void weaves_a_directory_into_another_and_leaves_the_first_as_it_was() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in/demo"));
        byte[] plain = compile("-g");
        Files.write(in.resolve("Counter.class"), plain);
        Files.writeString(in.resolve("notes.txt"), "notes");
        Path out = dir.resolve("out");

        assertEquals(new Instrumenter.Summary(1, 0, 0, 1),
                instrumenter.instrumentAll(dir.resolve("in"), out, name -> true, r -> fail(r.toString())));
        assertArrayEquals(plain, Files.readAllBytes(in.resolve("Counter.class")));
        assertTrue(Instrumenter.isWoven(Files.readAllBytes(out.resolve("demo/Counter.class"))));
        assertEquals("notes", Files.readString(out.resolve("demo/notes.txt")));
    }

    @Test
    void weaves_a_jar_into_another_copying_its_manifest_and_resources() throws Exception {
        byte[] plain = compile("-g");
        byte[] properties = "greeting=hello\n".getBytes();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "demo.Counter");
        manifest.getMainAttributes().putValue("Built-By", "pikos tests");
        Path in = dir.resolve("app.jar");
        long time = 1_700_000_000_000L; // entries keep their times: a rebuild gives the same jar
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(in), manifest)) {
            for (String name : List.of("demo/", "demo/Counter.class", "config/app.properties")) {
                JarEntry entry = new JarEntry(name);
                entry.setTime(time);
                jar.putNextEntry(entry);
                jar.write(name.endsWith(".class") ? plain : name.endsWith("/") ? new byte[0] : properties);
                jar.closeEntry();
            }
        }
        Path out = dir.resolve("app-woven.jar");

        assertEquals(new Instrumenter.Summary(1, 0, 0, 1),
                instrumenter.instrumentAll(in, out, name -> true, r -> fail(r.toString())));
        byte[] woven;
        try (JarFile jar = new JarFile(out.toFile())) {
            assertEquals(manifest, jar.getManifest());
            assertEquals(List.of("META-INF/MANIFEST.MF", "demo/", "demo/Counter.class", "config/app.properties"),
                    jar.stream().map(JarEntry::getName).toList());
            for (String name : List.of("demo/", "demo/Counter.class", "config/app.properties")) {
                assertEquals(time, jar.getEntry(name).getTime(), name);
            }
            try (InputStream resource = jar.getInputStream(jar.getEntry("config/app.properties"))) {
                assertArrayEquals(properties, resource.readAllBytes());
            }
            try (InputStream classFile = jar.getInputStream(jar.getEntry("demo/Counter.class"))) {
                woven = classFile.readAllBytes();
            }
        }
        assertTrue(Instrumenter.isWoven(woven));
        try (URLClassLoader loader = Programs.loader(out)) {
            assertEquals(6, ((IntSupplier) Class.forName("demo.Counter", true, loader).getConstructor().newInstance())
                    .getAsInt());
        }

        Path again = dir.resolve("app-again.jar");
        assertEquals(new Instrumenter.Summary(0, 1, 0, 1),
                instrumenter.instrumentAll(out, again, name -> true, r -> fail(r.toString())));
        try (JarFile jar = new JarFile(again.toFile()); InputStream classFile =
                jar.getInputStream(jar.getEntry("demo/Counter.class"))) {
            assertArrayEquals(woven, classFile.readAllBytes());
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("app-again.jar", "app-woven.jar", "app.jar", "out-g", "src"),
                    files.map(f -> f.getFileName().toString()).sorted().toList(), "no temporary file left");
        }
    }

    /**
     * A class with {@code @Monitored} methods also gets its monitor factories, woven by AspectJ after the
     * probes: it stays marked as woven, is not woven again, and its method records itself into the file
     * its annotation names.
     */
    @Test
    void a_class_with_monitored_methods_gets_its_monitors_and_stays_marked_as_woven() throws Exception {
        Path records = dir.resolve("records.csv");
        Path out = Programs.javac(dir, "demo.Job", """
                package demo;

                import io.pikos.annotations.Monitored;
                import io.pikos.annotations.Recording;

                public class Job {
                    @Monitored(recording = Recording.CSV, output = "RECORDS")
                    public static int run(int n) {
                        return helper(n) + Integer.parseInt("1");
                    }

                    static int helper(int n) {
                        return n * 2;
                    }
                }
                """.replace("RECORDS", records.toString().replace('\\', '/')), "-g");
        byte[] plain = Programs.classFile(out, "demo.Job");
        Instrumenter withClasspath = Instrumenter.builder().classpath(List.of(out)).build();
        Instrumenter.Result result = withClasspath.instrument(plain);
        assertEquals(new Instrumenter.Result("demo.Job", Instrumenter.Status.WOVEN, result.classFile(), List.of()), result);
        assertTrue(Instrumenter.isWoven(result.classFile()), "the marker survives AspectJ");
        Instrumenter.Result again = withClasspath.instrument(result.classFile());
        assertEquals(Instrumenter.Status.ALREADY_WOVEN, again.status());
        assertSame(result.classFile(), again.classFile());

        Class<?> type = load("demo.Job", result.classFile());
        assertEquals(11, type.getMethod("run", int.class).invoke(null, 5));
        assertEquals(13, type.getMethod("run", int.class).invoke(null, 6));
        List<String> rows = Files.readAllLines(records).stream()
                .map(row -> String.join(" ", Arrays.asList(row.split(",")).subList(1, 3))).toList();
        List<String> once = List.of("call run", "call helper", "return helper", "c_call parseInt", "c_return parseInt",
                "return run");
        List<String> expected = new ArrayList<>(List.of("type function"));
        expected.addAll(once);
        expected.addAll(once);
        assertEquals(expected, rows, () -> Programs.bytecode(result.classFile()));
    }

    /**
     * A call on this very class of a method that nothing can override (the class is final, or the method
     * private or final) runs woven code: it gets no call-out probe. One that a subclass may override keeps
     * its probe, decided at run time by the object's class.
     */
    @Test
    void calls_that_can_only_run_this_class_own_code_get_no_call_out_probe() throws Exception {
        Path out = Programs.javac(dir, "demo.Calls", """
                package demo;

                public class Calls {
                    static final class Sealed {
                        int outer() { return inner(); }
                        int inner() { return 1; }
                    }
                    int open() { return overridable() + fixed(); }
                    int overridable() { return 2; }
                    final int fixed() { return 3; }
                }
                """, "-g");
        String sealed = Programs.bytecode(instrumenter.instrument(Programs.classFile(out, "demo.Calls$Sealed")).classFile());
        String open = Programs.bytecode(instrumenter.instrument(Programs.classFile(out, "demo.Calls")).classFile());
        assertFalse(sealed.contains("callOut"), sealed);
        assertEquals(1, open.split("INVOKEDYNAMIC callOut\\(", -1).length - 1, open); // overridable() only
    }

    @Test
    void class_name_globs_match_within_a_package_or_across_packages() {
        var onePackage = ClassNamePatterns.of(List.of("org.example.*"), List.of("org.example.*Test"));
        assertTrue(onePackage.test("org.example.Foo"));
        assertTrue(onePackage.test("org.example.Foo$Inner"));
        assertFalse(onePackage.test("org.example.sub.Foo"));
        assertFalse(onePackage.test("org.example.FooTest"));
        assertTrue(ClassNamePatterns.of(List.of("org.example.**"), List.of()).test("org.example.sub.Foo"));
        assertTrue(ClassNamePatterns.of(List.of(), List.of()).test("anything.At.All"));
        assertThrows(IllegalArgumentException.class, () -> ClassNamePatterns.of(List.of(" "), List.of()));
    }

    /**
     * Woven code calls nothing of pikos but the runtime's probe entry points: the bootstrap methods its
     * {@code invokedynamic}s name and the two static methods after a call-out, each with the descriptor
     * the runtime declares.
     */
    @Test
    void probes_call_only_entry_points_the_runtime_has() throws Exception {
        ClassNode woven = new ClassNode();
        new ClassReader(instrumenter.instrument(compile("-g")).classFile()).accept(woven, 0);
        TreeSet<String> used = new TreeSet<>();
        for (MethodNode method : woven.methods) {
            for (AbstractInsnNode insn : method.instructions) {
                String owner;
                String name;
                String descriptor;
                if (insn instanceof InvokeDynamicInsnNode indy) {
                    Handle bootstrap = indy.bsm;
                    owner = bootstrap.getOwner();
                    name = bootstrap.getName();
                    descriptor = bootstrap.getDesc();
                } else if (insn instanceof MethodInsnNode call) {
                    owner = call.owner;
                    name = call.name;
                    descriptor = call.desc;
                } else {
                    continue;
                }
                if (!owner.startsWith("io/pikos/")) {
                    continue;
                }
                assertEquals("io/pikos/probe/Probes", owner, name);
                MethodHandles.lookup().findStatic(Probes.class, name,
                        MethodType.fromMethodDescriptorString(descriptor, getClass().getClassLoader()));
                used.add(name);
            }
        }
        assertEquals(new TreeSet<>(List.of("bootstrapCallOut", "bootstrapLine", "bootstrapLinesOn", "bootstrapMethod",
                "bootstrapMethodsOn", "callOutReturn", "callOutThrow")), used);
    }

    private byte[] compile(String... options) throws IOException {
        return Programs.classFile(Programs.javac(dir, "demo.Counter", COUNTER, options), "demo.Counter");
    }

    private Class<?> load(String name, byte[] classFile) throws Exception {
        Path root = Files.createTempDirectory(dir, "load");
        Programs.write(root, Map.of(name, classFile));
        return Class.forName(name, true, Programs.loader(root));
    }

    private static List<String> lines(ListRecorder<LineRecord> recorder) {
        return recorder.records().stream().map(r -> r.function() + ":" + r.lineNo()).toList();
    }

    private static List<String> functions(ListRecorder<FunctionRecord> recorder) {
        return recorder.records().stream().map(r -> r.type() + " " + r.function()).toList();
    }

    /** {@code static int sum(int[] a)} of {@link #BIG_STATEMENTS} statements, a line each; a small method. */
    private static String bigSource() {
        StringBuilder source = new StringBuilder("""
                package demo;

                public class Big {
                    public static int sum(int[] a) {
                        int x = 0;
                """);
        for (int i = 0; i < BIG_STATEMENTS; i++) {
            source.append("        x += a[").append(i % 100).append("] * 3;\n");
        }
        source.append("""
                        return x;
                    }

                    public static int small(int y) {
                        return Math.abs(y) + 1;
                    }
                }
                """);
        return source.toString();
    }

    /** The code of each method of a class file, as text, by name and descriptor. */
    private static Map<String, String> methods(byte[] classFile) {
        ClassNode type = new ClassNode();
        new ClassReader(classFile).accept(type, 0);
        Map<String, String> methods = new TreeMap<>();
        for (MethodNode method : type.methods) {
            Textifier text = new Textifier();
            method.accept(new TraceMethodVisitor(text));
            StringWriter out = new StringWriter();
            text.print(new PrintWriter(out));
            methods.put(method.name + method.desc, out.toString());
        }
        return methods;
    }

    private static void assertNotEqualsOrFail(String before, String after, String what, String bytecode) {
        if (before.equals(after)) {
            fail(what + ": the method is unchanged\n" + bytecode);
        }
    }

    /** {@code static int run(int x)}: {@code lines} lines of {@code x++}, then {@code return x}, a line each. */
    private static byte[] hugeMethod(int lines) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "demo/Huge", null, "java/lang/Object", null);
        writer.visitSource("Huge.java", null);
        MethodVisitor method = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "run", "(I)I", null, null);
        method.visitCode();
        for (int line = 1; line <= lines + 1; line++) {
            Label start = new Label();
            method.visitLabel(start);
            method.visitLineNumber(line, start);
            if (line <= lines) {
                method.visitIincInsn(0, 1);
            }
        }
        method.visitVarInsn(Opcodes.ILOAD, 0);
        method.visitInsn(Opcodes.IRETURN);
        method.visitMaxs(0, 0);
        method.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }
}
