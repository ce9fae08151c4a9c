package io.pikos.samples.service;

import io.pikos.management.MonitorsMXBean;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import javax.management.JMX;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static io.pikos.samples.service.QuoteRecords.FOCUS;
import static io.pikos.samples.service.QuoteRecords.FUNCTION_HEADER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code io.pikos:type=Monitors} MXBean driven in-process, through the platform MBean server as
 * any JMX client in the JVM would: a focused monitor switched on and off around the service's work,
 * and every bad argument refused with nothing changed.
 */
class MonitorsMXBeanTest {

    private static final String APPLE_3 = "3 x apple at 0.40, 0% off: 1.20\n";
    private static final String FIG_100 = "100 x fig at 1.20, 20% off: 96.00\n";

    private static PriceService service;
    private static MonitorsMXBean monitors;

    @TempDir
    Path dir;

    @BeforeAll
    static void startTheServiceAndFindTheSwitch() throws Exception {
        service = PriceService.start(0); // woven code runs: the switch is registered by now
        ObjectName name = new ObjectName(MonitorsMXBean.OBJECT_NAME);
        assertTrue(ManagementFactory.getPlatformMBeanServer().isRegistered(name));
        monitors = JMX.newMXBeanProxy(ManagementFactory.getPlatformMBeanServer(), name, MonitorsMXBean.class);
    }

    @AfterAll
    static void stopTheService() {
        service.stop();
    }

    @AfterEach
    void switchOff() {
        monitors.disable();
    }

