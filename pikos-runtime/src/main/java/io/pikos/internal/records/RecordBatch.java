package io.pikos.internal.records;

import io.pikos.internal.dispatch.FunctionEvent;
import io.pikos.probe.Sites;
import io.pikos.records.MonitorRecord;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * A batch of function or line records as a monitor hands it to a recorder: each event packed into one
 * {@code long} (see {@link #pack}), numbered from a first index, each record made when it is read. A
 * recorder that writes the records reads each once; one that keeps them ({@code ListRecorder}) can keep
 * the batch as it is and make the records only when asked for them, so that the thread being monitored
 * never pays for them. Immutable.
 *
 * <p>Why a {@code long} and not the site object: a thread fills its batch on every event, and storing a
 * reference into an array that has lived through a collection costs a garbage collector's write barrier
 * (with G1, a memory fence when the card is not yet dirty); storing a {@code long} costs a store.
 */
public final class RecordBatch extends AbstractList<MonitorRecord> implements RandomAccess {

    /** The kind of a line event: after the {@link FunctionEvent} ordinals. */
    private static final int LINE = FunctionEvent.values().length;
    private static final FunctionEvent[] EVENTS = FunctionEvent.values();

    private final long firstIndex;
    private final long[] events;

    /**
     * Copies the first {@code size} events.
     *
     * @param firstIndex the index of the first record
     * @param events     the events, each from {@link #pack} or {@link #packLine}
     * @param size       how many events to take
     */
    public RecordBatch(long firstIndex, long[] events, int size) {
        this.firstIndex = firstIndex;
        this.events = Arrays.copyOf(events, size);
    }

    /**
     * Packs a method or call-out event.
     *
     * @param event  the event
     * @param siteId the id of its {@linkplain Sites#method(int) method} or {@linkplain Sites#callOut(int) call}
     * @param lineNo a method event's line, from 1 to 65535 (class files number lines in 16 bits), or 0 for
     *               the method's own; unused for call-outs, which carry their own
     * @return the event as one {@code long}
     */
    public static long pack(FunctionEvent event, int siteId, int lineNo) {
        return (long) siteId << 32 | event.ordinal() << 16 | lineNo & 0xFFFF;
    }

    /**
     * Packs a line event.
     *
     * @param lineId the id of its {@linkplain Sites#line(int) line}
     * @return the event as one {@code long}
     */
    public static long packLine(int lineId) {
        return (long) lineId << 32 | LINE << 16;
    }

    @Override
    public MonitorRecord get(int i) {
        long packed = events[i];
        int siteId = (int) (packed >>> 32);
        int kind = (int) packed >>> 16 & 0xFFFF;
        long index = firstIndex + i;
        if (kind == LINE) {
            return SiteRecords.of(index, null, Sites.line(siteId), 0, null);
        }
        FunctionEvent event = EVENTS[kind];
        Object site = event.isCallOut() ? Sites.callOut(siteId) : Sites.method(siteId);
        return SiteRecords.of(index, event, site, (int) packed & 0xFFFF, null);
    }

    @Override
    public int size() {
        return events.length;
    }
}
