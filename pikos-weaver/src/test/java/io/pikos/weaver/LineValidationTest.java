package io.pikos.weaver;

import io.pikos.monitors.FunctionMonitor;
import io.pikos.monitors.LineMonitor;
import io.pikos.monitors.Monitor;
import io.pikos.recorders.ListRecorder;
import io.pikos.records.FunctionRecord;
import io.pikos.records.LineRecord;
import io.pikos.weaver.processor.MonitoredProcessor;
import org.aspectj.bridge.IMessage;
import org.aspectj.bridge.MessageHandler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.TraceClassVisitor;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Validates the line probes the way JaCoCo validates its probes: the target classes in
 * {@code src/test/validation} say on each line when it must be reported, as comments; each target is
 * compiled by javac and by ajc (Eclipse's compiler, ECJ, with no aspect), woven by the
 * {@link Instrumenter} for real, loaded, run under a {@link LineMonitor}, and the recorded line sequence
 * is compared with the comments. On a mismatch the test prints the woven bytecode.
 *
 * <p>A comment {@code //@ 2 4 6} says the line is the 2nd, 4th and 6th line reported while the
 * target's {@code run()} runs; {@code //@javac} and {@code //@ecj} give ordinals that hold for one
 * compiler only, where their line tables differ.
 */
class LineValidationTest {

    private static final Path TARGETS = Path.of("src/test/validation");
    private static final Pattern EXPECTATION = Pattern.compile("//@(javac|ecj)?((?:\\s+\\d+)+)");

    @TempDir
    static Path work;

    private static Map<String, ClassLoader> loaders;
    private static Map<String, Path> outputs;
    private static Map<String, Path> unwoven;

    static Stream<Arguments> targets() throws IOException {
        try (Stream<Path> files = Files.list(TARGETS.resolve("validation"))) {
            List<String> names = files.map(f -> f.getFileName().toString().replace(".java", "")).sorted().toList();
            return Stream.of("javac", "ecj").flatMap(compiler -> names.stream().map(n -> Arguments.of(n, compiler)));
        }
    }

    @BeforeAll
    static void compileAndInstrument() throws Exception {
        outputs = Map.of("javac", compileWithJavac(), "ecj", compileWithAjc());
        loaders = new TreeMap<>();
        unwoven = new TreeMap<>();
        for (Map.Entry<String, Path> output : outputs.entrySet()) {
            unwoven.put(output.getKey(), copy(output.getValue(), work.resolve(output.getKey() + "-unwoven")));
            List<String> problems = new ArrayList<>();
            Instrumenter.Summary summary = Instrumenter.builder().build().instrumentAll(output.getValue(),
                    output.getValue(), name -> name.startsWith("validation."),
                    result -> problems.addAll(result.problems()));
            assertEquals(List.of(), problems, output.getKey());
            assertTrue(summary.woven() > 0, output.getKey() + ": nothing woven");
            assertEquals(0, summary.skipped() + summary.already(), output.getKey() + ": " + summary);
            loaders.put(output.getKey(), new URLClassLoader(new URL[] {output.getValue().toUri().toURL()},
                    LineValidationTest.class.getClassLoader()));
        }
    }

    @ParameterizedTest(name = "{0} compiled by {1}")
    @MethodSource("targets")
    void reports_the_lines_each_target_expects(String target, String compiler) throws Exception {
        Path source = TARGETS.resolve("validation/" + target + ".java");
        List<String> sourceLines = Files.readAllLines(source);
        List<Integer> expected = expectedLines(sourceLines, compiler);

        ListRecorder<LineRecord> recorder = new ListRecorder<>();
        Class<?> type = Class.forName("validation." + target, true, loaders.get(compiler));
        try (Monitor monitor = new LineMonitor(recorder).enable()) {
            type.getMethod("run").invoke(null);
        }
        List<LineRecord> records = recorder.records().stream()
                .filter(r -> r.filename().endsWith("validation/" + target + ".java"))
                .toList();
        List<Integer> actual = records.stream().map(LineRecord::lineNo).toList();
        if (!expected.equals(actual)) {
            fail(target + " compiled by " + compiler + "\n  expected lines " + expected + "\n  recorded lines " + actual
                    + "\n" + bytecode(outputs.get(compiler), target));
        }
        for (LineRecord record : records) {
            assertEquals(source.toString().replace('\\', '/'), record.filename());
            assertEquals(sourceLines.get(record.lineNo() - 1).stripTrailing(), record.line(),
                    "the source text of line " + record.lineNo());
        }
    }

    /**
     * Woven, each target's {@code run()} returns what it returned unwoven, under a line monitor and a
     * function monitor at once; the function records nest: every {@code call} ends in a {@code return}
     * or an {@code exception} of the same method, every {@code c_call} in a {@code c_return} or a
     * {@code c_exception} of the same call, innermost first. Each run in fresh loaders.
     */
    @ParameterizedTest(name = "{0} compiled by {1}")
    @MethodSource("targets")
    void each_target_returns_what_it_returned_unwoven_and_its_function_records_nest(String target, String compiler)
            throws Exception {
        ListRecorder<FunctionRecord> functions = new ListRecorder<>();
        try (URLClassLoader plain = new URLClassLoader(new URL[] {unwoven.get(compiler).toUri().toURL()},
                LineValidationTest.class.getClassLoader());
             URLClassLoader woven = new URLClassLoader(new URL[] {outputs.get(compiler).toUri().toURL()},
                     LineValidationTest.class.getClassLoader())) {
            Object expected = Class.forName("validation." + target, true, plain).getMethod("run").invoke(null);
            Class<?> type = Class.forName("validation." + target, false, woven);
            try (Monitor lines = new LineMonitor(new ListRecorder<>()).enable();
                 Monitor methods = new FunctionMonitor(functions).enable()) {
                assertEquals(expected, type.getMethod("run").invoke(null));
            }
        }
        List<String> records = functions.records().stream()
                .map(r -> r.type() + " " + r.function() + " " + r.lineNo()).toList();
        String nesting = Programs.nesting(functions.records());
        if (nesting != null) {
            fail(target + " compiled by " + compiler + ": " + nesting + "\n" + String.join("\n", records) + "\n"
                    + bytecode(outputs.get(compiler), target));
        }
        assertTrue(records.stream().anyMatch(r -> r.startsWith("call run ")), records::toString);
    }

    /** The line numbers in the order the comments give, checking that the ordinals are 1..n. */
    private static List<Integer> expectedLines(List<String> sourceLines, String compiler) {
        Map<Integer, Integer> lineByOrdinal = new TreeMap<>();
        for (int i = 0; i < sourceLines.size(); i++) {
            Matcher matcher = EXPECTATION.matcher(sourceLines.get(i));
            while (matcher.find()) {
                if (matcher.group(1) != null && !matcher.group(1).equals(compiler)) {
                    continue;
                }
                for (String ordinal : matcher.group(2).trim().split("\\s+")) {
                    Integer previous = lineByOrdinal.put(Integer.parseInt(ordinal), i + 1);
                    assertEquals(null, previous, "ordinal " + ordinal + " given twice for " + compiler);
                }
            }
        }
        List<Integer> ordinals = new ArrayList<>(lineByOrdinal.keySet());
        for (int i = 0; i < ordinals.size(); i++) {
            assertEquals(i + 1, ordinals.get(i), "ordinals for " + compiler + " must run 1.." + ordinals.size());
        }
        return new ArrayList<>(lineByOrdinal.values());
    }

    private static String bytecode(Path classes, String target) throws IOException {
        StringWriter text = new StringWriter();
        try (Stream<Path> files = Files.list(classes.resolve("validation"))) {
            for (Path file : files.filter(f -> {
                String name = f.getFileName().toString();
                return name.equals(target + ".class") || name.startsWith(target + "$");
            }).sorted().toList()) {
                new ClassReader(Files.readAllBytes(file)).accept(new TraceClassVisitor(new PrintWriter(text)), 0);
            }
        }
        return text.toString();
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        return to;
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.list(TARGETS.resolve("validation"))) {
            return files.sorted().toList();
        }
    }

    private static Path compileWithJavac() throws IOException {
        Path out = Files.createDirectories(work.resolve("javac"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics,
                    List.of("-g", "-d", out.toString(), "-s", out.toString(), "-Apikos.root=" + Path.of("").toAbsolutePath(),
                            "-classpath", System.getProperty("java.class.path")),
                    null, files.getJavaFileObjectsFromPaths(sources()));
            task.setProcessors(List.of(new MonitoredProcessor()));
            boolean ok = task.call();
            assertTrue(ok, diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(Object::toString).collect(Collectors.joining("\n")));
        }
        return out;
    }

    /**
     * ajc compiles the targets with Eclipse's compiler and runs the pikos processor in it, as a project
     * built with ajc would; no aspect: the probes are the weaver's.
     */
    private static Path compileWithAjc() throws IOException {
        Path out = Files.createDirectories(work.resolve("ajc"));
        String classpath = System.getProperty("java.class.path");
        List<String> args = new ArrayList<>(List.of("-17", "-g", "-d", out.toString(), "-s", out.toString(),
                "-classpath", classpath, "-processorpath", classpath,
                "-Apikos.root=" + Path.of("").toAbsolutePath(), "-Apikos.sources=" + TARGETS.toAbsolutePath()));
        sources().forEach(file -> args.add(file.toString()));
        MessageHandler messages = new MessageHandler();
        new org.aspectj.tools.ajc.Main().run(args.toArray(String[]::new), messages);
        IMessage[] errors = messages.getMessages(IMessage.ERROR, true);
        assertEquals(List.of(), Arrays.stream(errors).map(IMessage::getMessage).toList());
        return out;
    }
}
