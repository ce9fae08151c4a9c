package io.pikos.internal.records;

import io.pikos.internal.dispatch.FunctionEvent;
import io.pikos.probe.Sites;
import io.pikos.records.MonitorRecord;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * A batch of function or line records as a monitor hands it to a recorder: the events as the probes
 * wrote them into an {@code int[]} (see {@link #write}), numbered from a first index, each record made
 * when it is read. A recorder that writes the records reads each once; one that keeps them
 * ({@code ListRecorder}) can keep the batch as it is and make the records only when asked for them, so
 * that the thread being monitored never pays for them. Immutable.
 *
 * <p>Why ints and not the site objects: a thread fills its batch on every event, and storing a
 * reference into an array that has lived through a collection costs a garbage collector's write
 * barrier (with G1, a memory fence when the card is not yet dirty), where storing an int costs a
 * store; and what a recorder keeps is 4 bytes per event, so that keeping millions of records touches
 * as little fresh memory as it can.
 */
public final class RecordBatch extends AbstractList<MonitorRecord> implements RandomAccess {

    /** The kind of a line event; the kinds of method and call-out events are the {@link FunctionEvent} ordinals. */
    public static final int LINE = FunctionEvent.values().length;

    /** The most ints {@link #write} writes for one event. */
    public static final int MAX_INTS_PER_EVENT = 3;

    private static final FunctionEvent[] EVENTS = FunctionEvent.values();
    private static final int KIND_BITS = 3; // kinds 0 to 6
    private static final int KIND_MASK = (1 << KIND_BITS) - 1;
    private static final int LONG_FORM = 1 << KIND_BITS; // set: the site id and the line follow in two ints
    private static final int SITE_SHIFT = KIND_BITS + 1;
    private static final int MAX_SHORT_SITE = (1 << (Integer.SIZE - 1 - SITE_SHIFT)) - 1;

    private final long firstIndex;
    private final int[] events;
    private final int[] starts; // where each event starts in events, or null when each takes one int

    /**
     * Copies the events written into the first {@code length} ints of an array.
     *
     * @param firstIndex the index of the first record
     * @param events     events, each written by {@link #write}
     * @param length     how many ints to take: the end of an event
     */
    public RecordBatch(long firstIndex, int[] events, int length) {
        this.firstIndex = firstIndex;
        this.events = Arrays.copyOf(events, length);
        int count = 0;
        for (int i = 0; i < length; i += isLongForm(events[i]) ? MAX_INTS_PER_EVENT : 1) {
            count++;
        }
        this.starts = count == length ? null : starts(this.events, count);
    }

    /**
     * Writes an event: one int, {@code siteId << 4 | kind}, for the events of every woven method and
     * line of a program of fewer than 2<sup>27</sup> sites; three ints (the kind with a flag, the site,
     * the line) for a method event that carries its own line or a site beyond that.
     *
     * @param events where to write, with room for {@value #MAX_INTS_PER_EVENT} ints at {@code at}
     * @param at     the position of the event
     * @param kind   a {@link FunctionEvent} ordinal, or {@link #LINE}
     * @param siteId the id of its {@linkplain Sites#method(int) method}, {@linkplain Sites#callOut(int) call}
     *               or {@linkplain Sites#line(int) line}
     * @param lineNo a method event's line, or 0 for the method's own; 0 for call-outs and lines, which
     *               carry their own
     * @return the position after the event
     */
    public static int write(int[] events, int at, int kind, int siteId, int lineNo) {
        if (lineNo == 0 && siteId <= MAX_SHORT_SITE) {
            events[at] = siteId << SITE_SHIFT | kind;
            return at + 1;
        }
        events[at] = LONG_FORM | kind;
        events[at + 1] = siteId;
        events[at + 2] = lineNo;
        return at + MAX_INTS_PER_EVENT;
    }

    @Override
    public MonitorRecord get(int i) {
        int at = starts == null ? i : starts[i];
        int code = events[at];
        int kind = code & KIND_MASK;
        int siteId = isLongForm(code) ? events[at + 1] : code >>> SITE_SHIFT;
        int lineNo = isLongForm(code) ? events[at + 2] : 0;
        long index = firstIndex + i;
        if (kind == LINE) {
            return SiteRecords.of(index, null, Sites.line(siteId), 0, null);
        }
        FunctionEvent event = EVENTS[kind];
        Object site = event.isCallOut() ? Sites.callOut(siteId) : Sites.method(siteId);
        return SiteRecords.of(index, event, site, lineNo, null);
    }

    @Override
    public int size() {
        return starts == null ? events.length : starts.length;
    }

    private static boolean isLongForm(int code) {
        return (code & LONG_FORM) != 0;
    }

    private static int[] starts(int[] events, int count) {
        int[] starts = new int[count];
        for (int e = 0, i = 0; e < count; e++, i += isLongForm(events[i]) ? MAX_INTS_PER_EVENT : 1) {
            starts[e] = i;
        }
        return starts;
    }
}
