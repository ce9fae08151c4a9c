package io.pikos.reliability;

import io.pikos.reliability.SuiteRunner.Outcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real library's own test suite, run unwoven, then woven in-process by {@code bin/pikos-run} and
 * woven at build time (pikos-instrument, see pom.xml), each under the four monitors: every
 * test and container must have the unwoven outcome, and the monitor must have recorded inside the
 * library. By default a few test classes (CI); with {@code -Dreliability.full=true} the whole suite.
 *
 * <p>Each run leaves its command, outcomes and standard error in {@code target/runs/LIBRARY/WAY};
 * {@code target/runs/summary.tsv} has a line per run (tests, records, seconds).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SuiteTransparency {

    private static final Map<String, String> HEADERS = Map.of(
            "functions", "index,type,function,lineNo,filename",
            "lines", "index,function,lineNo,line,filename",
            "function_memory", "index,type,function,RSS,VMS,lineNo,filename",
            "line_memory", "index,function,lineNo,RSS,VMS,line,filename");

    /** A test method in a unique id: its class and name, before the parameter types. */
    private static final Pattern TEST =
            Pattern.compile("/\\[class:([^\\]]+)\\]/\\[(?:method|test-template|test-factory):([^(\\]]+)\\(");

    private SortedMap<String, Outcome> unwoven;
    private Set<String> librarySources;

    /** @return the artifact id, which names the runs' directories: {@code commons-lang3} */
    abstract String library();

    /** @return {@code pikos-run --weave}'s patterns: the library's packages, its tests included */
    abstract String weave();

    /**
     * @return the file names of the library's main jar and its tests jar in the suite classpath, each
     *         with the name the build gives its woven copy ({@code -Dreliability.woven.NAME}); the main jar first
     */
    abstract Map<String, String> jars();

    /** @return the JVM options the library's own build gives its tests, besides the heap */
    List<String> jvmArgs() {
        return List.of();
    }

    /** @return SuiteRunner's selection for CI: a few test classes that exercise much of the library */
    abstract List<String> ciSelection();

    /** @return SuiteRunner's selection of the whole suite, as the library's own build runs it */
    abstract List<String> fullSelection();

    /**
     * @return tests left out of every run, {@code Class} or {@code Class#method}, each with the reason:
     *         tests that fail or are flaky unwoven, whatever pikos does
     */
    abstract Map<String, String> exclusions();

    /**
     * @return tests, {@code Class#method}, that pass unwoven and are known to fail woven, each with the
     *         reason; a woven run may differ from the unwoven one on these and nothing else, and only
     *         that way (unwoven {@code SUCCESSFUL}, woven {@code FAILED}). One that ran both ways and no
     *         longer differs fails the run too, so that the list and the README stay true.
     */
    Map<String, String> expectedDifferences() {
        return Map.of();
    }

    /** @return {@code --class} options for classes named relative to a package */
    static List<String> classes(String packageName, String... names) {
        List<String> args = new ArrayList<>();
        for (String name : names) {
            args.addAll(List.of("--class", packageName + "." + name));
        }
        return args;
    }

    private List<String> runnerArgs() {
        List<String> args = new ArrayList<>(Runs.FULL ? fullSelection() : ciSelection());
        exclusions().keySet().forEach(spec -> args.addAll(List.of("--exclude", spec)));
        return args;
    }

    /**
     * A fresh working directory for a run, laid out as the library's source tree where its tests look
     * for their files: the tests jar's resources under {@code src/test/resources}.
     */
    private Path dir(String way) throws IOException {
        Path dir = Runs.WORK.resolve(library()).resolve(way);
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        Path resources = Files.createDirectories(dir.resolve("src/test/resources"));
        String testsJar = new ArrayList<>(jars().keySet()).get(1);
        try (JarFile jar = new JarFile(suiteJar(testsJar).toFile())) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                String name = entry.getName();
                if (!entry.isDirectory() && !name.endsWith(".class") && !name.startsWith("META-INF/")) {
                    Path target = resources.resolve(name);
                    Files.createDirectories(target.getParent());
                    try (InputStream in = jar.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                }
            }
        }
        return dir;
    }

    private static Path suiteJar(String fileName) {
        return Runs.suiteClasspath().stream().filter(p -> p.getFileName().toString().equals(fileName)).findFirst()
                .orElseThrow(() -> new IllegalStateException(fileName + " is not on the suite classpath"));
    }

    @BeforeAll
    void run_the_suite_unwoven() throws IOException {
        librarySources = librarySources();
        Runs.Result result = Runs.unwoven(dir("unwoven"), jvmArgs(), runnerArgs());
        unwoven = result.outcomes();
        summarize("unwoven", "-", result, null);
    }

    @Test
    void the_unwoven_suite_runs_and_passes_apart_from_the_exclusions() {
        assertTrue(tests(unwoven) >= (Runs.FULL ? 1000 : 100), "too few tests ran unwoven: " + tests(unwoven));
        List<String> failed = unwoven.entrySet().stream().filter(e -> e.getValue() == Outcome.FAILED)
                .map(Map.Entry::getKey).toList();
        assertEquals(List.of(), failed, "tests that fail unwoven: exclude them with the reason");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"functions", "lines", "function_memory", "line_memory"})
    void woven_in_process_by_pikos_run_every_test_has_its_unwoven_outcome(String monitor) throws Exception {
        Path dir = dir("pikos-run-" + monitor);
        try (RecordsFifo fifo = new RecordsFifo(dir.resolve("records.csv"), librarySources)) {
            Runs.Result result = Runs.pikosRun(dir, jvmArgs(), monitor, weave(), fifo.path(), runnerArgs());
            RecordsFifo.Records records = fifo.records();
            summarize("pikos-run", monitor, result, records);
            assertSameOutcomes(result, dir);
            assertRecorded(monitor, records);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"functions", "lines", "function_memory", "line_memory"})
    void woven_at_build_time_every_test_has_its_unwoven_outcome(String monitor) throws Exception {
        Path dir = dir("build-time-" + monitor);
        Map<String, Path> woven = new java.util.HashMap<>();
        jars().forEach((jar, name) -> woven.put(jar, Path.of(Runs.property("reliability.woven." + name))));
        try (RecordsFifo fifo = new RecordsFifo(dir.resolve("records.csv"), librarySources)) {
            Runs.Result result = Runs.buildTimeWoven(dir, jvmArgs(), monitor, woven, fifo.path(), runnerArgs());
            RecordsFifo.Records records = fifo.records();
            summarize("build-time", monitor, result, records);
            assertSameOutcomes(result, dir);
            assertRecorded(monitor, records);
        }
    }

    private void assertSameOutcomes(Runs.Result woven, Path dir) throws IOException {
        List<String> differences = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        Set<String> ids = new TreeSet<>(unwoven.keySet());
        ids.addAll(woven.outcomes().keySet());
        for (String id : ids) {
            Outcome before = unwoven.get(id);
            Outcome after = woven.outcomes().get(id);
            String test = testOf(id);
            String reason = test == null ? null : expectedDifferences().get(test);
            if (before == after) {
                if (reason != null && before != null) {
                    differences.add(id + "\tno longer differs (" + before + " both ways): remove it from the"
                            + " expected differences and from the README");
                }
                continue;
            }
            String line = id + "\tunwoven " + (before == null ? "absent" : before) + ", woven "
                    + (after == null ? "absent" : after);
            if (reason != null && before == Outcome.SUCCESSFUL && after == Outcome.FAILED) {
                expected.add(line + "\texpected: " + reason);
            } else {
                differences.add(line);
            }
        }
        if (!expected.isEmpty()) {
            Files.write(dir.resolve("expected-differences.txt"), expected, StandardCharsets.UTF_8);
            System.out.println("reliability: " + library() + ", " + dir.getFileName() + ": " + expected.size()
                    + " expected difference(s), see " + dir.resolve("expected-differences.txt"));
        }
        if (!differences.isEmpty()) {
            Files.write(dir.resolve("differences.txt"), differences, StandardCharsets.UTF_8);
            fail(differences.size() + " of " + ids.size() + " outcomes differ from the unwoven run (all in "
                    + dir.resolve("differences.txt") + ", standard error in " + woven.stderr() + "):\n"
                    + String.join("\n", differences.subList(0, Math.min(20, differences.size()))));
        }
    }

    /**
     * @return {@code Class#method} of a test's unique id, {@code [class:C]/[method:m(...)]}, ignoring
     *         nested classes, invocations and parameters; null for anything else
     */
    static String testOf(String uniqueId) {
        Matcher m = TEST.matcher(uniqueId);
        return m.find() ? m.group(1) + "#" + m.group(2) : null;
    }

    private static void assertRecorded(String monitor, RecordsFifo.Records records) {
        assertEquals(HEADERS.get(monitor), records.header(), "the CSV's header");
        assertEquals(List.of(), records.problems(), "rows whose index is not their position");
        assertTrue(records.libraryRows() > 0, "no record from inside the library among " + records.rows());
    }

    /** The source files of the library's main jar, as records name them: {@code org/apache/commons/lang3/StringUtils.java}. */
    private Set<String> librarySources() throws IOException {
        try (JarFile file = new JarFile(suiteJar(jars().keySet().iterator().next()).toFile())) {
            return file.stream().map(e -> e.getName())
                    .filter(name -> name.endsWith(".class") && !name.startsWith("META-INF/"))
                    .map(name -> name.replaceFirst("(\\$.*)?\\.class$", ".java"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** Tests, not containers: the last segment of the unique id is a method, an invocation or a dynamic test. */
    static long tests(Map<String, Outcome> outcomes) {
        return outcomes.keySet().stream().filter(id -> id.matches(".*/\\[(method|test-template-invocation|dynamic-test):[^/]*\\]$"))
                .count();
    }

    private void summarize(String way, String monitor, Runs.Result result, RecordsFifo.Records records) {
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            counts.put(outcome, result.outcomes().values().stream().filter(o -> o == outcome).count());
        }
        String line = String.join("\t", library(), Runs.FULL ? "full" : "ci", way, monitor,
                Long.toString(tests(result.outcomes())), Integer.toString(result.outcomes().size()), counts.toString(),
                records == null ? "-" : Long.toString(records.rows()),
                records == null ? "-" : Long.toString(records.libraryRows()),
                String.format(java.util.Locale.ROOT, "%.1f", result.millis() / 1000.0)) + "\n";
        try {
            Files.createDirectories(Runs.WORK);
            Files.writeString(Runs.WORK.resolve("summary.tsv"), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        System.out.print("reliability: " + line);
    }
}
