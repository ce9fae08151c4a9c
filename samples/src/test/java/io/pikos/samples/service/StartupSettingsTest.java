package io.pikos.samples.service;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.pikos.samples.service.QuoteRecords.FOCUS;
import static io.pikos.samples.service.QuoteRecords.FUNCTION_HEADER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * {@code -Dpikos.*} properties and {@code PIKOS_*} environment variables, read when woven code first
 * runs: the service in a child JVM, started with them, asked for quotes, then ended by SIGTERM as a
 * service manager ends it.
 */
class StartupSettingsTest {

    private static final String APPLE_3 = "3 x apple at 0.40, 0% off: 1.20\n";
    private static final String PEAR_12 = "12 x pear at 0.55, 5% off: 6.27\n";
    private static final String UNMONITORED = "; the application runs unmonitored";

    @TempDir
    Path dir;

    @Test
    void properties_enable_a_focused_monitor_whose_buffered_records_are_flushed_at_sigterm() throws Exception {
        Path csv = dir.resolve("x.csv");
        try (ServiceProcess service = ServiceProcess.start(List.of("-Dpikos.monitor=functions",
                "-Dpikos.recording=csv", "-Dpikos.output=" + csv, "-Dpikos.focusedOn=" + FOCUS,
                "-Dpikos.buffered=true"), Map.of())) {
            askForQuotes(service);

            assertEquals(ServiceProcess.SIGTERM_STATUS, service.terminate());
            assertEquals(List.of("listening on http://localhost:" + service.port() + "/"), service.stdout());
            assertEquals(List.of(), service.stderr());
        }
        QuoteRecords.assertQuotesInAnyOrder(QuoteRecords.read(csv, FUNCTION_HEADER), "apple", "kiwi", "pear");
    }

    @Test
    void environment_variables_enable_a_focused_monitor_that_flushes_each_record() throws Exception {
        Path csv = dir.resolve("x.csv");
        try (ServiceProcess service = ServiceProcess.start(List.of(), Map.of("PIKOS_MONITOR", "functions",
                "PIKOS_RECORDING", "csv", "PIKOS_OUTPUT", csv.toString(), "PIKOS_FOCUSED_ON", FOCUS))) {
            askForQuotes(service);
            assertRecordsOfTheQuotes(csv); // complete while the service runs: unbuffered

            assertEquals(ServiceProcess.SIGTERM_STATUS, service.terminate());
            assertEquals(List.of(), service.stderr());
        }
        assertRecordsOfTheQuotes(csv);
    }

    @Test
    void properties_win_over_environment_variables_one_setting_at_a_time() throws Exception {
        Path fromProperty = dir.resolve("property.csv");
        Path fromEnvironment = dir.resolve("environment.csv");
        try (ServiceProcess service = ServiceProcess.start(List.of("-Dpikos.monitor=functions",
                "-Dpikos.output=" + fromProperty), Map.of("PIKOS_MONITOR", "lines", "PIKOS_RECORDING", "csv",
                "PIKOS_OUTPUT", fromEnvironment.toString(), "PIKOS_FOCUSED_ON", FOCUS))) {
            askForQuotes(service);
            assertEquals(ServiceProcess.SIGTERM_STATUS, service.terminate());
            assertEquals(List.of(), service.stderr());
        }
        assertRecordsOfTheQuotes(fromProperty);
        assertFalse(Files.exists(fromEnvironment));
    }

