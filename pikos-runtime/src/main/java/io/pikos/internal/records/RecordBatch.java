package io.pikos.internal.records;

import io.pikos.internal.dispatch.FunctionEvent;
import io.pikos.probe.CallOutSite;
import io.pikos.probe.LineSite;
import io.pikos.probe.MethodSite;
import io.pikos.records.MonitorRecord;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * A batch of function or line records as a monitor hands it to a recorder: the events' sites, types
 * and lines, numbered from a first index, each record made when it is read. A recorder that writes the
 * records reads each once; one that keeps them ({@code ListRecorder}) can keep the batch as it is and
 * make the records only when asked for them, so that the thread being monitored never pays for them.
 * Immutable.
 */
public final class RecordBatch extends AbstractList<MonitorRecord> implements RandomAccess {

    private final long firstIndex;
    private final Object[] sites; // MethodSite, CallOutSite or LineSite
    private final FunctionEvent[] events; // null entries for lines
    private final int[] lineNos; // a method event's line

    /**
     * Copies the first {@code size} events.
     *
     * @param firstIndex the index of the first record
     * @param sites      the sites: {@link MethodSite}, {@link CallOutSite} or {@link LineSite}
     * @param events     the method events; {@code null} entries for lines
     * @param lineNos    the line of each method event (call-outs and lines carry their own)
     * @param size       how many events to take
     */
    public RecordBatch(long firstIndex, Object[] sites, FunctionEvent[] events, int[] lineNos, int size) {
        this.firstIndex = firstIndex;
        this.sites = Arrays.copyOf(sites, size);
        this.events = Arrays.copyOf(events, size);
        this.lineNos = Arrays.copyOf(lineNos, size);
    }

    @Override
    public MonitorRecord get(int i) {
        return SiteRecords.of(firstIndex + i, events[i], sites[i], lineNos[i], null);
    }

    @Override
    public int size() {
        return sites.length;
    }
}
