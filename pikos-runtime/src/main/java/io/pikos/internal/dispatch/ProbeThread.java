package io.pikos.internal.dispatch;

import io.pikos.internal.records.RecordBatch;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
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
    private static final int METHOD_BATCH = 0; // which batch addSlowly adds to: methodBatch,
    private static final int LINE_BATCH = 1; // lineBatch,
    private static final int SLOT_BATCH = 2; // or the one in the sink's slot
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
        EventBatch batch = methodBatch;
        if (batch == null || batch.owner != sink.id() || dispatching || !batch.tryAdd(kind, siteId, lineNo)) {
            addRarely(METHOD_BATCH, sink, kind, siteId, lineNo);
        }
    }

    /**
     * Adds a line event to this thread's batch for a sink.
     *
     * @param sink   the dispatcher's line sink
     * @param lineId the id of the line
     */
    void addLineEvent(EventSink sink, int lineId) {
        EventBatch batch = lineBatch;
        if (batch == null || batch.owner != sink.id() || dispatching || !batch.tryAdd(RecordBatch.LINE, lineId, 0)) {
            addRarely(LINE_BATCH, sink, RecordBatch.LINE, lineId, 0);
        }
    }

    /**
     * Adds an event to this thread's batch for a sink that a monitor's listener holds, while the thread
     * dispatches the event to it: the batch the sink keeps in its slot.
     *
     * @param sink   the sink
     * @param kind   a {@link FunctionEvent} ordinal, or {@link RecordBatch#LINE}
     * @param siteId the id of the event's method, call or line
     * @param lineNo a method event's line, or 0 for the method's own; 0 for call-outs and lines
     */
    public void addDispatched(EventSink sink, int kind, int siteId, int lineNo) {
        Object batch = slot(sink.id());
        if (batch == null || !((EventBatch) batch).tryAdd(kind, siteId, lineNo)) {
            addRarely(SLOT_BATCH, sink, kind, siteId, lineNo);
        }
    }

    // The JIT inlines the three methods above into every probe of a woven method. Were it to inline their
    // rare path too (a thread's first event; a full batch handed over: a lock, a recorder), as it does for
    // any call made more than a hundred times, every probe would carry its own copy of it: a line-woven
    // method then compiled to 71 KB of code in 0.6 s, running slowly meanwhile, or not, depending on what
    // the JIT had compiled first (issue 17's slow modes). A call through a method handle that the JIT
    // cannot treat as a constant is never inlined: that is why this field is not final.
    private static MethodHandle rarePath = rarePath();

    private void addRarely(int via, EventSink sink, int kind, int siteId, int lineNo) {
        try {
            rarePath.invokeExact(this, via, sink, kind, siteId, lineNo);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable impossible) {
            throw new AssertionError(impossible); // addSlowly declares no checked exception
        }
    }

    private void addSlowly(int via, EventSink sink, int kind, int siteId, int lineNo) {
        if (dispatching && via != SLOT_BATCH) {
            return; // a recorder running woven code
        }
        EventBatch batch = switch (via) {
            case METHOD_BATCH -> methodBatch;
            case LINE_BATCH -> lineBatch;
            default -> (EventBatch) slot(sink.id());
        };
        if (batch == null || batch.owner != sink.id()) {
            batch = batch(sink);
            if (batch == null) {
                return;
            }
            if (via == METHOD_BATCH) {
                methodBatch = batch;
            } else if (via == LINE_BATCH) {
                lineBatch = batch;
            }
        }
        if (!batch.tryAdd(kind, siteId, lineNo)) {
            boolean wasDispatching = dispatching;
            dispatching = true;
            try {
                sink.handOver(batch); // which empties it
            } finally {
                dispatching = wasDispatching;
            }
            batch.tryAdd(kind, siteId, lineNo);
        }
    }

    private static MethodHandle rarePath() {
        try {
            return MethodHandles.lookup().findVirtual(ProbeThread.class, "addSlowly", MethodType.methodType(
                    void.class, int.class, EventSink.class, int.class, int.class, int.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

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
