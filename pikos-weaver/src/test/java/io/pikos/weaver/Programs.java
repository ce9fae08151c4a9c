package io.pikos.weaver;

import io.pikos.records.FunctionRecord;
import io.pikos.weaver.processor.MonitoredProcessor;
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
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the tests do with real programs: compile them in-process with javac (and the pikos processor,
 * as a build does), read and write their class files, load them in a child class loader, print their
 * bytecode.
 */
final class Programs {

    /** The fixture programs' source root, package {@code fixtures}; the module directory is the working directory. */
    static final Path FIXTURES = Path.of("src/test/fixtures");

    private Programs() {
    }

    /**
     * Compiles source files with javac, running the pikos processor so that records carry declaring
     * lines and source text, as in a build (unless {@code -proc:none} is among the options).
     *
     * @param out     the directory to write classes (and the processor's sources) to
     * @param sources the source files
     * @param options more javac options, such as {@code -g}
     * @return {@code out}
     */
    static Path javac(Path out, List<Path> sources, String... options) throws IOException {
        Files.createDirectories(out);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            List<String> arguments = new ArrayList<>(List.of(options));
            arguments.addAll(List.of("-d", out.toString(), "-s", out.toString(),
                    "-Apikos.root=" + Path.of("").toAbsolutePath(), "-classpath", System.getProperty("java.class.path")));
            JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, arguments, null,
                    files.getJavaFileObjectsFromPaths(sources));
            if (!arguments.contains("-proc:none")) {
                task.setProcessors(List.of(new MonitoredProcessor()));
            }
            boolean ok = task.call();
            assertTrue(ok, () -> diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(Object::toString).collect(Collectors.joining("\n")));
        }
        return out;
    }

    /** Compiles one source given as text, {@code package.Name} in {@code root/src}, into {@code root/out<suffix>}. */
    static Path javac(Path root, String className, String source, String... options) throws IOException {
        Path file = root.resolve("src/" + className.replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        return javac(root.resolve("out" + String.join("", options).replace(":", "").replace(",", "")), List.of(file),
                options);
    }

    /** @return the class files under a directory, by binary name */
    static Map<String, byte[]> classFiles(Path dir) throws IOException {
        Map<String, byte[]> classes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String relative = dir.relativize(file).toString().replace('\\', '/');
                classes.put(relative.substring(0, relative.length() - ".class".length()).replace('/', '.'),
                        Files.readAllBytes(file));
            }
        }
        return classes;
    }

    /** @return the class file of one class under a directory */
    static byte[] classFile(Path dir, String className) throws IOException {
        return Files.readAllBytes(dir.resolve(className.replace('.', '/') + ".class"));
    }

    /** Writes class files under a directory, as a class path serves them. */
    static Path write(Path dir, Map<String, byte[]> classes) throws IOException {
        for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
            Path file = dir.resolve(entry.getKey().replace('.', '/') + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, entry.getValue());
        }
        return dir;
    }

    /**
     * A class loader over a directory whose parent is the tests' loader, so that the classes it loads
     * share pikos' runtime with the tests. It serves the class files as resources too: the runtime reads
     * them to tell woven classes from others.
     */
    static URLClassLoader loader(Path dir) {
        try {
            return new URLClassLoader(new URL[] {dir.toUri().toURL()}, Programs.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** @return a class file's bytecode as text, ASM's Textifier; the exception's text if it cannot be read */
    static String bytecode(byte[] classFile) {
        StringWriter text = new StringWriter();
        try {
            new ClassReader(classFile).accept(new TraceClassVisitor(new PrintWriter(text)), 0);
        } catch (RuntimeException e) {
            text.append("(cannot print the class file: ").append(e.toString()).append(")\n");
        }
        return text.toString();
    }

    /** @return the bytecode of the class files under {@code dir} whose binary names pass {@code names} */
    static String bytecode(Path dir, Predicate<String> names) {
        try {
            StringBuilder text = new StringBuilder();
            for (Map.Entry<String, byte[]> entry : classFiles(dir).entrySet()) {
                if (names.test(entry.getKey())) {
                    text.append(bytecode(entry.getValue())).append('\n');
                }
            }
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Weaves a directory into another, failing on any class the instrumenter has a problem with. */
    static Instrumenter.Summary weave(Instrumenter instrumenter, Path in, Path out) throws IOException {
        List<Instrumenter.Result> problems = new ArrayList<>();
        Instrumenter.Summary summary = instrumenter.instrumentAll(in, out, name -> true, problems::add);
        assertEquals(List.of(), problems.stream().flatMap(r -> r.problems().stream()).toList());
        return summary;
    }

    /**
     * Checks that function records nest as calls do: each {@code call} is ended by a {@code return} or an
     * {@code exception} of the same function, each {@code c_call} by a {@code c_return} or a
     * {@code c_exception} of the same function and line, innermost first, and nothing is left open.
     *
     * @return what is wrong, or null
     */
    static String nesting(List<FunctionRecord> records) {
        Deque<FunctionRecord> open = new ArrayDeque<>();
        for (FunctionRecord record : records) {
            switch (record.type()) {
                case "call", "c_call" -> open.push(record);
                default -> {
                    FunctionRecord opened = open.poll();
                    boolean c = record.type().startsWith("c_");
                    if (opened == null || opened.type().startsWith("c_") != c
                            || !opened.function().equals(record.function()) || c && opened.lineNo() != record.lineNo()) {
                        return "record " + record.index() + " (" + record.type() + " " + record.function() + " "
                                + record.lineNo() + ") ends " + (opened == null ? "nothing" : opened.type() + " "
                                + opened.function() + " " + opened.lineNo());
                    }
                }
            }
        }
        return open.isEmpty() ? null : "left open: " + open;
    }

    /** The {@code // @tag} comments of a source file, so that tests name lines rather than numbers. */
    static final class SourceTags {

        private static final Pattern TAG = Pattern.compile("// (@\\w+)\\s*$");

        private final Map<Integer, String> tags = new TreeMap<>();

        SourceTags(Path source) throws IOException {
            List<String> lines = Files.readAllLines(source);
            for (int i = 0; i < lines.size(); i++) {
                Matcher matcher = TAG.matcher(lines.get(i));
                if (matcher.find()) {
                    assertTrue(!tags.containsValue(matcher.group(1)), "tag " + matcher.group(1) + " given twice");
                    tags.put(i + 1, matcher.group(1));
                }
            }
        }

        /** @return the line's tag, or {@code L<n>} for an untagged line */
        String tag(int line) {
            return tags.getOrDefault(line, "L" + line);
        }
    }
}
