package io.pikos.internal.dispatch;

import io.pikos.internal.records.RecordBatch;
import io.pikos.records.MonitorRecord;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;

/**
 * The events of one thread for one {@link EventSink}, not yet handed over, as
 * {@link RecordBatch#write} writes them: one int for most. Only its thread adds to it, without a lock
 * or a fence: it writes the event, then publishes the new size with a release store,
 * which another thread reads with an acquire load ({@link #publishedSize()}), so that a reader sees a
 * prefix of the events, each whole. It holds its sink's id, not the sink, so that a thread's probe
 * state, which may keep a batch after its sink is finished, does not keep the sink or its recorder.
 */
public final class EventBatch {

    /** Ints per batch, one per event but for a few: a sink takes its lock once per about this many events. */
    public static final int SIZE = 256;

    private static final VarHandle PUBLISHED_SIZE;

    static {
        try {
            PUBLISHED_SIZE = MethodHandles.lookup().findVarHandle(EventBatch.class, "size", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final long owner; // the sink's id
    private final int[] events = new int[SIZE];
    private int size; // ints written; by the thread, with a release store; cleared by whoever hands the batch over

    /**
     * Makes an empty batch.
     *
     * @param owner the id of the sink it belongs to
     */
    public EventBatch(EventSink owner) {
        this.owner = owner.id();
    }

    /**
     * Adds an event if the batch has room for it; called only by the batch's thread. A full batch is
     * handed over by whoever called, and then takes the event.
     *
     * @param kind   a {@link FunctionEvent} ordinal, or {@link RecordBatch#LINE}
     * @param siteId the id of the event's method, call or line
     * @param lineNo a method event's line, or 0 for the method's own; 0 for call-outs and lines
     * @return whether the event was added: {@code false} if the batch is full
     */
    public boolean tryAdd(int kind, int siteId, int lineNo) {
        int at = size;
        if (at > SIZE - RecordBatch.MAX_INTS_PER_EVENT) {
            return false;
        }
        PUBLISHED_SIZE.setRelease(this, RecordBatch.write(events, at, kind, siteId, lineNo));
        return true;
    }

    /** @return how many ints of events the batch's thread has published: the end of an event */
    public int publishedSize() {
        return (int) PUBLISHED_SIZE.getAcquire(this);
    }

    /**
     * Returns the events in the first {@code length} ints as records numbered from {@code firstIndex},
     * copied.
     *
     * @param length     {@link #publishedSize()}, read before
     * @param firstIndex the index of the first record
     * @return the records, made when read
     */
    public List<MonitorRecord> records(int length, long firstIndex) {
        return new RecordBatch(firstIndex, events, length);
    }

    /** Empties the batch, once its events are handed over. */
    public void clear() {
        size = 0;
    }
}
