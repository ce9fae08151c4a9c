package io.pikos.cli.internal;

import io.pikos.weaver.processor.MonitoredProcessor;

import javax.lang.model.element.Name;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What {@code TARGET} names, made ready to load: its main class, its classpath, and which of the
 * classpath's locations are the program's own (what pikos-run weaves by default). A single-file
 * program is compiled first, as {@code java Foo.java} would, with the pikos annotation processor, so
 * that line records carry its source text.
 */
public final class Program {

    private static final Pattern CLASS_NAME = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");

    private final String mainClass;
    private final List<Path> classpath;
    private final Set<Path> own;

    private Program(String mainClass, List<Path> classpath, Set<Path> own) {
        this.mainClass = mainClass;
        this.classpath = List.copyOf(classpath);
        this.own = Set.copyOf(own);
    }

    /** @return the binary name of the class whose {@code main} runs */
    public String mainClass() {
        return mainClass;
    }

    /** @return the classpath, the program's own locations first */
    public List<URL> classpath() {
        return classpath.stream().map(Program::url).toList();
    }

    /** @return whether a class file's jar or directory is one of the program's own */
    public boolean isOwn(URL codeBase) {
        try {
            return own.contains(normal(Path.of(codeBase.toURI())));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Resolves a target.
     *
     * @param target    a {@code .java} file, a {@code .jar} file, or the binary name of a main class
     * @param classpath the {@code -cp} option, or {@code null}
     * @param err       where a compiler's diagnostics go
     * @return the program
     * @throws UsageException if the target cannot be read, does not compile or names no main class
     */
    public static Program of(String target, String classpath, PrintStream err) throws UsageException {
        List<Path> extra = entries(classpath);
        if (target.endsWith(".java")) {
            Path source = readable(target);
            Path classes = compiledClasses();
            String main = compile(source, extra, classes, err);
            return new Program(main, concat(classes, extra), Set.of(normal(classes)));
        }
        if (target.endsWith(".jar")) {
            Path jar = readable(target);
            return jar(jar, extra);
        }
        if (!CLASS_NAME.matcher(target).matches()) {
            throw new UsageException("TARGET '" + target + "' is neither a .java file, a .jar file nor a class name");
        }
        if (extra.isEmpty()) {
            extra = entries(System.getenv().getOrDefault("CLASSPATH", "."));
        }
        Set<Path> own = new LinkedHashSet<>();
        extra.forEach(entry -> own.add(normal(entry)));
        return new Program(target, extra, own);
    }

    private static Program jar(Path jar, List<Path> extra) throws UsageException {
        Manifest manifest;
        try (JarFile file = new JarFile(jar.toFile())) {
            manifest = file.getManifest();
        } catch (IOException e) {
            throw new UsageException("cannot read jar '" + jar + "': " + e.getMessage());
        }
        String main = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.MAIN_CLASS);
        if (main == null || main.isBlank()) {
            throw new UsageException("jar '" + jar + "' has no Main-Class in its manifest");
        }
        List<Path> classpath = new ArrayList<>(concat(jar, List.of()));
        String libraries = manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
        if (libraries != null) {
            Path base = jar.toAbsolutePath().getParent();
            for (String library : libraries.trim().split("\\s+")) {
                if (!library.isEmpty()) {
                    classpath.add(base.resolve(library.replace('/', File.separatorChar)));
                }
            }
        }
        classpath.addAll(extra);
        return new Program(main.trim(), classpath, Set.of(normal(jar)));
    }

    private static String compile(Path source, List<Path> classpath, Path classes, PrintStream err)
            throws UsageException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new UsageException("no Java compiler here: run pikos-run with a JDK to run a .java file");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> firstClass = new ArrayList<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            List<String> options = new ArrayList<>(List.of("-g", "-d", classes.toString(),
                    "-Apikos.root=" + Path.of("").toAbsolutePath()));
            if (!classpath.isEmpty()) {
                options.addAll(List.of("-classpath", join(classpath)));
            }
            JavacTask task = (JavacTask) javac.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjects(source));
            task.setProcessors(List.of(new MonitoredProcessor()));
            task.addTaskListener(new TaskListener() {
                @Override
                public void finished(TaskEvent event) {
                    if (event.getKind() == TaskEvent.Kind.PARSE && firstClass.isEmpty()) {
                        firstClass.addAll(topLevelClasses(event.getCompilationUnit()));
                    }
                }
            });
            if (!task.call()) {
                diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                        .forEach(d -> err.println(d));
                throw new UsageException(source + " does not compile");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (firstClass.isEmpty()) {
            throw new UsageException(source + " declares no class");
        }
        return firstClass.get(0);
    }

    private static List<String> topLevelClasses(CompilationUnitTree unit) {
        String prefix = unit.getPackageName() == null ? "" : unit.getPackageName() + ".";
        List<String> names = new ArrayList<>();
        for (Tree type : unit.getTypeDecls()) {
            if (type instanceof ClassTree declaration) {
                Name name = declaration.getSimpleName();
                names.add(prefix + name);
            }
        }
        return names;
    }

    /** A new directory for a single-file program's classes, removed when the JVM exits. */
    private static Path compiledClasses() {
        try {
            Path classes = Files.createTempDirectory("pikos-run-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(classes), "pikos-run cleanup"));
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A temporary directory left behind is not worth a message at exit.
        }
    }

    private static Path readable(String target) throws UsageException {
        Path path = Path.of(target);
        if (!Files.exists(path)) {
            throw new UsageException("TARGET '" + target + "' does not exist");
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new UsageException("TARGET '" + target + "' is not a readable file");
        }
        return path;
    }

    private static List<Path> entries(String classpath) {
        List<Path> entries = new ArrayList<>();
        if (classpath != null) {
            for (String entry : classpath.split(Pattern.quote(File.pathSeparator))) {
                if (!entry.isEmpty()) {
                    entries.add(Path.of(entry));
                }
            }
        }
        return entries;
    }

    private static List<Path> concat(Path first, List<Path> rest) {
        List<Path> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static String join(List<Path> classpath) {
        return String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList());
    }

    private static Path normal(Path path) {
        return path.toAbsolutePath().normalize();
    }

    private static URL url(Path path) {
        try {
            return normal(path).toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
