package io.pikos.maven;

import io.pikos.weaver.Instrumenter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.io.ObjectStreamClass;
import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs what the projects of {@code src/it} built with the goal (maven-invoker-plugin builds them before
 * this test, each with README's recipe: one dependency and one plugin). The user project is built on
 * JDK 17, and where Temurin 25 is installed also on JDK 25 with release 17 and with release 25; each
 * build runs on its own JDK with the runtime classpath Maven resolved for it.
 */
class UserProjectIT {

    private static final String VERSION = System.getProperty("pikos.it.version");

    /** {@code DIR,JAVA_HOME} pairs separated by {@code ;}: where each build of the projects is. */
    private static final List<String[]> BUILDS = Arrays.stream(System.getProperty("pikos.it.builds").split(";"))
            .map(pair -> pair.split(",")).toList();

    @TempDir
    Path work;

    @Test
    void the_user_project_records_calls_with_declaring_lines_and_its_monitored_method_writes_its_file()
            throws Exception {
        for (String[] build : BUILDS) {
            Path project = Path.of(build[0], "user-project");
            Files.deleteIfExists(project.resolve("orders.csv"));
            assertEquals("total 5\n", run(project, Path.of(build[1]), "com.example.App"), build[0]);
            assertEquals("""
                    index,type,function,lineNo,filename
                    0,call,checkout,35,src/main/java/com/example/App.java
                    1,call,<init>,16,src/main/java/com/example/App.java
                    2,c_call,<init>,17,src/main/java/com/example/App.java
                    3,c_return,<init>,17,src/main/java/com/example/App.java
                    4,return,<init>,16,src/main/java/com/example/App.java
                    5,call,square,43,src/main/java/com/example/App.java
                    6,c_call,multiplyExact,44,src/main/java/com/example/App.java
                    7,c_return,multiplyExact,44,src/main/java/com/example/App.java
                    8,return,square,43,src/main/java/com/example/App.java
                    9,call,add,20,src/main/java/com/example/App.java
                    10,c_call,valueOf,21,src/main/java/com/example/App.java
                    11,c_return,valueOf,21,src/main/java/com/example/App.java
                    12,c_call,add,21,src/main/java/com/example/App.java
                    13,c_return,add,21,src/main/java/com/example/App.java
                    14,return,add,20,src/main/java/com/example/App.java
                    15,call,square,43,src/main/java/com/example/App.java
                    16,c_call,multiplyExact,44,src/main/java/com/example/App.java
                    17,c_return,multiplyExact,44,src/main/java/com/example/App.java
                    18,return,square,43,src/main/java/com/example/App.java
                    19,call,add,20,src/main/java/com/example/App.java
                    20,c_call,valueOf,21,src/main/java/com/example/App.java
                    21,c_return,valueOf,21,src/main/java/com/example/App.java
                    22,c_call,add,21,src/main/java/com/example/App.java
                    23,c_return,add,21,src/main/java/com/example/App.java
                    24,return,add,20,src/main/java/com/example/App.java
                    25,call,total,24,src/main/java/com/example/App.java
                    26,c_call,iterator,27,src/main/java/com/example/App.java
                    27,c_return,iterator,27,src/main/java/com/example/App.java
                    28,c_call,hasNext,27,src/main/java/com/example/App.java
                    29,c_return,hasNext,27,src/main/java/com/example/App.java
                    30,c_call,next,27,src/main/java/com/example/App.java
                    31,c_return,next,27,src/main/java/com/example/App.java
                    32,c_call,intValue,27,src/main/java/com/example/App.java
                    33,c_return,intValue,27,src/main/java/com/example/App.java
                    34,c_call,applyAsInt,28,src/main/java/com/example/App.java
                    35,call,lambda$total$0,25,src/main/java/com/example/App.java
                    36,return,lambda$total$0,25,src/main/java/com/example/App.java
                    37,c_return,applyAsInt,28,src/main/java/com/example/App.java
                    38,c_call,hasNext,27,src/main/java/com/example/App.java
                    39,c_return,hasNext,27,src/main/java/com/example/App.java
                    40,c_call,next,27,src/main/java/com/example/App.java
                    41,c_return,next,27,src/main/java/com/example/App.java
                    42,c_call,intValue,27,src/main/java/com/example/App.java
                    43,c_return,intValue,27,src/main/java/com/example/App.java
                    44,c_call,applyAsInt,28,src/main/java/com/example/App.java
                    45,call,lambda$total$0,25,src/main/java/com/example/App.java
                    46,return,lambda$total$0,25,src/main/java/com/example/App.java
                    47,c_return,applyAsInt,28,src/main/java/com/example/App.java
                    48,c_call,hasNext,27,src/main/java/com/example/App.java
                    49,c_return,hasNext,27,src/main/java/com/example/App.java
                    50,return,total,24,src/main/java/com/example/App.java
                    51,return,checkout,35,src/main/java/com/example/App.java
                    """.replace("\n", "\r\n"), Files.readString(project.resolve("orders.csv")), build[0]);
        }
    }

    @Test
    void the_runtime_classpath_holds_pikos_runtime_its_annotations_and_aspectjrt_and_nothing_else() throws IOException {
        for (String[] build : BUILDS) {
            Set<String> jars = runtimeClasspath(Path.of(build[0], "user-project")).stream()
                    .map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(new TreeSet<>(List.of("aspectjrt-" + System.getProperty("pikos.it.aspectj") + ".jar",
                    "pikos-annotations-" + VERSION + ".jar", "pikos-runtime-" + VERSION + ".jar")), jars, build[0]);
        }
    }

    @Test
    void a_class_without_monitored_methods_has_the_members_and_serial_version_uid_of_a_plain_javac_build()
            throws Exception {
        Path project = Path.of(BUILDS.get(0)[0], "user-project"); // built on this test's JDK
        List<Path> runtime = runtimeClasspath(project);
        Path plain = Files.createDirectories(work.resolve("plain"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-proc:none", "--release", "17", "-d", plain.toString(),
                "-cp", join(runtime), project.resolve("src/main/java/com/example/App.java").toString()));
        try (URLClassLoader unwoven = loader(plain, runtime); URLClassLoader woven = loader(project.resolve("target/classes"), runtime)) {
            Class<?> before = Class.forName("com.example.App$Order", false, unwoven);
            Class<?> after = Class.forName("com.example.App$Order", false, woven);
            assertTrue(Instrumenter.isWoven(Files.readAllBytes(project.resolve("target/classes/com/example/App$Order.class"))));
            assertEquals(members(before), members(after));
            assertEquals(ObjectStreamClass.lookup(before).getSerialVersionUID(),
                    ObjectStreamClass.lookup(after).getSerialVersionUID());
        }
    }

    @Test
    void a_method_too_large_for_probes_is_named_in_one_warning_and_the_project_builds_and_runs() throws Exception {
        Path project = Path.of(BUILDS.get(0)[0], "too-large");
        List<String> warnings = Files.readAllLines(project.resolve("build.log")).stream()
                .filter(line -> line.startsWith("[WARNING] pikos:")).toList();
        assertEquals(List.of("[WARNING] pikos: com.example.Big.huge(J)J: left without probes: too large with them "
                + "(87074 bytes of code; the JVM allows 65535)"), warnings);
        assertTrue(Instrumenter.isWoven(Files.readAllBytes(project.resolve("target/classes/com/example/Big.class"))));
        assertEquals("big 9048 3\n", run(project, Path.of(BUILDS.get(0)[1]), "com.example.Big"));
    }

    @Test
    void a_wrong_use_of_monitored_fails_the_build_with_the_processors_message() throws IOException {
        String log = Files.readString(Path.of(BUILDS.get(0)[0], "misuse", "build.log"));
        assertTrue(log.contains("Misuse.java:9: @Monitored on Misuse.nothingToMonitor(): an abstract method has no "
                + "body to monitor"), log);
        assertTrue(log.contains("BUILD FAILURE"), log);
        assertFalse(Files.exists(Path.of(BUILDS.get(0)[0], "misuse", "target", "misuse-1.0.jar")));
    }

    @Test
    void a_project_without_the_runtime_dependency_is_told_to_add_it() throws IOException {
        String log = Files.readString(Path.of(BUILDS.get(0)[0], "no-runtime", "build.log"));
        assertTrue(log.contains("pikos: io.pikos:pikos-runtime is not a dependency of com.example:no-runtime:jar:1.0: "
                + "add it (compile scope); woven classes call it at run time"), log);
    }

    /** Runs a main class of a project's build on a JDK, in the project's directory. @return its output */
    private static String run(Path project, Path javaHome, String mainClass) throws Exception {
        List<String> command = new ArrayList<>(List.of(javaHome.resolve("bin/java").toString(), "-cp",
                project.resolve("target/classes") + File.pathSeparator + join(runtimeClasspath(project)), mainClass));
        Process app = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true).start();
        String output = new String(app.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(app.waitFor(60, TimeUnit.SECONDS), output);
        assertEquals(0, app.exitValue(), output);
        return output;
    }

    /** The runtime classpath Maven resolved for the project (dependency:build-classpath, see invoker.properties). */
    private static List<Path> runtimeClasspath(Path project) throws IOException {
        return Arrays.stream(Files.readString(project.resolve("runtime-classpath.txt")).strip().split(File.pathSeparator))
                .map(Path::of).toList();
    }

    private static URLClassLoader loader(Path classes, List<Path> runtime) throws IOException {
        List<URL> urls = new ArrayList<>(List.of(classes.toUri().toURL()));
        for (Path jar : runtime) {
            urls.add(jar.toUri().toURL());
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    /** Declared fields, methods and constructors, synthetic ones included, by modifiers, name and types. */
    private static Set<String> members(Class<?> type) {
        Set<String> members = new TreeSet<>();
        Stream.of(type.getDeclaredFields(), type.getDeclaredMethods(), type.getDeclaredConstructors())
                .flatMap(Arrays::stream).map(Member.class::cast)
                .forEach(m -> members.add(Modifier.toString(m.getModifiers()) + (m.isSynthetic() ? " synthetic " : " ")
                        + m));
        return members;
    }

    private static String join(List<Path> paths) {
        return paths.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }
}
