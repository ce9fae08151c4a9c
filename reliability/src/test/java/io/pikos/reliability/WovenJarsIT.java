package io.pikos.reliability;

import io.pikos.weaver.Instrumenter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The four jars this module's build weaves (pikos-instrument, see pom.xml), class by class against the jars
 * they were woven from: a woven class must declare the same fields, methods and constructors as the
 * unwoven one, synthetic ones included, and a serializable one must have the same
 * {@code serialVersionUID} (the default one depends on the members and on whether there is a static
 * initializer). None of these classes has {@code @Monitored} methods, the only ones that gain members.
 *
 * <p>Each class is loaded, without being initialized, by two class loaders whose parent is the platform
 * loader: one over the unwoven jars and the rest of the suites' classpath, one over the woven jars, the
 * rest of the suites' classpath and pikos' run-time classpath. Reflecting over the members links the
 * class, so the JVM verifies every woven class too; looking up a serializable class's descriptor
 * initializes it (its static initializer runs, probes included, with no monitor enabled). A class that
 * fails to load, link or initialize the same way both ways is compared no further; any other difference
 * is one line, {@code JAR CLASS: what differs}, all of them written to
 * {@code target/runs/woven-jars/JAR-differences.txt}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WovenJarsIT {

    /**
     * The classes of each jar at these versions (module-info and META-INF/versions left out): every one must
     * be compared, a class that loads neither way being a problem of the classpath, not of the weaver.
     */
    private static final Map<String, Integer> CLASSES = Map.of(
            "commons-lang3", 421,
            "commons-lang3-tests", 805,
            "commons-collections4", 614,
            "commons-collections4-tests", 446);

    /** The jars, by the name the build gives them ({@code commons-lang3-tests}), with their file names on the suite classpath. */
    private final Map<String, String> suiteFileNames = new LinkedHashMap<>();
    private URLClassLoader unwovenLoader;
    private URLClassLoader wovenLoader;

    @BeforeAll
    void class_loaders() throws MalformedURLException {
        for (SuiteTransparency suite : List.of(new CommonsLang3IT(), new CommonsCollections4IT())) {
            suite.jars().forEach((fileName, name) -> suiteFileNames.put(name, fileName));
        }
        Map<String, Path> unwoven = new HashMap<>();
        Map<String, Path> woven = new HashMap<>();
        suiteFileNames.forEach((name, fileName) -> {
            unwoven.put(fileName, unwovenJar(name));
            woven.put(fileName, wovenJar(name));
        });
        List<Path> unwovenPath = new ArrayList<>();
        List<Path> wovenPath = new ArrayList<>();
        for (Path entry : Runs.suiteClasspath()) {
            String fileName = entry.getFileName().toString();
            unwovenPath.add(unwoven.getOrDefault(fileName, entry));
            wovenPath.add(woven.getOrDefault(fileName, entry));
        }
        assertEquals(suiteFileNames.size(), unwovenPath.stream().filter(unwoven::containsValue).count(),
                "the jars woven, on the suite classpath " + Runs.suiteClasspath());
        wovenPath.addAll(Runs.pikosClasspath());
        ClassLoader platform = ClassLoader.getPlatformClassLoader();
        unwovenLoader = new URLClassLoader("suite", urls(unwovenPath), platform);
        wovenLoader = new URLClassLoader("suite", urls(wovenPath), platform);
    }

    @AfterAll
    void close() throws IOException {
        unwovenLoader.close();
        wovenLoader.close();
    }

    /** @return the jars by the name the build gives them */
    static Stream<String> jars() {
        return CLASSES.keySet().stream().sorted();
    }

    /** The jar pikos-instrument wove {@code name} from: {@code target/unwoven/NAME.jar}. */
    private static Path unwovenJar(String name) {
        Path target = Path.of(Runs.property("reliability.suiteClasspath")).toAbsolutePath().getParent();
        return target.resolve("unwoven").resolve(name + ".jar");
    }

    private static Path wovenJar(String name) {
        return Path.of(Runs.property("reliability.woven." + name));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jars")
    void every_class_declares_the_same_members_and_serialVersionUID_woven_and_unwoven(String jar) throws IOException {
        List<String> classNames = classNames(unwovenJar(jar));
        List<String> differences = new ArrayList<>();
        int compared = 0;
        int serializable = 0;
        List<String> failBoth = new ArrayList<>();
        for (String className : classNames) {
            Map<String, String> before = describe(unwovenLoader, className);
            Map<String, String> after = describe(wovenLoader, className);
            if (!before.keySet().equals(after.keySet())) {
                differences.add(jar + " " + className + ": unwoven " + before.get("fails") + ", woven " + after.get("fails"));
                continue;
            }
            if (before.containsKey("fails")) {
                if (before.get("fails").equals(after.get("fails"))) {
                    failBoth.add(className + ": " + before.get("fails"));
                } else {
                    differences.add(jar + " " + className + ": unwoven " + before.get("fails") + ", woven " + after.get("fails"));
                }
                continue;
            }
            compared++;
            if (before.containsKey("serialVersionUID")) {
                serializable++;
            }
            for (String what : before.keySet()) {
                differences.addAll(differences(jar + " " + className + ": " + what, before.get(what), after.get(what)));
            }
        }
        Path report = Runs.WORK.resolve("woven-jars").resolve(jar + "-differences.txt");
        Files.createDirectories(report.getParent());
        Files.write(report, differences, StandardCharsets.UTF_8);
        System.out.println("reliability: woven jars: " + jar + ": " + compared + " of " + classNames.size()
                + " classes compared (" + serializable + " serializable), " + failBoth.size()
                + " fail to load, the same way both ways, " + differences.size() + " difference(s)");
        failBoth.forEach(line -> System.out.println("reliability: woven jars: " + jar + ": fails both ways: " + line));
        if (!differences.isEmpty()) {
            fail(differences.size() + " difference(s) between the woven and the unwoven classes of " + jar + " (also in "
                    + report + "):\n" + String.join("\n", differences));
        }
        assertEquals(CLASSES.get(jar), classNames.size(), "classes in " + unwovenJar(jar));
        assertEquals(List.of(), failBoth, "classes of " + jar + " that load neither way: the classpath is wrong");
        assertEquals(classNames.size(), compared, "classes of " + jar + " compared");
    }

    /**
     * Every class of a woven jar carries pikos' marker, unless the weaver leaves it as it was (weaving its
     * unwoven class file again here says so): then it is the unwoven class file, byte for byte. The jar's other
     * files are the unwoven jar's, the manifest included.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("jars")
    void every_woven_class_carries_the_marker_unless_the_weaver_leaves_it_as_it_was(String jar) throws IOException {
        Instrumenter instrumenter = Instrumenter.builder().build();
        List<String> problems = new ArrayList<>();
        Map<Instrumenter.Status, List<String>> statuses = new TreeMap<>();
        try (JarFile unwoven = new JarFile(unwovenJar(jar).toFile()); JarFile woven = new JarFile(wovenJar(jar).toFile())) {
            List<String> unwovenFiles = files(unwoven);
            List<String> wovenFiles = files(woven);
            if (!unwovenFiles.equals(wovenFiles)) {
                problems.add("files only in the unwoven jar: " + minus(unwovenFiles, wovenFiles)
                        + "; files only in the woven jar: " + minus(wovenFiles, unwovenFiles));
            }
            if (!unwoven.getManifest().equals(woven.getManifest())) {
                problems.add("the manifests differ: " + text(unwoven.getManifest()) + " and " + text(woven.getManifest()));
            }
            for (String file : unwovenFiles) {
                JarEntry wovenEntry = woven.getJarEntry(file);
                if (file.equals(JarFile.MANIFEST_NAME) || wovenEntry == null) {
                    continue;
                }
                byte[] before = read(unwoven, unwoven.getJarEntry(file));
                byte[] after = read(woven, wovenEntry);
                boolean classFile = file.endsWith(".class") && !file.startsWith("META-INF/");
                if (!classFile) {
                    if (!Arrays.equals(before, after)) {
                        problems.add(file + ": differs, and is not a class the weaver weaves");
                    }
                    continue;
                }
                Instrumenter.Result result = instrumenter.instrument(before);
                statuses.computeIfAbsent(result.status(), s -> new ArrayList<>()).add(file);
                if (result.status() == Instrumenter.Status.WOVEN) {
                    if (!Instrumenter.isWoven(after)) {
                        problems.add(file + ": woven here, but the woven jar's class file has no marker");
                    }
                } else if (!Arrays.equals(before, after)) {
                    problems.add(file + ": the weaver leaves it as it was (" + result.status() + ": "
                            + result.problems() + "), but the woven jar's class file differs");
                }
                result.problems().forEach(p -> System.out.println("reliability: woven jars: " + jar + ": weaving here: " + p));
            }
        }
        statuses.forEach((status, files) -> System.out.println("reliability: woven jars: " + jar + ": " + files.size()
                + " " + status + (status == Instrumenter.Status.WOVEN ? "" : " " + files)));
        if (!problems.isEmpty()) {
            fail(problems.size() + " problems with the woven jar " + jar + ":\n" + String.join("\n", problems));
        }
        assertTrue(statuses.getOrDefault(Instrumenter.Status.WOVEN, List.of()).size() > CLASSES.get(jar) / 2,
                "too few classes woven in " + jar + ": " + statuses);
    }

    /** @return the binary names of a jar's classes, module-info and META-INF (versions) left out */
    private static List<String> classNames(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(JarEntry::getName)
                    .filter(n -> n.endsWith(".class") && !n.startsWith("META-INF/") && !n.endsWith("module-info.class"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                    .sorted().toList();
        }
    }

    /**
     * What a class loader makes of a class, as comparable text: its header, its declared fields, methods and
     * constructors, its serialVersionUID if it is serializable; or only {@code fails}, how it fails to load.
     */
    private static Map<String, String> describe(ClassLoader loader, String className) {
        Map<String, String> description = new LinkedHashMap<>();
        Class<?> c;
        try {
            c = Class.forName(className, false, loader);
        } catch (Throwable e) {
            description.put("fails", "fails to load: " + describe(e));
            return description;
        }
        description.put("class", Integer.toHexString(c.getModifiers()) + " " + c.getName() + " extends "
                + (c.getSuperclass() == null ? "-" : c.getSuperclass().getName()) + " implements "
                + Arrays.stream(c.getInterfaces()).map(Class::getName).toList());
        description.put("declared fields", members(() -> Arrays.stream(c.getDeclaredFields()).map(WovenJarsIT::field)));
        description.put("declared methods", members(() -> Arrays.stream(c.getDeclaredMethods()).map(WovenJarsIT::method)));
        description.put("declared constructors",
                members(() -> Arrays.stream(c.getDeclaredConstructors()).map(WovenJarsIT::constructor)));
        if (Serializable.class.isAssignableFrom(c)) {
            String uid;
            try {
                ObjectStreamClass descriptor = ObjectStreamClass.lookup(c);
                uid = descriptor == null ? "no descriptor" : Long.toString(descriptor.getSerialVersionUID());
            } catch (Throwable e) {
                uid = "fails: " + describe(e);
            }
            description.put("serialVersionUID", uid);
        }
        return description;
    }

    /** @return one member a line, sorted; or how listing them fails */
    private static String members(Callable<Stream<String>> members) {
        try {
            return members.call().sorted().collect(Collectors.joining("\n"));
        } catch (Throwable e) {
            return "fails: " + describe(e);
        }
    }

    private static String field(Field f) {
        return flags(f.getModifiers(), f.isSynthetic(), false) + " " + f.getType().getName() + " " + f.getName();
    }

    private static String method(Method m) {
        return flags(m.getModifiers(), m.isSynthetic(), m.isBridge()) + " " + m.getReturnType().getName() + " "
                + m.getName() + parameters(m);
    }

    private static String constructor(Constructor<?> c) {
        return flags(c.getModifiers(), c.isSynthetic(), false) + " <init>" + parameters(c);
    }

    private static String parameters(Executable e) {
        return Arrays.stream(e.getParameterTypes()).map(Class::getName).collect(Collectors.joining(",", "(", ")"));
    }

    private static String flags(int modifiers, boolean synthetic, boolean bridge) {
        return "0x" + Integer.toHexString(modifiers) + (synthetic ? " synthetic" : "") + (bridge ? " bridge" : "");
    }

    /** A throwable and its causes, class and message, without what differs from one class loader to another. */
    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t != e) {
                text.append(" caused by ");
            }
            text.append(t.getClass().getName());
            if (t.getMessage() != null) {
                text.append(": ").append(t.getMessage().replaceAll("@[0-9a-f]+", "@..."));
            }
        }
        return text.toString();
    }

    /** @return lines {@code WHAT: only unwoven: MEMBER} and {@code WHAT: only woven: MEMBER}, or one line if they cannot be told apart */
    private static List<String> differences(String what, String before, String after) {
        if (before.equals(after)) {
            return List.of();
        }
        if (before.startsWith("fails") || after.startsWith("fails") || !what.contains("declared")) {
            return List.of(what + ": unwoven " + before.replace('\n', ';') + ", woven " + after.replace('\n', ';'));
        }
        List<String> unwoven = before.isEmpty() ? List.of() : Arrays.asList(before.split("\n"));
        List<String> woven = after.isEmpty() ? List.of() : Arrays.asList(after.split("\n"));
        List<String> lines = new ArrayList<>();
        minus(unwoven, woven).forEach(m -> lines.add(what + ": only unwoven: " + m));
        minus(woven, unwoven).forEach(m -> lines.add(what + ": only woven: " + m));
        return lines;
    }

    /** @return the elements of {@code a} not in {@code b}, as many times as {@code a} has more of them */
    private static List<String> minus(List<String> a, List<String> b) {
        List<String> rest = new ArrayList<>(a);
        b.forEach(rest::remove);
        return rest;
    }

    /** @return the names of the files of a jar (not its directories), sorted */
    private static List<String> files(JarFile jar) {
        return jar.stream().filter(e -> !e.isDirectory()).map(JarEntry::getName).sorted().toList();
    }

    private static byte[] read(JarFile jar, JarEntry entry) throws IOException {
        try (InputStream in = jar.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    private static String text(Manifest manifest) throws IOException {
        if (manifest == null) {
            return "none";
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        manifest.write(out);
        return out.toString(StandardCharsets.UTF_8).replace("\r\n", "; ");
    }

    private static URL[] urls(List<Path> path) throws MalformedURLException {
        List<URL> urls = new ArrayList<>();
        for (Path entry : path) {
            urls.add(entry.toUri().toURL());
        }
        return urls.toArray(new URL[0]);
    }
}
