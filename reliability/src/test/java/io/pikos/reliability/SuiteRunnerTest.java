package io.pikos.reliability;

import io.pikos.reliability.SuiteRunner.Outcome;
import io.pikos.reliability.fixture.OtherFixture;
import io.pikos.reliability.fixture.OutcomesFixture;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SuiteRunnerTest {

    private static final String ENGINE = "[engine:junit-jupiter]";
    private static final String FIXTURE = ENGINE + "/[class:" + OutcomesFixture.class.getName() + "]";
    private static final String OTHER = ENGINE + "/[class:" + OtherFixture.class.getName() + "]";
    private static final String ODD = FIXTURE + "/[test-template:is_odd(int)]";
    private static final String INNER = FIXTURE + "/[nested-class:Inner]";

    @Test
    void every_test_and_container_gets_its_outcome() {
        Map<String, Outcome> outcomes = SuiteRunner.parse("--class", OutcomesFixture.class.getName()).run();
        assertEquals(Map.ofEntries(
                Map.entry(ENGINE, Outcome.SUCCESSFUL),
                Map.entry(FIXTURE, Outcome.SUCCESSFUL),
                Map.entry(FIXTURE + "/[method:passes()]", Outcome.SUCCESSFUL),
                Map.entry(FIXTURE + "/[method:fails()]", Outcome.FAILED),
                Map.entry(FIXTURE + "/[method:is_aborted()]", Outcome.ABORTED),
                Map.entry(FIXTURE + "/[method:is_disabled()]", Outcome.SKIPPED),
                Map.entry(ODD, Outcome.SUCCESSFUL),
                Map.entry(ODD + "/[test-template-invocation:#1]", Outcome.SUCCESSFUL),
                Map.entry(ODD + "/[test-template-invocation:#2]", Outcome.FAILED),
                Map.entry(INNER, Outcome.SUCCESSFUL),
                Map.entry(INNER + "/[method:passes_too()]", Outcome.SUCCESSFUL)), outcomes);
        assertEquals(7, SuiteTransparency.tests(outcomes));
    }

    @Test
    void excluded_methods_and_classes_do_not_run() {
        Map<String, Outcome> outcomes = SuiteRunner.parse("--package", OutcomesFixture.class.getPackageName(),
                "--include", ".*Fixture", "--exclude", OutcomesFixture.class.getName() + "#fails",
                "--exclude", OutcomesFixture.class.getName() + "#is_odd",
                "--exclude", OutcomesFixture.class.getName() + "$Inner").run();
        assertEquals(Map.of(
                ENGINE, Outcome.SUCCESSFUL,
                FIXTURE, Outcome.SUCCESSFUL,
                FIXTURE + "/[method:passes()]", Outcome.SUCCESSFUL,
                FIXTURE + "/[method:is_aborted()]", Outcome.ABORTED,
                FIXTURE + "/[method:is_disabled()]", Outcome.SKIPPED,
                OTHER, Outcome.SUCCESSFUL,
                OTHER + "/[method:passes()]", Outcome.SUCCESSFUL), outcomes);
    }

    @Test
    void a_package_selection_keeps_the_classes_the_patterns_include() {
        Map<String, Outcome> outcomes = SuiteRunner.parse("--package", OutcomesFixture.class.getPackageName(),
                "--include", ".*\\.Other[^.]*").run();
        assertEquals(Map.of(ENGINE, Outcome.SUCCESSFUL, OTHER, Outcome.SUCCESSFUL,
                OTHER + "/[method:passes()]", Outcome.SUCCESSFUL), outcomes);
    }

    @Test
    void a_command_line_without_a_selection_or_with_an_unknown_option_is_refused() {
        assertThrows(IllegalArgumentException.class, SuiteRunner::parse);
        assertThrows(IllegalArgumentException.class, () -> SuiteRunner.parse("--class"));
        assertThrows(IllegalArgumentException.class, () -> SuiteRunner.parse("--klass", "X"));
    }

    /** As a process: the sorted outcome lines and nothing else on standard output, status 0 although tests fail. */
    @Test
    void the_main_class_prints_only_the_sorted_outcomes_and_ends_with_status_0() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SuiteRunner.class.getName(), "--class", OutcomesFixture.class.getName())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, process.exitValue());
        List<String> lines = out.lines().toList();
        assertEquals(11, lines.size(), out);
        assertEquals(lines.stream().sorted().toList(), lines);
        assertEquals(ENGINE + "\tSUCCESSFUL", lines.get(0));
        assertTrue(lines.contains(FIXTURE + "/[method:fails()]\tFAILED"), out);
    }
}