    @Test
    void a_jfr_recording_set_at_start_holds_each_record_once_after_sigterm() throws Exception {
        Path jfr = dir.resolve("x.jfr");
        try (ServiceProcess service = ServiceProcess.start(List.of("-Dpikos.monitor=functions",
                "-Dpikos.recording=jfr", "-Dpikos.output=" + jfr, "-Dpikos.focusedOn=" + FOCUS), Map.of())) {
            askForQuotes(service);
            assertEquals(ServiceProcess.SIGTERM_STATUS, service.terminate());
            assertEquals(List.of(), service.stderr());
        }
        QuoteRecords.assertJfrEvents(jfr, "apple", "kiwi", "pear");
    }

    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                Arguments.of("unknown monitor", List.of("-Dpikos.monitor=calls", "-Dpikos.recording=csv"), Map.of(),
                        "pikos: -Dpikos.monitor=calls: unknown monitor 'calls' (expected one of functions, "
                                + "line_memory, lines, function_memory)" + UNMONITORED),
                Arguments.of("unknown recording", List.of("-Dpikos.monitor=functions", "-Dpikos.recording=xml"),
                        Map.of(), "pikos: -Dpikos.monitor=functions: unknown recording 'xml' (expected one of "
                                + "screen, text, csv, jfr)" + UNMONITORED),
                Arguments.of("malformed focus", List.of("-Dpikos.monitor=functions", "-Dpikos.recording=csv",
                                "-Dpikos.focusedOn=nodots"), Map.of(),
                        "pikos: -Dpikos.monitor=functions: focus 'nodots' is not of the form pkg.Class.method"
                                + UNMONITORED),
                Arguments.of("unknown monitor, from the environment", List.of(),
                        Map.of("PIKOS_MONITOR", "calls", "PIKOS_RECORDING", "csv"),
                        "pikos: -Dpikos.monitor=calls: unknown monitor 'calls' (expected one of functions, "
                                + "line_memory, lines, function_memory)" + UNMONITORED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSettings")
    void an_invalid_setting_is_one_line_on_stderr_and_the_service_runs_unmonitored(
            String what, List<String> options, Map<String, String> environment, String message) throws Exception {
        Path csv = dir.resolve("x.csv");
        List<String> jvmOptions = Stream.concat(options.stream(), Stream.of("-Dpikos.output=" + csv)).toList();
        assertRunsUnmonitored(jvmOptions, environment, message);
        assertFalse(Files.exists(csv));
    }

    @Test
    void an_output_that_cannot_be_written_is_one_line_on_stderr_and_the_service_runs_unmonitored() throws Exception {
        Path csv = dir.resolve("missing").resolve("x.csv");
        assertRunsUnmonitored(List.of("-Dpikos.monitor=functions", "-Dpikos.recording=csv", "-Dpikos.output=" + csv,
                        "-Dpikos.focusedOn=" + FOCUS), Map.of(),
                "pikos: -Dpikos.monitor=functions: cannot write " + csv + ": no such file or directory" + UNMONITORED);
        assertFalse(Files.exists(csv.getParent()));
    }

    private static void assertRunsUnmonitored(List<String> jvmOptions, Map<String, String> environment,
                                              String message) throws Exception {
        try (ServiceProcess service = ServiceProcess.start(jvmOptions, environment)) {
            askForQuotes(service);
            assertEquals(ServiceProcess.SIGTERM_STATUS, service.terminate());
            assertEquals(List.of("listening on http://localhost:" + service.port() + "/"), service.stdout());
            assertEquals(List.of(message), service.stderr());
        }
    }

    /** An apple, a kiwi the table has no price for, and a dozen pears (a 5 % discount). */
    private static void askForQuotes(ServiceProcess service) {
        service.assertQuote("/quote?item=apple&qty=3", APPLE_3);
        var kiwi = service.get("/quote?item=kiwi&qty=1");
        assertEquals(404, kiwi.statusCode());
        assertEquals("no price for 'kiwi'\n", kiwi.body());
        service.assertQuote("/quote?item=pear&qty=12", PEAR_12);
    }

    private static void assertRecordsOfTheQuotes(Path csv) throws IOException {
        List<CSVRecord> rows = QuoteRecords.read(csv, FUNCTION_HEADER);
        assertEquals(QuoteRecords.quotes(QuoteRecords.root(rows), "apple", "kiwi", "pear"), QuoteRecords.joined(rows));
        assertEquals(14 + 14 + 16, rows.size());
    }
}
