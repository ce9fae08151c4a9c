package io.pikos.samples.service;

import com.sun.tools.attach.VirtualMachine;
import io.pikos.management.MonitorsMXBean;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.pikos.samples.service.QuoteRecords.FOCUS;
import static io.pikos.samples.service.QuoteRecords.FUNCTION_HEADER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an operator's tool does to a service running dark, from another JVM and with no agent: attach
 * to it by process id, start its local management agent, connect over JMX, and drive the
 * {@code io.pikos:type=Monitors} MXBean; first into CSV, then into JDK Flight Recorder.
 */
class OperatorAttachTest {

    private static final String APPLE_3 = "3 x apple at 0.40, 0% off: 1.20\n";
    private static final String PLUM_120 = "120 x plum at 0.30, 20% off: 28.80\n";
    private static final String PEAR_50 = "50 x pear at 0.55, 10% off: 24.75\n";

    @TempDir
    Path dir;

    @Test
    void an_operator_switches_a_dark_service_to_csv_then_to_jfr_and_off_over_local_attach() throws Exception {
        Path csv = dir.resolve("quotes.csv");
        Path jfr = dir.resolve("quotes.jfr");
        try (ServiceProcess service = ServiceProcess.start(List.of(), Map.of())) {
            switchOnAndOff(service, csv, jfr);
            assertEquals(ServiceProcess.SIGTERM_STATUS, service.terminate());
            assertEquals(List.of("listening on http://localhost:" + service.port() + "/"), service.stdout());
            assertEquals(List.of(), service.stderr());
        }
        assertEquals(14 + 18, QuoteRecords.read(csv, FUNCTION_HEADER).size()); // untouched by the exit
    }

    @Test
    void a_jfr_file_written_at_disable_still_holds_each_record_once_after_the_service_exits() throws Exception {
        Path jfr = dir.resolve("quotes.jfr");
        try (ServiceProcess service = ServiceProcess.start(List.of(), Map.of())) {
            try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(localAgent(service.pid())))) {
                MonitorsMXBean monitors = JMX.newMXBeanProxy(connector.getMBeanServerConnection(),
                        new ObjectName(MonitorsMXBean.OBJECT_NAME), MonitorsMXBean.class);
                monitors.enable("functions", "jfr", jfr.toString(), FOCUS);
                service.assertQuote("/quote?item=apple&qty=3", APPLE_3);
                monitors.disable();
            }
            QuoteRecords.assertJfrEvents(jfr, "apple");
            assertEquals(ServiceProcess.SIGTERM_STATUS, service.terminate());
            assertEquals(List.of(), service.stderr());
        }
        QuoteRecords.assertJfrEvents(jfr, "apple");
    }

    private static void switchOnAndOff(ServiceProcess service, Path csv, Path jfr) throws Exception {
        try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(localAgent(service.pid())))) {
            MBeanServerConnection connection = connector.getMBeanServerConnection();
            MonitorsMXBean monitors = JMX.newMXBeanProxy(connection, new ObjectName(MonitorsMXBean.OBJECT_NAME),
                    MonitorsMXBean.class);
            service.assertQuote("/quote?item=apple&qty=3", APPLE_3); // dark: nothing recorded
            assertFalse(monitors.isEnabled());
            assertEquals("", monitors.getMonitor());
            assertEquals(0, monitors.getRecordCount());

            monitors.enable("functions", "csv", csv.toString(), FOCUS);
            assertTrue(monitors.isEnabled());
            assertEquals("functions", monitors.getMonitor());
            service.assertQuote("/quote?item=apple&qty=3", APPLE_3);
            service.assertQuote("/quote?item=plum&qty=120", PLUM_120);
            assertEquals(14 + 18, monitors.getRecordCount());
            IllegalStateException twice = assertThrows(IllegalStateException.class,
                    () -> monitors.enable("lines", "jfr", jfr.toString(), ""));
            assertEquals("a functions monitor is already enabled; disable it first", twice.getMessage());
            monitors.disable();
            assertFalse(monitors.isEnabled());
            assertEquals("", monitors.getMonitor());
            assertEquals(14 + 18, monitors.getRecordCount());

            List<CSVRecord> rows = QuoteRecords.read(csv, FUNCTION_HEADER);
            assertEquals(QuoteRecords.quotes(QuoteRecords.root(rows), "apple", "plum"), QuoteRecords.joined(rows));

            IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                    () -> monitors.enable("calls", "jfr", jfr.toString(), FOCUS));
            assertEquals("unknown monitor 'calls' (expected one of functions, line_memory, lines, function_memory)",
                    unknown.getMessage());
            assertFalse(monitors.isEnabled());
            assertFalse(Files.exists(jfr));

            monitors.enable("functions", "jfr", jfr.toString(), FOCUS);
            assertTrue(monitors.isEnabled());
            assertEquals("functions", monitors.getMonitor());
            service.assertQuote("/quote?item=pear&qty=50", PEAR_50);
            var kiwi = service.get("/quote?item=kiwi&qty=1");
            assertEquals(404, kiwi.statusCode());
            assertEquals(16 + 14, monitors.getRecordCount());
            monitors.disable();
            assertFalse(monitors.isEnabled());
            assertEquals("", monitors.getMonitor());
            assertEquals(16 + 14, monitors.getRecordCount());

            QuoteRecords.assertJfrEvents(jfr, "pear", "kiwi");

            service.assertQuote("/quote?item=apple&qty=3", APPLE_3); // off again
            assertEquals(16 + 14, monitors.getRecordCount());
        }
    }

    /** Attaches to a JVM, starts its local management agent (or finds it running) and returns its address. */
    private static String localAgent(long pid) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(String.valueOf(pid));
        try {
            return vm.startLocalManagementAgent();
        } finally {
            vm.detach();
        }
    }
}
