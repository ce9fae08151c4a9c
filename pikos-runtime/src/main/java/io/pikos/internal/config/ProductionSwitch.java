package io.pikos.internal.config;

import io.pikos.annotations.MonitorKind;
import io.pikos.annotations.Recording;
import io.pikos.management.MonitorsMXBean;
import io.pikos.monitors.Monitor;
import io.pikos.records.MonitorRecord;
import io.pikos.recorders.Recorder;
import io.pikos.recorders.RecorderException;

import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The production switch, {@code io.pikos:type=Monitors}: at most one monitor, enabled at start by
 * {@code -Dpikos.*} properties or {@code PIKOS_*} environment variables, or later through JMX, and
 * disabled through JMX or when the JVM exits (its records then flushed, its file complete).
 */
public final class ProductionSwitch implements MonitorsMXBean {

    private static final ProductionSwitch INSTANCE = new ProductionSwitch(System.getenv());
    private static boolean started;

    private final Map<String, String> environment;
    private Monitor monitor; // guarded by this
    private MonitorKind kind; // guarded by this
    private Counting counting; // guarded by this; kept after disable for RecordCount
    private Thread exitHook; // guarded by this

    ProductionSwitch(Map<String, String> environment) {
        this.environment = environment;
    }

    /** @return the switch of this copy of pikos */
    public static ProductionSwitch instance() {
        return INSTANCE;
    }

    /**
     * Registers the switch with the platform MBean server and enables the monitor the start-up
     * settings ask for, once per JVM (per copy of pikos): called when woven code first runs. A setting
     * that cannot be used is reported in one line on standard error, and the application runs
     * unmonitored.
     */
    public static synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        try {
            ManagementFactory.getPlatformMBeanServer().registerMBean(new Described(INSTANCE), new ObjectName(OBJECT_NAME));
        } catch (InstanceAlreadyExistsException e) {
            // Another copy of pikos in this JVM (another class loader) registered first; this one still records.
        } catch (JMException | RuntimeException e) {
            System.err.println("pikos: cannot register " + OBJECT_NAME + ": " + e.getMessage());
        }
        INSTANCE.enableAtStart();
    }

    void enableAtStart() {
        String monitorWord = setting("monitor");
        if (monitorWord == null) {
            return;
        }
        try {
            enable(monitorWord, setting("recording"), setting("output"), setting("focusedOn"));
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("pikos: -Dpikos.monitor=" + monitorWord + ": " + e.getMessage()
                    + "; the application runs unmonitored");
        }
    }

    @Override
    public synchronized void enable(String monitorWord, String recording, String output, String focusedOn) {
        if (monitor != null) {
            throw new IllegalStateException("a " + kind.commandName() + " monitor is already enabled; disable it first");
        }
        if (isEmpty(monitorWord)) {
            throw new IllegalArgumentException("no monitor given (expected one of functions, line_memory, lines, "
                    + "function_memory)");
        }
        MonitorKind chosen = MonitorKind.fromCommandName(monitorWord.strip());
        Recording where = isEmpty(recording) ? Recording.SCREEN : Recording.fromCommandName(recording.strip());
        String[] focus = isEmpty(focusedOn) ? new String[0]
                : Arrays.stream(focusedOn.split(",", -1)).map(String::strip).toArray(String[]::new);
        Counting recorder = new Counting(MonitorFactory.recorder(where, isEmpty(output) ? null : output.strip(),
                buffered()));
        Monitor made = MonitorFactory.monitorFocusedOn(chosen, recorder, focus);
        try {
            made.enable();
        } catch (RecorderException e) {
            // No pikos class in what crosses JMX: a client without pikos must be able to read it.
            throw new IllegalArgumentException(e.getMessage());
        }
        monitor = made;
        kind = chosen;
        counting = recorder;
        exitHook = new Thread(this::disable, "pikos exit");
        Runtime.getRuntime().addShutdownHook(exitHook);
    }

    @Override
    public synchronized void disable() {
        if (monitor == null) {
            return;
        }
        if (Thread.currentThread() != exitHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(exitHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs, or has run, on its own
            }
        }
        Monitor enabled = monitor;
        monitor = null;
        kind = null;
        exitHook = null;
        enabled.disable();
    }

    @Override
    public synchronized boolean isEnabled() {
        return monitor != null;
    }

    @Override
    public synchronized String getMonitor() {
        return kind == null ? "" : kind.commandName();
    }

    @Override
    public synchronized long getRecordCount() {
        return counting == null ? 0 : counting.count;
    }

    /** {@code -Dpikos.<name>}, else {@code PIKOS_<NAME>} ({@code focusedOn} as {@code PIKOS_FOCUSED_ON}). */
    private String setting(String name) {
        String value = System.getProperty("pikos." + name);
        if (value == null) {
            value = environment.get("PIKOS_" + name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT));
        }
        return value;
    }

    private boolean buffered() {
        return Boolean.parseBoolean(setting("buffered"));
    }

    private static boolean isEmpty(String value) {
        return value == null || value.isBlank();
    }

    /** The switch as JMX shows it, with the names of {@code enable}'s parameters for jconsole. */
    private static final class Described extends StandardMBean {

        private static final String[] ENABLE_PARAMETERS = {"monitor", "recording", "output", "focusedOn"};

        Described(MonitorsMXBean implementation) {
            super(implementation, MonitorsMXBean.class, true);
        }

        @Override
        protected String getParameterName(MBeanOperationInfo operation, MBeanParameterInfo parameter, int sequence) {
            return operation.getName().equals("enable") ? ENABLE_PARAMETERS[sequence] : parameter.getName();
        }
    }

    /** Counts the records the monitor hands its recorder; called under the monitor's lock. */
    private static final class Counting implements Recorder<MonitorRecord> {

        private final Recorder<MonitorRecord> recorder;
        private volatile long count;

        Counting(Recorder<MonitorRecord> recorder) {
            this.recorder = recorder;
        }

        @Override
        public void prepare(Class<? extends MonitorRecord> recordType) {
            recorder.prepare(recordType);
        }

        @Override
        public void record(MonitorRecord record) {
            recorder.record(record);
            count++; // one writer at a time, under the monitor's lock; volatile for the MXBean's readers
        }

        @Override
        public void recordAll(List<? extends MonitorRecord> records) {
            recorder.recordAll(records);
            count += records.size(); // as in record
        }

        @Override
        public boolean acceptsBatches() {
            return recorder.acceptsBatches();
        }

        @Override
        public void finish() {
            recorder.finish();
        }
    }
}
