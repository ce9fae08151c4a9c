package io.pikos.internal.dispatch;

import io.pikos.internal.records.RecordBatch;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the dispatcher keeps per thread: whether the thread is already dispatching an event, and a few
 * slots in which monitors keep their state for the thread at hand (a focus depth, a batch of
 * records), found by a comparison or two instead of a lookup in a map of their own. An owner whose
 * slot was taken by another (more owners at once than slots) finds {@code null} and looks its state
 * up again. Owners are known by an id from {@link #newOwnerId()}, not by reference, so that a slot
 * never keeps an owner (a finished recording and its recorder) reachable. And the thread's batches for
 * the dispatcher's {@link EventSink}s, which it fills itself. Used only by its thread.
 */
public final class ProbeThread {

    private static final int SLOTS = 4;
    private static final AtomicLong OWNER_IDS = new AtomicLong();

    private boolean dispatching;
    private EventBatch methodBatch; // this thread's batch for the dispatcher's method sink, while it has one
    private EventBatch lineBatch; // the same for its line sink
    private final long[] owners = new long[SLOTS]; // 0: free
    private final Object[] values = new Object[SLOTS];
    private int nextSlot; // the slot the next new owner takes

    ProbeThread() {
    }

    /**
     * Returns a new owner id, never 0, for {@link #slot} and {@link #putSlot}.
     *
     * @return the id
     */
    public static long newOwnerId() {
        return OWNER_IDS.incrementAndGet();
    }

    /**
     * Returns what an owner last put in its slot, if it still has one.
     *
     * @param owner the owner's id
     * @return the value, or {@code null} if the owner has none or lost it to another owner
     */
    public Object slot(long owner) {
        for (int i = 0; i < SLOTS; i++) {
            if (owners[i] == owner) {
                return values[i];
            }
        }
        return null;
    }

    /**
     * Puts a value in an owner's slot, taking the oldest other owner's slot if it has none.
     *
     * @param owner the owner's id
     * @param value the value
     */
    public void putSlot(long owner, Object value) {
        for (int i = 0; i < SLOTS; i++) {
            if (owners[i] == owner) {
                values[i] = value;
                return;
            }
        }
        int i = nextSlot;
        nextSlot = (i + 1) % SLOTS;
        owners[i] = owner;
        values[i] = value;
    }

    /**
     * Adds a method or call-out event to this thread's batch for a sink.
     *
     * @param sink   the dispatcher's method sink
     * @param kind   the event's {@link FunctionEvent} ordinal
     * @param siteId the id of its method or call
     * @param lineNo a method event's line, or 0 for the method's own; 0 for call-outs
     */
    void addMethodEvent(EventSink sink, int kind, int siteId, int lineNo) {
        if (dispatching) {
            return; // a recorder running woven code
        }
        EventBatch batch = methodBatch;
        if (batch == null || batch.owner != sink.id()) {
            methodBatch = batch = batch(sink);
            if (batch == null) {
                return;
            }
        }
        add(sink, batch, kind, siteId, lineNo);
    }

    /**
     * Adds a line event to this thread's batch for a sink.
     *
     * @param sink   the dispatcher's line sink
     * @param lineId the id of the line
     */
    void addLineEvent(EventSink sink, int lineId) {
        if (dispatching) {
            return; // a recorder running woven code
        }
        EventBatch batch = lineBatch;
        if (batch == null || batch.owner != sink.id()) {
            lineBatch = batch = batch(sink);
            if (batch == null) {
                return;
            }
        }
        add(sink, batch, RecordBatch.LINE, lineId, 0);
    }

    private void add(EventSink sink, EventBatch batch, int kind, int siteId, int lineNo) {
        if (batch.add(kind, siteId, lineNo)) {
            dispatching = true;
            try {
                sink.handOver(batch);
            } finally {
                dispatching = false;
            }
        }
    }

    // The rare path, a method of its own so that the callers stay small enough to inline.
    private EventBatch batch(EventSink sink) {
        try {
            return sink.batch(this);
        } catch (OutOfMemoryError e) {
            sink.outOfMemory(e); // the event is lost: the program filled the heap, the error is not its to see
            return null;
        }
    }

    /** Enters dispatching; returns {@code false}, doing nothing, if the thread already is. */
    boolean enter() {
        if (dispatching) {
            return false;
        }
        dispatching = true;
        return true;
    }

    void exit() {
        dispatching = false;
    }
}
