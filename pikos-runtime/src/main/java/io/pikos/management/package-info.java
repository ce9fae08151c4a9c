/**
 * Switching monitors in a running JVM: the {@code io.pikos:type=Monitors} MXBean. At start,
 * {@code -Dpikos.monitor}, {@code -Dpikos.recording}, {@code -Dpikos.output},
 * {@code -Dpikos.focusedOn} and {@code -Dpikos.buffered} (or the environment variables
 * {@code PIKOS_MONITOR}, {@code PIKOS_RECORDING}, {@code PIKOS_OUTPUT}, {@code PIKOS_FOCUSED_ON},
 * {@code PIKOS_BUFFERED}; properties win) enable one for the whole run.
 */
package io.pikos.management;
