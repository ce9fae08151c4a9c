package io.pikos.benchmarks.moobench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What the results file says about the machine: read from {@code /proc} and from {@code java -version}. */
final class Machine {

    private Machine() {
    }

    /** @return the number of processors this JVM may use ({@code nproc}) */
    static int processors() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** @return the first {@code model name} of {@code /proc/cpuinfo}, with its MHz and flags of note */
    static String cpu() {
        List<String> lines = lines(Path.of("/proc/cpuinfo"));
        String model = field(lines, "model name");
        String mhz = field(lines, "cpu MHz");
        String flags = field(lines, "flags");
        StringBuilder cpu = new StringBuilder(model.isEmpty() ? System.getProperty("os.arch") : model);
        if (!mhz.isEmpty()) {
            cpu.append(", ").append(mhz).append(" MHz");
        }
        if ((" " + flags + " ").contains(" hypervisor ")) {
            cpu.append(", hypervisor");
        }
        return cpu.toString();
    }

    /** @return {@code MemTotal} of {@code /proc/meminfo}, or an empty string */
    static String memory() {
        return field(lines(Path.of("/proc/meminfo")), "MemTotal");
    }

    /** @return the three load averages of {@code /proc/loadavg}, or an empty string */
    static String loadAverage() {
        List<String> lines = lines(Path.of("/proc/loadavg"));
        if (lines.isEmpty()) {
            return "";
        }
        String[] fields = lines.get(0).split(" ");
        return fields.length < 3 ? "" : fields[0] + " " + fields[1] + " " + fields[2];
    }

    /** @return the clock source of the kernel, which decides what {@code System.nanoTime} costs */
    static String clockSource() {
        List<String> lines = lines(Path.of("/sys/devices/system/clocksource/clocksource0/current_clocksource"));
        return lines.isEmpty() ? "" : lines.get(0).trim();
    }

    /**
     * Runs {@code java -version}.
     *
     * @param java the java executable
     * @return what it printed, or why it could not be run
     */
    static String javaVersion(Path java) {
        try {
            Process process = new ProcessBuilder(java.toString(), "-version").redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            process.waitFor(30, TimeUnit.SECONDS);
            return new String(output, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "cannot run " + java + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static String field(List<String> lines, String name) {
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return "";
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
