package io.pikos.weaver.lines;

import io.pikos.monitors.LineMonitor;
import io.pikos.monitors.Monitor;
import io.pikos.probe.Probes;
import io.pikos.recorders.ListRecorder;
import io.pikos.records.LineRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntSupplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The line pass's contract as a library: what it refuses, what it leaves alone, and its effect on running code. */
class LineInstrumenterTest {

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

    @TempDir
    Path dir;

    private final LineInstrumenter instrumenter = new LineInstrumenter();

    @Test
    void refuses_a_class_it_has_already_instrumented() throws Exception {
        byte[] once = instrumenter.instrument(compile("-g"));
        assertTrue(LineInstrumenter.isInstrumented(once));
        LineInstrumentationException e = assertThrows(LineInstrumentationException.AlreadyInstrumented.class,
                () -> instrumenter.instrument(once));
        assertEquals("demo.Counter: already instrumented with pikos line probes; instrument the compiler's class "
                + "file instead", e.getMessage());
        assertEquals("demo.Counter", e.className());
    }

    @Test
    void leaves_a_class_without_line_numbers_as_it_is() throws Exception {
        byte[] noLines = compile("-g:none");
        assertSame(noLines, instrumenter.instrument(noLines));
        assertFalse(LineInstrumenter.isInstrumented(noLines));
    }

    @Test
    void never_instruments_pikos_itself() throws Exception {
        byte[] probes;
        try (var in = Probes.class.getResourceAsStream("Probes.class")) {
            probes = in.readAllBytes();
        }
        assertSame(probes, instrumenter.instrument(probes));
    }

    @Test
    void rejects_bytes_that_are_not_a_class_file_and_names_the_class_when_it_can() throws Exception {
        LineInstrumentationException garbage = assertThrows(LineInstrumentationException.class,
                () -> instrumenter.instrument("not a class".getBytes()));
        assertTrue(garbage.getMessage().startsWith("not a valid class file: "), garbage.getMessage());

        byte[] whole = compile("-g");
        LineInstrumentationException headerOnly = assertThrows(LineInstrumentationException.class,
                () -> instrumenter.instrument(Arrays.copyOf(whole, 20)));
        assertTrue(headerOnly.getMessage().startsWith("not a valid class file: "), headerOnly.getMessage());
        LineInstrumentationException truncated = assertThrows(LineInstrumentationException.class,
                () -> instrumenter.instrument(Arrays.copyOf(whole, whole.length - 7)));
        assertTrue(truncated.getMessage().startsWith("demo.Counter: not a valid class file: "), truncated.getMessage());
    }

    @Test
    void refuses_a_method_that_probes_would_push_past_the_jvm_limit() {
        byte[] huge = hugeMethod(6_000); // 18 kB of code, about 66 kB with a probe per line
        LineInstrumentationException e = assertThrows(LineInstrumentationException.class,
                () -> instrumenter.instrument(huge));
        assertTrue(e.getMessage().matches("demo\\.Huge\\.run\\(I\\)I: too large with line probes \\(\\d+ bytes of "
                + "code; the JVM allows 65535\\)"), e.getMessage());
    }

    @Test
    void instruments_a_method_that_stays_within_the_limit() throws Exception {
        byte[] large = hugeMethod(1_000);
        byte[] instrumented = instrumenter.instrument(large);
        assertNotSame(large, instrumented);
        Class<?> type = load("demo.Huge", instrumented);
        ListRecorder<LineRecord> recorder = new ListRecorder<>();
        try (Monitor monitor = new LineMonitor(recorder).enable()) {
            assertEquals(1_005, type.getMethod("run", int.class).invoke(null, 5));
        }
        assertEquals(1_001, recorder.records().size()); // a line per iinc, and the return's
    }

    @Test
    void runs_exactly_as_uninstrumented_with_no_monitor_and_records_nothing() throws Exception {
        byte[] plain = compile("-g");
        IntSupplier original = (IntSupplier) load("demo.Counter", plain).getConstructor().newInstance();
        IntSupplier instrumented = (IntSupplier) load("demo.Counter", instrumenter.instrument(plain))
                .getConstructor().newInstance();
        ListRecorder<LineRecord> recorder = new ListRecorder<>();
        try (Monitor monitor = new LineMonitor(recorder).enable()) {
            monitor.disable();
            assertEquals(original.getAsInt(), instrumented.getAsInt());
            monitor.enable();
        }
        assertEquals(List.of(), recorder.records());
    }

    /**
     * A method reads the guard once, on entry: one already running when lines are switched on keeps
     * running unrecorded, as Python's tracer leaves frames entered before it; what it calls from then
     * on is recorded. Switched off, recording stops at once.
     */
    @Test
    void a_method_running_when_lines_are_switched_on_is_recorded_from_its_next_call() throws Exception {
        Class<?> type = load("demo.Counter", instrumenter.instrument(compile("-g")));
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

    @Test
    void instruments_a_directory_in_place_and_counts_what_it_did() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes/demo"));
        Files.write(classes.resolve("Counter.class"), compile("-g"));
        Files.write(classes.resolve("Huge.class"), hugeMethod(10));
        Files.writeString(classes.resolve("notes.txt"), "not a class");

        assertEquals(new LineInstrumenter.Summary(1, 0, 0),
                instrumenter.instrumentDirectory(dir.resolve("classes"), ClassNamePatterns.of(List.of("demo.C*"), List.of())));
        assertEquals(new LineInstrumenter.Summary(1, 0, 1), instrumenter.instrumentDirectory(dir.resolve("classes")));
        assertTrue(LineInstrumenter.isInstrumented(Files.readAllBytes(classes.resolve("Huge.class"))));
        assertEquals(List.of("Counter.class", "Huge.class", "notes.txt"),
                Files.list(classes).map(f -> f.getFileName().toString()).sorted().toList());
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

    /** The bootstrap methods the probes name are the runtime's, with the same descriptors. */
    @Test
    void probes_call_bootstrap_methods_the_runtime_has() throws Exception {
        MethodType bootstrap = MethodType.methodType(CallSite.class, MethodHandles.Lookup.class, String.class,
                MethodType.class);
        MethodHandles.lookup().findStatic(Probes.class, "bootstrapLinesOn", bootstrap);
        MethodHandles.lookup().findStatic(Probes.class, "bootstrapLine",
                bootstrap.appendParameterTypes(String.class, String.class, String.class, int.class, int.class));
    }

    private byte[] compile(String debug) throws IOException {
        Path source = dir.resolve("src/demo/Counter.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, COUNTER);
        Path out = dir.resolve("out" + debug.replace(":", ""));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, debug, "-proc:none", "-d", out.toString(), source.toString()));
        return Files.readAllBytes(out.resolve("demo/Counter.class"));
    }

    private static Class<?> load(String name, byte[] classFile) throws Exception {
        Path root = Files.createTempDirectory("pikos-lines");
        Path file = root.resolve(name.replace('.', '/') + ".class");
        Files.createDirectories(file.getParent());
        Files.write(file, classFile);
        ClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, LineInstrumenterTest.class.getClassLoader());
        return Class.forName(name, true, loader);
    }

    private static List<String> lines(ListRecorder<LineRecord> recorder) {
        return recorder.records().stream().map(r -> r.function() + ":" + r.lineNo()).toList();
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
