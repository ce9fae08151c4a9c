package io.pikos.internal.dispatch;

/**
 * Where a listener's events go when it wants every one of them, from every thread, kept in per-thread
 * {@link EventBatch}es: a monitor without focus whose recorder takes batches. While such a listener is
 * the only one for method events (or for line events), the dispatcher adds each event straight to the
 * thread's batch, without calling the listener: no decision is made per event, so none is skipped.
 */
public abstract class EventSink {

    private final long id = ProbeThread.newOwnerId();

    /** @return the sink's id, which its batches carry and {@link ProbeThread} slots are keyed by */
    public final long id() {
        return id;
    }

    /**
     * Returns the current thread's batch for this sink, made on the thread's first event.
     *
     * @param thread the current thread's probe state
     * @return the batch
     */
    public abstract EventBatch batch(ProbeThread thread);

    /**
     * Hands a full batch over to the recorder, and empties it. Called by the batch's thread, which is
     * marked as dispatching meanwhile, so that woven code the recorder runs is not recorded.
     *
     * @param batch the batch
     */
    public abstract void handOver(EventBatch batch);

    /**
     * Stops recording: pikos' own code ran out of memory while recording an event.
     *
     * @param e the error
     */
    public abstract void outOfMemory(OutOfMemoryError e);
}
