/**
 * The line pass: puts pikos line probes into compiled classes, so that {@code LineMonitor} and
 * {@code LineMemoryMonitor} can record each source line of the program as it runs.
 *
 * <p>{@link io.pikos.weaver.lines.LineInstrumenter} takes class bytes and gives class bytes; the
 * {@code pikos-maven-plugin}'s {@code instrument-lines} goal runs it over a build's classes, and
 * {@code pikos-run} runs it on classes as they load. It needs ASM at build time only: instrumented
 * classes call nothing but {@code pikos-runtime}.
 */
package io.pikos.weaver.lines;
