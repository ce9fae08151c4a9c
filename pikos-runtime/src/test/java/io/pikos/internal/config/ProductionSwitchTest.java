package io.pikos.internal.config;

import io.pikos.probe.ProbeFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The production switch's contract, on a switch of its own (the JVM's registered one is left alone). */
class ProductionSwitchTest {

    @TempDir
    Path dir;

    private ProductionSwitch productionSwitch = new ProductionSwitch(Map.of());

    @BeforeAll
    static void registerSource() {
        ProbeFixture.registerSource();
    }

    @AfterEach
    void disable() {
        productionSwitch.disable();
    }

    @Test
    void enables_a_focused_monitor_with_the_command_line_words_and_counts_its_records() throws IOException {
        Path csv = dir.resolve("records.csv");
        assertFalse(productionSwitch.isEnabled());
        assertEquals("", productionSwitch.getMonitor());

        productionSwitch.enable("functions", "csv", csv.toString(), "io.pikos.probe.ProbeFixture.inner");
        assertTrue(productionSwitch.isEnabled());
        assertEquals("functions", productionSwitch.getMonitor());
        ProbeFixture.outer(1); // outer is outside the focus; inner and what it calls are recorded
        productionSwitch.disable();

        List<String> lines = Files.readAllLines(csv);
        assertEquals("index,type,function,lineNo,filename", lines.get(0));
        assertEquals(8, lines.size() - 1);
        assertEquals(8, productionSwitch.getRecordCount());
        assertFalse(productionSwitch.isEnabled());
        assertEquals("", productionSwitch.getMonitor());
        productionSwitch.disable(); // nothing enabled: nothing to do
    }

    @Test
    void bad_arguments_fail_with_a_clear_message_and_change_nothing() {
        assertFails(IllegalArgumentException.class,
                "unknown monitor 'calls' (expected one of functions, line_memory, lines, function_memory)",
                "calls", "csv", "", "");
        assertFails(IllegalArgumentException.class, "no monitor given (expected one of functions, line_memory, lines, "
                + "function_memory)", " ", "csv", "", "");
        assertFails(IllegalArgumentException.class, "unknown recording 'xml' (expected one of screen, text, csv, jfr)",
                "lines", "xml", "", "");
        assertFails(IllegalArgumentException.class, "focus 'charge' is not of the form pkg.Class.method",
                "functions", "csv", dir.resolve("a.csv").toString(), "charge");
        assertFails(IllegalArgumentException.class, "the screen recording takes no output file",
                "functions", "screen", "out.txt", "");
        Path unwritable = dir.resolve("missing/records.csv");
        assertFails(IllegalArgumentException.class, "cannot write " + unwritable + ": no such file or directory",
                "functions", "csv", unwritable.toString(), "");
        assertFalse(Files.exists(dir.resolve("a.csv")));
    }

