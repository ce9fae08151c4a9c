package io.pikos.memory;

import io.pikos.internal.memory.MemorySource;
import io.pikos.internal.memory.OshiMemory;
import io.pikos.internal.memory.StatmMemory;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The memory of the current process: resident set size (RSS) and virtual memory size (VMS), in bytes,
 * as the memory monitors record them.
 *
 * <p>On Linux it reads {@code /proc/self/statm} without allocating; elsewhere it asks OSHI
 * ({@code com.github.oshi:oshi-core}), which pikos does not bring: an application that records memory
 * off Linux adds it to its own dependencies. Thread-safe.
 */
public final class ProcessMemory {

    private static volatile ProcessMemory system;

    private final MemorySource source;
    private final String description;

    private ProcessMemory(MemorySource source, String description) {
        this.source = source;
        this.description = description;
    }

    /**
     * Returns the fastest source this system has, opened on first use.
     *
     * @return the process memory
     * @throws UnsupportedOperationException if the system is not Linux and OSHI is not on the classpath
     */
    public static ProcessMemory system() {
        ProcessMemory memory = system;
        if (memory == null) {
            synchronized (ProcessMemory.class) {
                memory = system;
                if (memory == null) {
                    memory = linux();
                    if (memory == null) {
                        memory = oshi();
                    }
                    system = memory;
                }
            }
        }
        return memory;
    }

    /**
     * Opens the Linux fast path.
     *
     * @return the process memory read from {@code /proc/self/statm}, or {@code null} if it cannot be read
     */
    public static ProcessMemory linux() {
        try {
            return new ProcessMemory(StatmMemory.open(), "/proc/self/statm");
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /**
     * Opens OSHI's view of the process, whatever the system.
     *
     * @return the process memory read through OSHI
     * @throws UnsupportedOperationException if OSHI is not on the classpath
     */
    public static ProcessMemory oshi() {
        try {
            return new ProcessMemory(new OshiMemory(), "OSHI");
        } catch (NoClassDefFoundError e) {
            throw new UnsupportedOperationException("memory monitors need /proc/self/statm (Linux) or OSHI: add "
                    + "com.github.oshi:oshi-core to the application's dependencies", e);
        }
    }

    /**
     * Reads RSS into {@code into[0]} and VMS into {@code into[1]}, in bytes. Allocates nothing on Linux.
     *
     * @param into an array of at least two elements
     * @throws UncheckedIOException if the operating system cannot be read
     */
    public synchronized void sample(long[] into) {
        try {
            source.sample(into);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read process memory from " + description, e);
        }
    }

    /**
     * Returns the resident set size.
     *
     * @return RSS in bytes
     * @throws UncheckedIOException if the operating system cannot be read
     */
    public long rss() {
        long[] sample = new long[2];
        sample(sample);
        return sample[0];
    }

    /**
     * Returns the virtual memory size.
     *
     * @return VMS in bytes
     * @throws UncheckedIOException if the operating system cannot be read
     */
    public long vms() {
        long[] sample = new long[2];
        sample(sample);
        return sample[1];
    }

    @Override
    public String toString() {
        return "ProcessMemory[" + description + "]";
    }
}
