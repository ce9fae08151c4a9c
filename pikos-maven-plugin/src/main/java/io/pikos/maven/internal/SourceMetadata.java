package io.pikos.maven.internal;

import io.pikos.weaver.processor.MonitoredProcessor;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Does in a Maven build what the pikos annotation processor does in a javac build, without any
 * processor configuration (javac 23 and later no longer run processors they merely find on the
 * classpath): checks {@code @Monitored}, and writes each source file's metadata class
 * ({@code Foo_PikosSource}: its path, declaring lines and line text) into the classes directory.
 *
 * <p>It runs javac in-process twice: once over the module's sources with the processor and
 * {@code -proc:only}, which parses them and generates the metadata sources, and once to compile those
 * against {@code pikos-runtime}.
 */
public final class SourceMetadata {

    /**
     * What a run found.
     *
     * @param files    the source files read
     * @param misuses  wrong uses of {@code @Monitored}, as {@code file:line: message}; the build must fail
     * @param warnings other problems javac met reading the sources (metadata may be missing for them)
     */
    public record Outcome(int files, List<String> misuses, List<String> warnings) {
    }

    private SourceMetadata() {
    }

    /**
     * Writes the metadata classes of a module's sources.
     *
     * @param sourceRoots the module's source roots (those that do not exist are ignored)
     * @param classpath   the module's classpath, its classes directory included
     * @param root        the directory source paths are made relative to
     * @param generated   where to write the generated sources
     * @param classes     the classes directory the metadata classes go into
     * @return what was found
     * @throws IOException if a file cannot be read or written
     */
    public static Outcome write(List<Path> sourceRoots, List<Path> classpath, Path root, Path generated, Path classes)
            throws IOException {
        // Metadata sources a javac build generated (with the processor configured) are not read again.
        List<Path> sources = javaFiles(sourceRoots).stream()
                .filter(f -> !f.getFileName().toString().endsWith("_PikosSource.java")).toList();
        if (sources.isEmpty()) {
            return new Outcome(0, List.of(), List.of());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            return new Outcome(0, List.of(), List.of("no Java compiler in this JVM (a JRE?): records will carry no "
                    + "source text nor declaring lines"));
        }
        clean(generated);
        Files.createDirectories(generated);
        List<String> misuses = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            List<String> options = List.of("-proc:only", "-implicit:none", "-nowarn", "-Xlint:none",
                    "-encoding", "UTF-8", "-Apikos.root=" + root, "-s", generated.toString(),
                    "-classpath", join(classpath));
            JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources));
            task.setProcessors(List.of(new MonitoredProcessor()));
            task.call();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() != Diagnostic.Kind.ERROR) {
                    continue;
                }
                String message = d.getMessage(Locale.ROOT);
                String where = d.getSource() == null ? "" : Path.of(d.getSource().toUri()) + ":" + d.getLineNumber() + ": ";
                (message.startsWith("@Monitored on ") ? misuses : warnings).add(where + message);
            }
            List<Path> metadata = javaFiles(List.of(generated));
            if (!metadata.isEmpty() && misuses.isEmpty()) {
                compile(javac, files, metadata, classpath, classes, warnings);
            }
        }
        return new Outcome(sources.size(), misuses, warnings);
    }

    private static void compile(JavaCompiler javac, StandardJavaFileManager files, List<Path> metadata,
                                List<Path> classpath, Path classes, List<String> warnings) {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        // The metadata classes call pikos-runtime alone; Java 17 class files run on every JDK pikos supports.
        List<String> options = List.of("-proc:none", "--release", "17", "-nowarn", "-encoding", "UTF-8",
                "-classpath", join(classpath), "-d", classes.toString());
        if (!javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(metadata)).call()) {
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    warnings.add("cannot compile source metadata: " + d.getMessage(Locale.ROOT));
                }
            }
        }
    }

    private static List<Path> javaFiles(List<Path> roots) throws IOException {
        List<Path> found = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(f -> f.toString().endsWith(".java") && Files.isRegularFile(f)
                        && !f.getFileName().toString().equals("module-info.java")).sorted().forEach(found::add);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        return found;
    }

    private static void clean(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            for (Path file : javaFiles(List.of(directory))) {
                Files.delete(file);
            }
        }
    }

    private static String join(List<Path> paths) {
        return String.join(File.pathSeparator, paths.stream().map(Path::toString).toList());
    }
}