    @Test
    void enabling_twice_fails_and_leaves_the_first_monitor_recording() throws IOException {
        Path first = dir.resolve("first.csv");
        productionSwitch.enable("functions", "csv", first.toString(), "");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> productionSwitch.enable("lines", "csv", dir.resolve("second.csv").toString(), ""));
        assertEquals("a functions monitor is already enabled; disable it first", e.getMessage());
        assertEquals("functions", productionSwitch.getMonitor());
        ProbeFixture.other();
        productionSwitch.disable();
        assertEquals(3, Files.readAllLines(first).size());
        assertFalse(Files.exists(dir.resolve("second.csv")));
    }

    @Test
    void start_up_settings_come_from_properties_else_the_environment() throws IOException {
        Path csv = dir.resolve("env.csv");
        productionSwitch = new ProductionSwitch(Map.of("PIKOS_MONITOR", "functions", "PIKOS_RECORDING", "csv",
                "PIKOS_OUTPUT", csv.toString(), "PIKOS_FOCUSED_ON", "io.pikos.probe.ProbeFixture.other"));
        productionSwitch.enableAtStart();
        assertEquals("functions", productionSwitch.getMonitor());
        ProbeFixture.outer(0);
        ProbeFixture.other();
        productionSwitch.disable();
        assertEquals(List.of("index,type,function,lineNo,filename",
                "0,call,other,30," + ProbeFixture.SOURCE_PATH, "1,return,other,31," + ProbeFixture.SOURCE_PATH),
                Files.readAllLines(csv));
    }

    @Test
    void a_bad_start_up_setting_is_one_line_on_standard_error_and_monitoring_stays_off() {
        productionSwitch = new ProductionSwitch(Map.of("PIKOS_MONITOR", "everything"));
        String err = standardErrorOf(productionSwitch::enableAtStart);
        assertEquals("pikos: -Dpikos.monitor=everything: unknown monitor 'everything' (expected one of functions, "
                + "line_memory, lines, function_memory); the application runs unmonitored" + System.lineSeparator(), err);
        assertFalse(productionSwitch.isEnabled());
    }

    @Test
    void no_start_up_setting_enables_nothing() {
        assertEquals("", standardErrorOf(productionSwitch::enableAtStart));
        assertFalse(productionSwitch.isEnabled());
    }

    /** Random start-up settings (a fixed seed): a monitor starts, or one line says why not; never more. */
    @Test
    void any_start_up_settings_start_a_monitor_or_give_one_line() {
        List<String> monitors = List.of("functions", "lines", "function_memory", "line_memory", "", " ", "FUNCTIONS",
                "calls", "\u0000", "lines,functions");
        List<String> recordings = List.of("csv", "text", "screen", "jfr", "", "xml", "CSV", "csv ");
        List<String> outputs = List.of(dir.resolve("fuzz.csv").toString(), "", dir.resolve("no/dir.csv").toString(),
                "bad\u0000name", dir.toString());
        List<String> focuses = List.of("", "io.pikos.probe.ProbeFixture.inner", "inner", ".", "a.", ",", "a.b,c");
        java.util.Random random = new java.util.Random(20261129);
        for (int attempt = 0; attempt < 200; attempt++) {
            Map<String, String> environment = new java.util.HashMap<>();
            environment.put("PIKOS_MONITOR", monitors.get(random.nextInt(monitors.size())));
            environment.put("PIKOS_RECORDING", recordings.get(random.nextInt(recordings.size())));
            environment.put("PIKOS_OUTPUT", outputs.get(random.nextInt(outputs.size())));
            environment.put("PIKOS_FOCUSED_ON", focuses.get(random.nextInt(focuses.size())));
            environment.put("PIKOS_BUFFERED", random.nextBoolean() ? "true" : "maybe");
            if (environment.get("PIKOS_RECORDING").startsWith("screen") || environment.get("PIKOS_RECORDING").isBlank()) {
                environment.put("PIKOS_OUTPUT", ""); // the screen would fill the test's output
            }
            productionSwitch = new ProductionSwitch(environment);
            String err = standardErrorOf(productionSwitch::enableAtStart);
            String what = environment + " gave:\n" + err;
            if (productionSwitch.isEnabled()) {
                assertEquals("", err, what);
                productionSwitch.disable();
            } else {
                assertEquals(1, err.lines().count(), what);
                assertTrue(err.startsWith("pikos: -Dpikos.monitor=") && err.contains("; the application runs unmonitored"),
                        what);
            }
        }
    }

    private void assertFails(Class<? extends RuntimeException> type, String message, String... words) {
        RuntimeException e = assertThrows(type, () -> productionSwitch.enable(words[0], words[1], words[2], words[3]));
        assertEquals(message, e.getMessage());
        assertFalse(productionSwitch.isEnabled());
        assertEquals("", productionSwitch.getMonitor());
    }

    private static String standardErrorOf(Runnable action) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return err.toString(StandardCharsets.UTF_8);
    }
}
