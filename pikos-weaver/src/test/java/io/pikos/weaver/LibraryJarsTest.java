package io.pikos.weaver;

import io.pikos.monitors.FunctionMonitor;
import io.pikos.monitors.LineMonitor;
import io.pikos.monitors.Monitor;
import io.pikos.recorders.ListRecorder;
import io.pikos.records.FunctionRecord;
import io.pikos.records.LineRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.lang.model.element.Modifier;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Real libraries from the tests' class path, woven jar to jar: every class that links unwoven links
 * woven (linking runs the JVM's verifier over every method; the classes are loaded with their own copy
 * of the class path's other jars), and woven JavaPoet, run under monitors, writes exactly the source it
 * writes unwoven and records its calls. On a failure the test prints the woven bytecode.
 */
class LibraryJarsTest {

    @TempDir
    Path dir;

    /** Weaves a jar of the class path and links each class of it, woven and not, in loaders of its own. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"javapoet", "junit-platform-commons", "junit-jupiter-api", "aspectjrt"})
    void every_class_of_a_library_that_links_unwoven_links_woven(String library) throws Exception {
        Path jar = classPathJar(library);
        Path woven = dir.resolve(library + "-woven.jar");
        List<Instrumenter.Result> problems = new ArrayList<>();
        Instrumenter.Summary summary = Instrumenter.builder().build().instrumentAll(jar, woven, name -> true,
                problems::add);
        assertTrue(summary.woven() > 20, summary::toString);
        assertEquals(List.of(), problems.stream().filter(r -> r.status() == Instrumenter.Status.WOVEN).toList(),
                "no method left without probes");

        List<String> failures = new ArrayList<>();
        int linked = 0;
        try (URLClassLoader others = otherLibraries(jar);
             URLClassLoader plain = new URLClassLoader(new URL[] {url(jar)}, others);
             URLClassLoader instrumented = new URLClassLoader(new URL[] {url(woven)}, others)) {
            for (String name : classNames(jar)) {
                if (link(plain, name) != null) {
                    continue; // a dependency that is not on the class path: not the weaver's concern
                }
                linked++;
                String error = link(instrumented, name);
                if (error != null) {
                    failures.add(name + ": " + error + "\n" + Programs.bytecode(classFile(woven, name)));
                }
            }
        }
        assertTrue(linked > 20, "linked " + linked);
        if (!failures.isEmpty()) {
            fail(failures.size() + " classes of " + jar.getFileName() + " link unwoven, not woven:\n"
                    + String.join("\n", failures));
        }
    }

    @Test
    void woven_javapoet_writes_the_same_source_under_monitors() throws Exception {
        Path jar = classPathJar("javapoet");
        Path woven = dir.resolve("javapoet-woven.jar");
        Instrumenter.builder().build().instrumentAll(jar, woven, name -> true, r -> { });
        ClassLoader shared = withoutPackage("com.palantir.javapoet.");
        String expected;
        try (URLClassLoader plain = new URLClassLoader(new URL[] {url(jar)}, shared)) {
            expected = generate(plain);
        }
        assertTrue(expected.contains("System.out.println(\"Hello, \" + name)"), expected);

        ListRecorder<FunctionRecord> functions = new ListRecorder<>();
        ListRecorder<LineRecord> lines = new ListRecorder<>();
        try (URLClassLoader instrumented = new URLClassLoader(new URL[] {url(woven)}, shared)) {
            assertEquals(expected, generate(instrumented), "woven, no monitor");
            try (Monitor functionMonitor = new FunctionMonitor(functions).enable();
                 Monitor lineMonitor = new LineMonitor(lines).enable()) {
                assertEquals(expected, generate(instrumented), "woven, under monitors");
            }
        }
        assertTrue(functions.records().stream().anyMatch(r -> r.type().equals("call") && r.function().equals("build")),
                "records JavaPoet's own calls");
        assertTrue(functions.records().stream().anyMatch(r -> r.type().equals("c_call")), "and its calls into the JDK");
        assertTrue(lines.records().size() > 100, "and its lines: " + lines.records().size());
        assertEquals(null, Programs.nesting(functions.records()), "the records nest");
    }

    /** A class with a method that greets its argument, through JavaPoet's builders, by reflection. */
    private static String generate(ClassLoader loader) throws Exception {
        try {
            Class<?> methodSpec = Class.forName("com.palantir.javapoet.MethodSpec", true, loader);
            Class<?> typeSpec = Class.forName("com.palantir.javapoet.TypeSpec", true, loader);
            Class<?> javaFile = Class.forName("com.palantir.javapoet.JavaFile", true, loader);
            Object method = methodSpec.getMethod("methodBuilder", String.class).invoke(null, "greet");
            Class<?> methodBuilder = method.getClass();
            methodBuilder.getMethod("addModifiers", Modifier[].class)
                    .invoke(method, (Object) new Modifier[] {Modifier.PUBLIC, Modifier.STATIC});
            methodBuilder.getMethod("addParameter", java.lang.reflect.Type.class, String.class, Modifier[].class)
                    .invoke(method, String.class, "name", new Modifier[0]);
            methodBuilder.getMethod("beginControlFlow", String.class, Object[].class)
                    .invoke(method, "for (int i = 0; i < $L; i++)", new Object[] {3});
            methodBuilder.getMethod("addStatement", String.class, Object[].class)
                    .invoke(method, "$T.out.println($S + name)", new Object[] {System.class, "Hello, "});
            methodBuilder.getMethod("endControlFlow").invoke(method);
            Object type = typeSpec.getMethod("classBuilder", String.class).invoke(null, "Greeter");
            Class<?> typeBuilder = type.getClass();
            typeBuilder.getMethod("addModifiers", Modifier[].class).invoke(type, (Object) new Modifier[] {Modifier.PUBLIC});
            typeBuilder.getMethod("addMethod", methodSpec).invoke(type, methodBuilder.getMethod("build").invoke(method));
            Object file = javaFile.getMethod("builder", String.class, typeSpec)
                    .invoke(null, "demo", typeBuilder.getMethod("build").invoke(type));
            Object built = file.getClass().getMethod("build").invoke(file);
            return built.toString();
        } catch (InvocationTargetException e) {
            throw new AssertionError("JavaPoet threw", e.getCause());
        }
    }

    /** @return null if the class links (the verifier accepts it), otherwise what went wrong */
    private static String link(ClassLoader loader, String name) {
        try {
            Class.forName(name, false, loader).getDeclaredMethods(); // HotSpot links the class to list them
            return null;
        } catch (LinkageError | ClassNotFoundException e) {
            return e.toString();
        }
    }

    private static Path classPathJar(String artifact) {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of)
                .filter(p -> p.getFileName().toString().startsWith(artifact + "-") && p.toString().endsWith(".jar"))
                .findFirst().orElseThrow(() -> new IllegalStateException(artifact + " is not on the class path"));
    }

    /**
     * The tests' loader, but for one package: woven code loaded under it reports to the pikos runtime the
     * tests' monitors are in, and its library comes from the child loader, not from the class path.
     */
    private static ClassLoader withoutPackage(String prefix) {
        ClassLoader tests = LibraryJarsTest.class.getClassLoader();
        return new ClassLoader(ClassLoader.getPlatformClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.startsWith(prefix)) {
                    throw new ClassNotFoundException(name);
                }
                return tests.loadClass(name);
            }
        };
    }

    /** The class path without {@code jar}: pikos' runtime and the library's dependencies, never the library. */
    private static URLClassLoader otherLibraries(Path jar) {
        URL[] urls = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of)
                .filter(p -> !p.equals(jar)).map(LibraryJarsTest::url).toArray(URL[]::new);
        return new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
    }

    private static List<String> classNames(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(JarEntry::getName)
                    .filter(n -> n.endsWith(".class") && !n.startsWith("META-INF/") && !n.endsWith("module-info.class"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.')).sorted().toList();
        }
    }

    private static byte[] classFile(Path jar, String name) {
        try (JarFile file = new JarFile(jar.toFile());
             InputStream in = file.getInputStream(file.getEntry(name.replace('.', '/') + ".class"))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
