package io.pikos.management;

/**
 * The production switch: turns a pikos monitor on and off in a running JVM, without an agent or a
 * restart. Registered in the platform MBean server as {@code io.pikos:type=Monitors} as soon as woven
 * code first runs, so {@code jconsole}, {@code jmc} or any JMX client reaches it, locally or through
 * the attach API's local management agent.
 *
 * <p>One monitor at a time: the one {@code -Dpikos.monitor} enabled at start, or the last one
 * {@link #enable} enabled. Operations are thread-safe; woven code may run on any number of threads
 * while they are called.
 */
public interface MonitorsMXBean {

    /** The name the switch is registered under. */
    String OBJECT_NAME = "io.pikos:type=Monitors";

    /**
     * Enables a monitor, with the command line's words.
     *
     * @param monitor   {@code functions}, {@code lines}, {@code function_memory} or {@code line_memory}
     * @param recording {@code screen}, {@code text}, {@code csv} or {@code jfr}; empty for {@code screen}
     * @param output    the file records go to; empty for the recording's default
     *                  ({@code monitor_records.csv}, {@code .log} or {@code .jfr})
     * @param focusedOn comma-separated focus methods {@code pkg.Class.method}; empty for none
     * @throws IllegalArgumentException if a word is unknown, a focus is malformed or the output cannot
     *                                  be written; nothing changes then
     * @throws IllegalStateException    if a monitor is already enabled; nothing changes then
     */
    void enable(String monitor, String recording, String output, String focusedOn);

    /**
     * Disables the enabled monitor: its recorder is finished and its file complete when this returns.
     * Does nothing if no monitor is enabled.
     */
    void disable();

    /** @return whether a monitor is enabled */
    boolean isEnabled();

    /** @return the enabled monitor's word ({@code functions}, ...), or an empty string if none is */
    String getMonitor();

    /** @return the records of the enabled monitor so far, or of the last one once it is disabled */
    long getRecordCount();
}
