/**
 * Monitors watch woven code run and make records: {@link io.pikos.monitors.FunctionMonitor},
 * {@link io.pikos.monitors.LineMonitor}, {@link io.pikos.monitors.FunctionMemoryMonitor},
 * {@link io.pikos.monitors.LineMemoryMonitor}, and a {@code Focused} variant of each: focused function
 * monitors record inside chosen methods, through everything they call; focused line monitors record
 * the chosen methods' own lines. All share the {@link io.pikos.monitors.Monitor} life cycle.
 */
package io.pikos.monitors;
