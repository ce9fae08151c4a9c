package io.pikos.recorders;

/**
 * Stores the records a monitor makes.
 *
 * <p>A monitor calls {@link #prepare} when it is enabled (outermost enable only), {@link #record} for
 * each record, and {@link #finish} when it is disabled (outermost disable only). A recorder may be
 * prepared and finished many times; the implementations here write their header only once.
 * A custom recorder implements these three methods.
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
}
