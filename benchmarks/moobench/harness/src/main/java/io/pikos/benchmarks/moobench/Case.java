package io.pikos.benchmarks.moobench;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The cases of the harness, in the order of the table: for each, the module whose classpath its JVM runs
 * on, the copy of the target it calls, its {@link Configuration}, and the system properties its JVM gets.
 * In a property, {@value #STORAGE} stands for a fresh empty directory the launcher makes for the run and
 * deletes after it.
 */
public enum Case {

    /** The unwoven copy (plain javac). */
    BASELINE("baseline", "harness", "io.pikos.benchmarks.moobench.baseline.MonitoredClass", "NoConfiguration"),
    /** The pikos copy (method hooks and line probes), no monitor enabled. */
    PIKOS_OFF("pikos-off", "pikos", Targets.PIKOS, "NoConfiguration"),
    /** {@code FunctionMonitor} into a recorder that drops every record. */
    PIKOS_FUNCTIONS_NULL("pikos-functions-null", "pikos", Targets.PIKOS, "PikosFunctionsNull"),
    /** {@code FunctionMonitor} into {@code ListRecorder}s. */
    PIKOS_FUNCTIONS_LIST("pikos-functions-list", "pikos", Targets.PIKOS, "PikosFunctionsList"),
    /** {@code FunctionMonitor} into a {@code CsvFileRecorder}. */
    PIKOS_FUNCTIONS_CSV("pikos-functions-csv", "pikos", Targets.PIKOS, "PikosFunctionsCsv"),
    /** {@code LineMonitor} into {@code ListRecorder}s. */
    PIKOS_LINES_LIST("pikos-lines-list", "pikos", Targets.PIKOS, "PikosLinesList"),
    /** {@code FunctionMemoryMonitor} into {@code ListRecorder}s. */
    PIKOS_FUNCTION_MEMORY_LIST("pikos-function-memory-list", "pikos", Targets.PIKOS, "PikosFunctionMemoryList"),
    /** Kieker's probe woven in, monitoring disabled. */
    KIEKER_DEACTIVATED("kieker-deactivated", "kieker", Targets.KIEKER, "KiekerConfiguration",
            "kieker.monitoring.enabled=false",
            "kieker.monitoring.writer=kieker.monitoring.writer.dump.DumpWriter"),
    /** Kieker's probe making records that its writer drops. */
    KIEKER_NO_WRITER("kieker-no-writer", "kieker", Targets.KIEKER, "KiekerConfiguration",
            "kieker.monitoring.enabled=true",
            "kieker.monitoring.writer=kieker.monitoring.writer.dump.DumpWriter",
            "kieker.monitoring.core.controller.WriterController.RecordQueueFQN=kieker.monitoring.writer.dump.DumpQueue"),
    /** Kieker's probe with its binary file writer. */
    KIEKER_BINARY("kieker-binary", "kieker", Targets.KIEKER, "KiekerConfiguration",
            "kieker.monitoring.enabled=true",
            "kieker.monitoring.writer=kieker.monitoring.writer.filesystem.FileWriter",
            "kieker.monitoring.writer.filesystem.FileWriter.logStreamHandler="
                    + "kieker.monitoring.writer.filesystem.BinaryLogStreamHandler",
            "kieker.monitoring.writer.filesystem.FileWriter.bufferSize=8192",
            "kieker.monitoring.writer.filesystem.FileWriter.customStoragePath=" + Case.STORAGE),
    /** Micrometer's {@code @Timed} through its {@code TimedAspect}, into a {@code SimpleMeterRegistry}. */
    MICROMETER_TIMED("micrometer-timed", "micrometer", "io.pikos.benchmarks.moobench.micrometer.MonitoredClass",
            "MicrometerTimed");

    /** The placeholder for a fresh storage directory in a system property. */
    public static final String STORAGE = "${storage}";

    /**
     * Properties every Kieker case gets, as MooBench gives them: no adaptive monitoring, no periodic
     * sensors, no JMX.
     */
    private static final List<String> KIEKER_COMMON = List.of(
            "kieker.monitoring.name=KIEKER-BENCHMARK",
            "kieker.monitoring.adaptiveMonitoring.enabled=false",
            "kieker.monitoring.periodicSensorsExecutorPoolSize=0");

    private final String caseName;
    private final String module;
    private final String targetClass;
    private final String configurationClass;
    private final List<String> systemProperties;

    Case(String caseName, String module, String targetClass, String configuration, String... systemProperties) {
        this.caseName = caseName;
        this.module = module;
        this.targetClass = targetClass;
        this.configurationClass = "io.pikos.benchmarks.moobench.configurations." + configuration;
        this.systemProperties = List.of(systemProperties);
    }

    /**
     * Finds a case by its name in the table.
     *
     * @param name a name such as {@code pikos-functions-list}
     * @return the case, if there is one of that name
     */
    public static Optional<Case> named(String name) {
        return Arrays.stream(values()).filter(c -> c.caseName.equals(name)).findFirst();
    }

    /** @return the name in the table, such as {@code pikos-functions-list} */
    public String caseName() {
        return caseName;
    }

    /** @return the directory name, under {@code benchmarks/moobench}, of the module whose classpath the case runs on */
    public String module() {
        return module;
    }

    /** @return the binary name of the copy of the target the case calls */
    public String targetClass() {
        return targetClass;
    }

    /** @return the binary name of the case's {@link Configuration} */
    public String configurationClass() {
        return configurationClass;
    }

    /** @return the system properties of the case's JVM, {@code name=value}, with {@link #STORAGE} unresolved */
    public List<String> systemProperties() {
        if (module.equals("kieker")) {
            return concat(KIEKER_COMMON, systemProperties);
        }
        return systemProperties;
    }

    /** @return whether a property of the case names {@link #STORAGE} */
    public boolean needsStorage() {
        return systemProperties.stream().anyMatch(p -> p.contains(STORAGE));
    }

    @Override
    public String toString() {
        return caseName;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    /** The binary names of the woven copies. */
    private static final class Targets {
        static final String PIKOS = "io.pikos.benchmarks.moobench.pikos.MonitoredClass";
        static final String KIEKER = "io.pikos.benchmarks.moobench.kieker.MonitoredClass";
    }
}
