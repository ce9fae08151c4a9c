package io.pikos.samples.service;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.pikos.samples.service.QuoteRecords.FOCUS;
import static io.pikos.samples.service.QuoteRecords.FUNCTION_HEADER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The switch driven by a tool that knows nothing of pikos: the {@code PikosSwitch.java} of docs/production.md, a
 * single-file program run by {@code java} with no classpath, which declares the MXBean's interface
 * itself. Only JDK types may cross the connection, results and exceptions alike, or such a tool (and
 * {@code jconsole}) cannot read them.
 */
class OperatorToolTest {

    /** The operator tool of docs/production.md, as it is printed there. */
    private static final String TOOL = """
            import com.sun.tools.attach.VirtualMachine;
            import javax.management.JMX;
            import javax.management.ObjectName;
            import javax.management.remote.JMXConnector;
            import javax.management.remote.JMXConnectorFactory;
            import javax.management.remote.JMXServiceURL;

            /** java PikosSwitch.java PID [enable MONITOR RECORDING OUTPUT FOCUSED_ON | disable] */
            public class PikosSwitch {

                /** The switch's contract (io.pikos.management.MonitorsMXBean), declared here: no pikos jar needed. */
                public interface MonitorsMXBean {
                    void enable(String monitor, String recording, String output, String focusedOn);
                    void disable();
                    boolean isEnabled();
                    String getMonitor();
                    long getRecordCount();
                }

                public static void main(String[] args) throws Exception {
                    VirtualMachine vm = VirtualMachine.attach(args[0]);
                    String address = vm.startLocalManagementAgent(); // starts it, or finds it running
                    vm.detach();
                    try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
                        MonitorsMXBean monitors = JMX.newMXBeanProxy(connector.getMBeanServerConnection(),
                                new ObjectName("io.pikos:type=Monitors"), MonitorsMXBean.class);
                        if (args.length == 6 && args[1].equals("enable")) {
                            monitors.enable(args[2], args[3], args[4], args[5]);
                        } else if (args.length == 2 && args[1].equals("disable")) {
                            monitors.disable();
                        }
                        System.out.println("Enabled=" + monitors.isEnabled() + " Monitor=" + monitors.getMonitor()
                                + " RecordCount=" + monitors.getRecordCount());
                    }
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void a_tool_without_pikos_switches_the_service_on_and_off() throws Exception {
        Path csv = dir.resolve("quotes.csv");
        try (ServiceProcess service = ServiceProcess.start(List.of(), Map.of())) {
            assertEquals(new Run(0, List.of("Enabled=false Monitor= RecordCount=0"), List.of()), tool(service));
            assertEquals(new Run(0, List.of("Enabled=true Monitor=functions RecordCount=0"), List.of()),
                    tool(service, "enable", "functions", "csv", csv.toString(), FOCUS));
            service.assertQuote("/quote?item=fig&qty=100", "100 x fig at 1.20, 20% off: 96.00\n");
            assertEquals(new Run(0, List.of("Enabled=true Monitor=functions RecordCount=20"), List.of()),
                    tool(service));
            assertEquals(new Run(0, List.of("Enabled=false Monitor= RecordCount=20"), List.of()),
                    tool(service, "disable"));
            List<CSVRecord> rows = QuoteRecords.read(csv, FUNCTION_HEADER);
            assertEquals(QuoteRecords.quotes(QuoteRecords.root(rows), "fig"), QuoteRecords.joined(rows));

            Run unknown = tool(service, "enable", "calls", "csv", csv.toString(), FOCUS);
            assertEquals(1, unknown.status());
            assertEquals("Exception in thread \"main\" java.lang.IllegalArgumentException: unknown monitor 'calls' "
                    + "(expected one of functions, line_memory, lines, function_memory)", unknown.stderr().get(0));
            assertEquals(ServiceProcess.SIGTERM_STATUS, service.terminate());
            assertEquals(List.of(), service.stderr());
        }
    }

    @Test
    void a_tool_without_pikos_reads_the_message_of_an_output_that_cannot_be_written() throws Exception {
        Path csv = dir.resolve("missing").resolve("x.csv");
        try (ServiceProcess service = ServiceProcess.start(List.of(), Map.of())) {
            Run refused = tool(service, "enable", "functions", "csv", csv.toString(), FOCUS);
            assertEquals(1, refused.status());
            assertEquals("Exception in thread \"main\" java.lang.IllegalArgumentException: cannot write " + csv
                    + ": no such file or directory", refused.stderr().get(0));
            assertEquals(new Run(0, List.of("Enabled=false Monitor= RecordCount=0"), List.of()), tool(service));
            assertFalse(Files.exists(csv.getParent()));
        }
    }

    /** What a run of the tool gave. */
    private record Run(int status, List<String> stdout, List<String> stderr) {
    }

    /** Runs the tool against the service: {@code java PikosSwitch.java PID ARGS...}, no classpath. */
    private Run tool(ServiceProcess service, String... args) throws IOException, InterruptedException {
        Path source = dir.resolve("PikosSwitch.java");
        if (!Files.exists(source)) {
            Files.writeString(source, TOOL, StandardCharsets.UTF_8);
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), source.toString(), Long.toString(service.pid())));
        command.addAll(List.of(args));
        Path out = dir.resolve("tool.out");
        Path err = dir.resolve("tool.err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("CLASSPATH");
        Process process = builder.start();
        assertTrue(process.waitFor(ServiceProcess.GUARD.toSeconds(), TimeUnit.SECONDS), "the tool is still running");
        return new Run(process.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8),
                Files.readAllLines(err, StandardCharsets.UTF_8));
    }
}
