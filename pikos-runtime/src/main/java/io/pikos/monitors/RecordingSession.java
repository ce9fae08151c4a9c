package io.pikos.monitors;

import io.pikos.annotations.MonitorKind;
import io.pikos.internal.dispatch.EventBatch;
import io.pikos.internal.dispatch.EventSink;
import io.pikos.internal.dispatch.FunctionEvent;
import io.pikos.internal.dispatch.ProbeThread;
import io.pikos.internal.records.OpenBatches;
import io.pikos.internal.records.RecordBatch;
import io.pikos.internal.records.SiteRecords;
import io.pikos.memory.ProcessMemory;
import io.pikos.probe.CallOutSite;
import io.pikos.probe.LineSite;
import io.pikos.probe.MethodSite;
import io.pikos.records.MonitorRecord;
import io.pikos.recorders.Recorder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a monitor records between its outermost enable and the matching disable, and the way the
 * records reach the recorder, numbered in the order the recorder receives them.
 *
 * <p>Records reach the recorder by one of two ways:
 * <ul>
 * <li><b>At once</b>, for recorders that show records as they come (the screen, a file flushed after
 * each record, JFR) and for memory monitors (a memory sample belongs to the moment it is taken): each
 * record is made, numbered and handed over under one lock, the memory sampled under it too.
 * <li><b>In batches</b>, for recorders that {@linkplain Recorder#acceptsBatches() accept them}: each
 * thread writes the event's site id and type, in one int for most events, into its own
 * {@link EventBatch}, with no lock and no allocation; a full batch is made into records, numbered and
 * handed over under the lock, about once per {@value EventBatch#SIZE} records. That is what lets threads
 * record at once without queueing on a lock. Without a focus the session is the monitor's
 * {@link EventSink}: while it is the only one, the dispatcher fills the batches itself.
 * </ul>
 *
 * <p>{@link #finish()} hands over, under the lock, what each batch holds. A thread adds to its batch
 * without a lock or a fence: it writes the event, then publishes the batch's new size with a release
 * store, which the finishing thread reads with an acquire load; so it sees a prefix of each thread's
 * events, and all of those made by code that <em>happens before</em> the disable (in the sense of the
 * Java memory model: a thread joined, a latch counted down, the disabling thread itself). An event
 * that races with the disable is either recorded or dropped, as if the monitor had been disabled a
 * moment later or earlier; once the session is finished nothing more reaches the recorder.
 */
final class RecordingSession extends EventSink {

    private final Recorder<MonitorRecord> recorder;
    private final Object monitor; // named in messages
    private final ProcessMemory processMemory; // null unless the monitor samples memory
    private final boolean batched;

    private final Object lock = new Object();
    private final long[] memory = new long[2]; // guarded by lock
    private final Map<ProbeThread, EventBatch> batches = new HashMap<>(); // guarded by lock
    private long nextIndex; // guarded by lock
    private boolean recording = true; // guarded by lock
    private Throwable unreported; // guarded by lock: why recording stopped, when there was no memory to say it
    private volatile boolean closed; // no more events accepted: finished, or the recorder failed
    private final Runnable atExit = this::finish; // ends the session if the JVM exits while it is open

    /**
     * Starts a session.
     *
     * @param kind       what the monitor records
     * @param recorder   the recorder, already prepared
     * @param monitor    the monitor, named in messages
     * @param firstIndex the index of the first record: indices continue from one session to the next
     */
    RecordingSession(MonitorKind kind, Recorder<MonitorRecord> recorder, Object monitor, long firstIndex) {
        this.nextIndex = firstIndex;
        this.recorder = recorder;
        this.monitor = monitor;
        boolean samplesMemory = kind == MonitorKind.FUNCTION_MEMORY || kind == MonitorKind.LINE_MEMORY;
        this.processMemory = samplesMemory ? ProcessMemory.system() : null;
        this.batched = !samplesMemory && recorder.acceptsBatches();
        if (batched) {
            OpenBatches.opened(atExit);
        }
    }

    /** @return whether the recorder takes the records in batches, each thread's events kept apart until then */
    boolean batched() {
        return batched;
    }

    /**
     * Records the call, return or exception of a woven method.
     *
     * @param thread the current thread, dispatching the event
     * @param event  the event
     * @param site   the method
     * @param lineNo the line the record carries, or 0 for the method's own
     */
    void method(ProbeThread thread, FunctionEvent event, MethodSite site, int lineNo) {
        if (batched) {
            add(thread, event.ordinal(), site.id(), lineNo);
        } else {
            recordAtOnce(event, site, lineNo);
        }
    }

    /**
     * Records the beginning or end of a call from woven code into code that is not woven.
     *
     * @param thread the current thread, dispatching the event
     * @param event  the event
     * @param site   the call
     */
    void callOut(ProbeThread thread, FunctionEvent event, CallOutSite site) {
        if (batched) {
            add(thread, event.ordinal(), site.id(), 0);
        } else {
            recordAtOnce(event, site, 0);
        }
    }

    // The way for recorders that take records one by one, and for the memory monitors. The memory is
    // sampled under the lock, so that indices follow the order in which the samples were taken.
    private void recordAtOnce(FunctionEvent event, Object site, int lineNo) {
        synchronized (lock) {
            if (!recording) {
                return;
            }
            try {
                long[] sampled = null;
                if (processMemory != null) {
                    processMemory.sample(memory);
                    sampled = memory;
                }
                MonitorRecord record = SiteRecords.of(nextIndex, event, site, lineNo, sampled);
                nextIndex++;
                recorder.record(record);
            } catch (RuntimeException | OutOfMemoryError e) {
                stop(e);
            }
        }
    }

    // Where the batches are filled: an int or three per event, the sites and strings looked up at hand-over.
    private void add(ProbeThread thread, int kind, int siteId, int lineNo) {
        if (!closed) {
            thread.addDispatched(this, kind, siteId, lineNo);
        }
    }

    /**
     * Hands a batch's events over to the recorder, numbered, and empties it: when it is full, by its
     * thread; at finish, for every thread.
     */
    @Override
    public void handOver(EventBatch batch) {
        synchronized (lock) {
            int length = batch.publishedSize();
            if (recording && length > 0) {
                try {
                    List<MonitorRecord> records = batch.records(length, nextIndex);
                    recorder.recordAll(records);
                    nextIndex += records.size();
                } catch (RuntimeException | OutOfMemoryError e) {
                    stop(e);
                }
            }
            batch.clear();
        }
    }

    /**
     * Records a line.
     *
     * @param thread the current thread, dispatching the event
     * @param site   the line
     */
    void line(ProbeThread thread, LineSite site) {
        if (batched) {
            add(thread, RecordBatch.LINE, site.id(), 0);
        } else {
            recordAtOnce(null, site, 0);
        }
    }

    /**
     * Stops accepting events and hands every batch still held over to the recorder; then the
     * recorder can be finished. Called when the monitor is disabled, and for a session that holds
     * batches also when the JVM exits (before buffered recorders are flushed); a second call does
     * nothing.
     *
     * @return whether the session was still recording (its recorder had not failed)
     */
    boolean finish() {
        closed = true;
        if (batched) {
            OpenBatches.closed(atExit);
        }
        synchronized (lock) {
            for (EventBatch batch : batches.values()) {
                handOver(batch);
            }
            if (unreported != null) {
                MonitorBase.report(monitor, "recording stopped", unreported);
                unreported = null;
            }
            boolean wasRecording = recording;
            recording = false;
            return wasRecording;
        }
    }

    /** @return the index the next record would have had */
    long nextIndex() {
        synchronized (lock) {
            return nextIndex;
        }
    }

    /**
     * Returns the current thread's batch, on its first event or when the thread's slot no longer holds
     * it (more than four monitors at once): from the session's map, under the lock, and puts it in the
     * slot. One batch per thread, whichever way the dispatcher hands the thread's events over.
     */
    @Override
    public EventBatch batch(ProbeThread thread) {
        EventBatch batch;
        synchronized (lock) {
            batch = batches.computeIfAbsent(thread, t -> new EventBatch(this));
        }
        thread.putSlot(id(), batch);
        return batch;
    }

    /**
     * Stops recording because pikos' own code ran out of memory while recording an event (the
     * program filled the heap): the error is not the program's to see.
     *
     * @param e the error
     */
    @Override
    public void outOfMemory(OutOfMemoryError e) {
        synchronized (lock) {
            if (recording) {
                stop(e);
            }
        }
    }

    // Called with lock held. The report itself needs memory: if there is none, it waits for finish.
    private void stop(Throwable e) {
        recording = false;
        closed = true;
        try {
            MonitorBase.report(monitor, "recording stopped", e);
        } catch (OutOfMemoryError again) {
            unreported = e;
        }
    }
}
