package io.pikos.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs {@link SuiteRunner} as a child process, the three ways the suites run: unwoven on a plain
 * classpath, woven in-process by {@code bin/pikos-run}, and woven at build time with a monitor
 * enabled at start by {@code -Dpikos.*}. Where things are comes from the build (failsafe's system
 * properties, see pom.xml).
 */
final class Runs {

    static final Path ROOT = Path.of(property("reliability.root")).toAbsolutePath().normalize();
    static final Path LAUNCHER = ROOT.resolve("bin/pikos-run");
    static final Path RUNNER_CLASSES = Path.of(property("reliability.runnerClasses"));
    static final Path WORK = Path.of(property("reliability.work"));
    static final boolean FULL = Boolean.getBoolean("reliability.full");
    /** The heap of every run, as Commons Lang's own build gives its tests ({@code -Xmx512m}), doubled. */
    static final String HEAP = "-Xmx1g";
    private static final long TIMEOUT_MINUTES = Long.getLong("reliability.timeoutMinutes", FULL ? 600 : 10);
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    /** How a run ended: the outcomes SuiteRunner printed, its standard error, its time. */
    record Result(SortedMap<String, SuiteRunner.Outcome> outcomes, Path stderr, long millis) {
    }

    private Runs() {
    }

    static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("-D" + name + " is not set: run these tests through Maven (mvn verify -pl reliability -am, from the root)");
        }
        return value;
    }

    /** The classpath of the suites: the libraries unwoven, their tests, their test dependencies, JUnit. */
    static List<Path> suiteClasspath() {
        return classpathFile("reliability.suiteClasspath");
    }

    /** What code woven at build time needs at run time: pikos-runtime and its dependencies. */
    static List<Path> pikosClasspath() {
        return classpathFile("reliability.pikosClasspath");
    }

    private static List<Path> classpathFile(String property) {
        try {
            String text = Files.readString(Path.of(property(property))).strip();
            return Arrays.stream(text.split(java.io.File.pathSeparator)).map(Path::of).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String join(List<Path> classpath) {
        return String.join(java.io.File.pathSeparator, classpath.stream().map(Path::toString).toList());
    }

    /** {@code java JVM-ARGS -cp RUNNER:SUITE SuiteRunner ARGS}. */
    static Result unwoven(Path dir, List<String> jvmArgs, List<String> runnerArgs) {
        List<Path> classpath = new ArrayList<>(List.of(RUNNER_CLASSES));
        classpath.addAll(suiteClasspath());
        List<String> command = concat(List.of(JAVA, HEAP), jvmArgs);
        command = concat(command, List.of("-cp", join(classpath), SuiteRunner.class.getName()));
        return run(dir, concat(command, runnerArgs), Map.of());
    }

    /**
     * {@code PIKOS_JAVA_OPTS=JVM-ARGS bin/pikos-run MONITOR -cp RUNNER:SUITE SuiteRunner --weave PATTERN --buffered
     * --recording csv -o CSV -- ARGS}.
     */
    static Result pikosRun(Path dir, List<String> jvmArgs, String monitor, String weave, Path csv,
                           List<String> runnerArgs) {
        List<Path> classpath = new ArrayList<>(List.of(RUNNER_CLASSES));
        classpath.addAll(suiteClasspath());
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString(), monitor, "-cp", join(classpath),
                SuiteRunner.class.getName(), "--weave", weave, "--buffered", "--recording", "csv", "-o", csv.toString(),
                "--"));
        command.addAll(runnerArgs);
        return run(dir, command, Map.of("PIKOS_JAVA_OPTS", String.join(" ", concat(List.of(HEAP), jvmArgs))));
    }

    /**
     * {@code java JVM-ARGS -Dpikos.monitor=MONITOR -Dpikos.recording=csv -Dpikos.output=CSV -Dpikos.buffered=true
     * -cp RUNNER:SUITE-with-the-woven-jars:PIKOS SuiteRunner ARGS}.
     *
     * @param woven the jars woven at build time, by the file name of the jar each replaces
     */
    static Result buildTimeWoven(Path dir, List<String> jvmArgs, String monitor, Map<String, Path> woven, Path csv,
                                 List<String> runnerArgs) {
        List<Path> classpath = new ArrayList<>(List.of(RUNNER_CLASSES));
        suiteClasspath().forEach(p -> classpath.add(woven.getOrDefault(p.getFileName().toString(), p)));
        classpath.addAll(pikosClasspath());
        List<String> command = concat(List.of(JAVA, HEAP), jvmArgs);
        command = concat(command, List.of("-Dpikos.monitor=" + monitor, "-Dpikos.recording=csv", "-Dpikos.output=" + csv,
                "-Dpikos.buffered=true", "-cp", join(classpath), SuiteRunner.class.getName()));
        return run(dir, concat(command, runnerArgs), Map.of());
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }

    private static Result run(Path dir, List<String> command, Map<String, String> environment) {
        try {
            Files.createDirectories(dir);
            Path stdout = dir.resolve("outcomes.txt");
            Path stderr = dir.resolve("stderr.txt");
            Files.writeString(dir.resolve("command.txt"), String.join(" ", command) + "\n");
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
            builder.environment().putAll(environment);
            long start = System.nanoTime();
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError("no end after " + TIMEOUT_MINUTES + " minutes: " + dir);
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            if (process.exitValue() != 0) {
                throw new AssertionError("status " + process.exitValue() + " from " + dir + ":\n" + tail(stderr));
            }
            return new Result(parse(stdout), stderr, millis);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static SortedMap<String, SuiteRunner.Outcome> parse(Path stdout) throws IOException {
        SortedMap<String, SuiteRunner.Outcome> outcomes = new TreeMap<>();
        for (String line : Files.readAllLines(stdout, StandardCharsets.UTF_8)) {
            int tab = line.lastIndexOf('\t');
            if (tab < 0) {
                throw new AssertionError("not an outcome line in " + stdout + ": " + line);
            }
            outcomes.put(line.substring(0, tab), SuiteRunner.Outcome.valueOf(line.substring(tab + 1)));
        }
        return outcomes;
    }

    static String tail(Path file) throws IOException {
        List<String> lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
