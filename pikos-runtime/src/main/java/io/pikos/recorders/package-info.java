/**
 * Recorders store the records monitors make: {@link io.pikos.recorders.ListRecorder} in memory,
 * {@link io.pikos.recorders.TextStreamRecorder} and {@link io.pikos.recorders.TextFileRecorder} as
 * text, {@link io.pikos.recorders.CsvStreamRecorder} and {@link io.pikos.recorders.CsvFileRecorder}
 * as CSV. Each takes an optional filter ({@link io.pikos.filters}). All are thread-safe.
 */
package io.pikos.recorders;
