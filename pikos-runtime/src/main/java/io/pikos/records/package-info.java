/**
 * The four records monitors make, the seed's: {@link io.pikos.records.FunctionRecord},
 * {@link io.pikos.records.LineRecord}, {@link io.pikos.records.FunctionMemoryRecord} and
 * {@link io.pikos.records.LineMemoryRecord}. Their components, in order, are the CSV columns;
 * {@link io.pikos.records.RecordLayout} names the columns and formats records as text.
 */
package io.pikos.records;
