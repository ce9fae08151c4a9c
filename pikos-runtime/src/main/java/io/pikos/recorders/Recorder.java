package io.pikos.recorders;

import java.util.List;

/**
 * Stores the records a monitor makes.
 *
 * <p>A monitor calls {@link #prepare} when it is enabled (outermost enable only), {@link #record} for
 * each record, and {@link #finish} when it is disabled (outermost disable only). A recorder may be
 * prepared and finished many times; the implementations here write their header only once.
 * A custom recorder implements these three methods; the two others have defaults.
 *
 * @param <R> the type of records it accepts
 */
public interface Recorder<R> {

    /**
     * Makes the recorder ready to receive records of a type: opens its file, writes its header.
     *
     * @param recordType the type of the records that will follow
     * @throws RecorderException if the recorder cannot be made ready, for example its file cannot be written
     */
    void prepare(Class<? extends R> recordType);

    /**
     * Stores one record, if its filter keeps it.
     *
     * @param record the record
     * @throws RecorderException if the recorder is not prepared, or it fails to store the record
     */
    void record(R record);

    /**
     * Completes what was recorded since {@link #prepare}: flushes and closes files.
     *
     * @throws RecorderException if flushing or closing fails
     */
    void finish();

    /**
     * Tells whether this recorder keeps records for later rather than shows each one as it comes (a
     * list in memory, a buffered file). A monitor may then hand it records in batches: each thread
     * collects what its records need without taking a lock, and a batch is made into records,
     * numbered and handed over through {@link #recordAll} when it is full. Every record made while the
     * monitor is enabled has been handed over when its outermost {@code disable()} returns; before
     * that, the records of each thread arrive in their order, a few hundred at a time. Indices still
     * follow the order in which the recorder receives records.
     *
     * <p>The default is {@code false}: records arrive one by one, as they are made.
     *
     * @return whether records may arrive in batches
     */
    default boolean acceptsBatches() {
        return false;
    }

    /**
     * Stores records, in order, as {@link #record} would one by one, which the default does. A recorder
     * that {@link #acceptsBatches() accepts batches} overrides it to take its lock once per batch.
     *
     * @param records the records, in the order of their indices
     * @throws RecorderException if the recorder is not prepared, or it fails to store a record; the
     *                           records before it are stored
     */
    default void recordAll(List<? extends R> records) {
        for (R record : records) {
            record(record);
        }
    }
}