    @Test
    void the_switch_has_the_documented_attributes_and_operations() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        MBeanInfo info = server.getMBeanInfo(new ObjectName(MonitorsMXBean.OBJECT_NAME));
        assertEquals(List.of("Enabled boolean r", "Monitor java.lang.String r", "RecordCount long r"),
                Arrays.stream(info.getAttributes()).map(MonitorsMXBeanTest::describe).sorted().toList());
        assertEquals(List.of("disable() void",
                        "enable(java.lang.String,java.lang.String,java.lang.String,java.lang.String) void"),
                Arrays.stream(info.getOperations()).map(MonitorsMXBeanTest::describe).sorted().toList());
        MBeanOperationInfo enable = Arrays.stream(info.getOperations()).filter(o -> o.getName().equals("enable"))
                .findFirst().orElseThrow();
        assertEquals(List.of("monitor", "recording", "output", "focusedOn"),
                Arrays.stream(enable.getSignature()).map(MBeanParameterInfo::getName).toList(), "named for jconsole");
    }

    @Test
    void a_focused_monitor_records_the_quotes_and_disable_completes_its_file() throws Exception {
        Path csv = dir.resolve("quotes.csv");
        assertFalse(monitors.isEnabled());
        assertEquals("", monitors.getMonitor());

        monitors.enable("functions", "csv", csv.toString(), FOCUS);
        assertTrue(monitors.isEnabled());
        assertEquals("functions", monitors.getMonitor());
        assertEquals(0, monitors.getRecordCount());

        assertEquals(APPLE_3, service.quote("apple", 3));
        assertEquals(14, monitors.getRecordCount());
        HttpResponse<String> kiwi = ServiceProcess.get(service.port(), "/quote?item=kiwi&qty=2"); // a handler thread
        assertEquals(404, kiwi.statusCode());
        assertEquals(28, monitors.getRecordCount());
        assertEquals(FIG_100, service.quote("fig", 100));
        assertEquals(48, monitors.getRecordCount());

        monitors.disable();
        assertFalse(monitors.isEnabled());
        assertEquals("", monitors.getMonitor());
        assertEquals(48, monitors.getRecordCount()); // the last monitor's, once disabled

        List<CSVRecord> rows = QuoteRecords.read(csv, FUNCTION_HEADER);
        assertEquals(QuoteRecords.quotes(QuoteRecords.root(rows), "apple", "kiwi", "fig"), QuoteRecords.joined(rows));
        assertEquals(48, rows.size());

        assertEquals(APPLE_3, service.quote("apple", 3)); // switched off: nothing more is written
        assertEquals(48, QuoteRecords.read(csv, FUNCTION_HEADER).size());
        assertEquals(48, monitors.getRecordCount());
    }

    @Test
    void the_switch_can_be_enabled_again_into_a_new_file() throws Exception {
        Path first = dir.resolve("first.csv");
        Path second = dir.resolve("second.csv");
        monitors.enable("functions", "csv", first.toString(), FOCUS);
        service.quote("apple", 3);
        monitors.disable();
        monitors.enable("functions", "csv", second.toString(), FOCUS);
        assertEquals(0, monitors.getRecordCount());
        service.quote("plum", 10);
        monitors.disable();

        List<CSVRecord> firstRows = QuoteRecords.read(first, FUNCTION_HEADER);
        assertEquals(QuoteRecords.quotes(QuoteRecords.root(firstRows), "apple"), QuoteRecords.joined(firstRows));
        List<CSVRecord> secondRows = QuoteRecords.read(second, FUNCTION_HEADER);
        assertEquals(QuoteRecords.quotes(QuoteRecords.root(secondRows), "plum"), QuoteRecords.joined(secondRows));
        assertEquals(secondRows.size(), monitors.getRecordCount());
    }

    static Stream<Arguments> badArguments() {
        return Stream.of(
                Arguments.of("calls", "csv", FOCUS,
                        "unknown monitor 'calls' (expected one of functions, line_memory, lines, function_memory)"),
                Arguments.of("", "csv", FOCUS,
                        "no monitor given (expected one of functions, line_memory, lines, function_memory)"),
                Arguments.of("functions", "xml", FOCUS, "unknown recording 'xml' (expected one of screen, text, csv, jfr)"),
                Arguments.of("functions", "csv", "nodots", "focus 'nodots' is not of the form pkg.Class.method"),
                Arguments.of("functions", "csv", FOCUS + ",PriceService.",
                        "focus 'PriceService.' is not of the form pkg.Class.method"),
                Arguments.of("lines", "screen", FOCUS, "the screen recording takes no output file"));
    }

    @ParameterizedTest(name = "enable({0}, {1}, x.csv, {2})")
    @MethodSource("badArguments")
    void bad_arguments_throw_and_change_nothing(String monitor, String recording, String focusedOn, String message) {
        Path csv = dir.resolve("x.csv");
        long recordCount = monitors.getRecordCount();
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> monitors.enable(monitor, recording, csv.toString(), focusedOn));
        assertEquals(message, thrown.getMessage());
        assertNothingChanged(recordCount);
        assertFalse(Files.exists(csv));
    }

    @Test
    void an_output_that_cannot_be_written_throws_and_changes_nothing() {
        Path csv = dir.resolve("missing").resolve("x.csv");
        long recordCount = monitors.getRecordCount();
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> monitors.enable("functions", "csv", csv.toString(), FOCUS));
        assertEquals("cannot write " + csv + ": no such file or directory", thrown.getMessage());
        assertNothingChanged(recordCount);
        assertFalse(Files.exists(csv.getParent()));
    }

    @Test
    void enabling_twice_throws_and_the_first_monitor_stays_enabled() throws IOException {
        Path first = dir.resolve("first.csv");
        Path second = dir.resolve("second.csv");
        monitors.enable("functions", "csv", first.toString(), FOCUS);
        service.quote("apple", 3);

        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> monitors.enable("lines", "csv", second.toString(), ""));
        assertEquals("a functions monitor is already enabled; disable it first", thrown.getMessage());
        assertTrue(monitors.isEnabled());
        assertEquals("functions", monitors.getMonitor());
        assertEquals(14, monitors.getRecordCount());
        assertFalse(Files.exists(second));

        service.quote("pear", 1); // still recorded by the first monitor, into the first file
        monitors.disable();
        List<CSVRecord> rows = QuoteRecords.read(first, FUNCTION_HEADER);
        assertEquals(QuoteRecords.quotes(QuoteRecords.root(rows), "apple", "pear"), QuoteRecords.joined(rows));
        assertEquals(rows.size(), monitors.getRecordCount());
    }

    @Test
    void disable_with_no_monitor_enabled_does_nothing() {
        long recordCount = monitors.getRecordCount();
        monitors.disable();
        monitors.disable();
        assertNothingChanged(recordCount);
    }

    private static void assertNothingChanged(long recordCount) {
        assertFalse(monitors.isEnabled());
        assertEquals("", monitors.getMonitor());
        assertEquals(recordCount, monitors.getRecordCount());
    }

    private static String describe(MBeanAttributeInfo attribute) {
        return attribute.getName() + " " + attribute.getType() + " " + (attribute.isReadable() ? "r" : "")
                + (attribute.isWritable() ? "w" : "");
    }

    private static String describe(MBeanOperationInfo operation) {
        return operation.getName() + Arrays.stream(operation.getSignature()).map(MBeanParameterInfo::getType)
                .toList().toString().replace('[', '(').replace(']', ')').replace(", ", ",")
                + " " + operation.getReturnType();
    }
}
