package io.pikos.monitors;

import io.pikos.annotations.MonitorKind;
import io.pikos.internal.dispatch.FunctionEvent;
import io.pikos.internal.dispatch.ProbeThread;
import io.pikos.memory.ProcessMemory;
import io.pikos.probe.LineSite;
import io.pikos.probe.MethodSite;
import io.pikos.records.FunctionMemoryRecord;
import io.pikos.records.FunctionRecord;
import io.pikos.records.LineMemoryRecord;
import io.pikos.records.LineRecord;
import io.pikos.records.MonitorRecord;
import io.pikos.recorders.Recorder;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * What a monitor records between its outermost enable and the matching disable, and the way the
 * records reach the recorder, numbered in the order the recorder receives them.
 *
 * <p>Records reach the recorder by one of two ways:
 * <ul>
 * <li><b>At once</b>, for recorders that show records as they come (the screen, a file flushed after
 * each record, JFR) and for memory monitors (a memory sample belongs to the moment it is taken): each
 * record is made, numbered and handed over under one lock.
 * <li><b>In batches</b>, for recorders that {@linkplain Recorder#acceptsBatches() accept them}: each
 * thread writes what its records need (strings and numbers the probes already hold) into its own
 * {@link Batch}, with no lock and no allocation; a full batch is made into records, numbered and handed
 * over under the lock, once per {@value #BATCH_SIZE} records. That is what lets threads record at once
 * without queueing on a lock. {@link #finish()} hands over every thread's last batch.
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
final class RecordingSession {

    /** Records per batch: the lock is taken once per this many records. */
    static final int BATCH_SIZE = 256;

    private static final VarHandle SIZE;

    static {
        try {
            SIZE = MethodHandles.lookup().findVarHandle(Batch.class, "size", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final MonitorKind kind;
    private final Recorder<MonitorRecord> recorder;
    private final Object monitor; // named in messages
    private final ProcessMemory processMemory; // null unless the monitor samples memory
    private final ThreadLocal<Batch> batches; // null unless records go in batches; see batch()

    private final Object lock = new Object();
    private final long[] memory = new long[2]; // guarded by lock
    private final List<Batch> allBatches = new ArrayList<>(); // guarded by lock
    private long nextIndex; // guarded by lock
    private boolean recording = true; // guarded by lock
    private volatile boolean closed; // no more events accepted: finished, or the recorder failed

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
        this.kind = kind;
        this.recorder = recorder;
        this.monitor = monitor;
        boolean samplesMemory = kind == MonitorKind.FUNCTION_MEMORY || kind == MonitorKind.LINE_MEMORY;
        this.processMemory = samplesMemory ? ProcessMemory.system() : null;
        this.batches = !samplesMemory && recorder.acceptsBatches() ? new ThreadLocal<>() : null;
    }

    /**
     * Records a method event.
     *
     * @param thread   the current thread, dispatching the event
     * @param event    the event
     * @param function the method's name, or the callee's for a call-out
     * @param lineNo   the line the record carries
     * @param filename the source file
     */
    void function(ProbeThread thread, FunctionEvent event, String function, int lineNo, String filename) {
        if (batches != null) {
            if (!closed) {
                batch(thread).add(event, function, lineNo, filename);
            }
            return;
        }
        synchronized (lock) {
            if (!recording) {
                return;
            }
            try {
                long index = nextIndex++;
                if (kind == MonitorKind.FUNCTIONS) {
                    recorder.record(new FunctionRecord(index, event.text(), function, lineNo, filename));
                } else {
                    processMemory.sample(memory);
                    recorder.record(new FunctionMemoryRecord(index, event.text(), function, memory[0], memory[1],
                            lineNo, filename));
                }
            } catch (RuntimeException e) {
                stop(e);
            }
        }
    }

    /**
     * Records a line.
     *
     * @param thread the current thread, dispatching the event
     * @param site   the line
     */
    void line(ProbeThread thread, LineSite site) {
        if (batches != null) {
            if (!closed) {
                batch(thread).add(site);
            }
            return;
        }
        MethodSite method = site.method();
        synchronized (lock) {
            if (!recording) {
                return;
            }
            try {
                long index = nextIndex++;
                if (kind == MonitorKind.LINES) {
                    recorder.record(new LineRecord(index, method.name(), site.line(), site.text(), method.filename()));
                } else {
                    processMemory.sample(memory);
                    recorder.record(new LineMemoryRecord(index, method.name(), site.line(), memory[0], memory[1],
                            site.text(), method.filename()));
                }
            } catch (RuntimeException e) {
                stop(e);
            }
        }
    }

    /**
     * Stops accepting events and hands every batch still held over to the recorder; then the
     * recorder can be finished.
     *
     * @return whether the session was still recording (its recorder had not failed)
     */
    boolean finish() {
        closed = true;
        synchronized (lock) {
            for (Batch batch : allBatches) {
                handOver(batch);
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
     * Returns the current thread's batch: from the thread's slot while this session is the one that
     * used it last (one monitor enabled, the usual case), else from the thread-local.
     */
    private Batch batch(ProbeThread thread) {
        Batch batch = (Batch) thread.slot(this);
        if (batch == null) {
            batch = batches.get();
            if (batch == null) {
                batch = new Batch(kind == MonitorKind.FUNCTIONS);
                batches.set(batch);
                synchronized (lock) {
                    allBatches.add(batch);
                }
            }
            thread.putSlot(this, batch);
        }
        return batch;
    }

    // Called with lock held, by the batch's thread when the batch is full or by finish.
    private void handOver(Batch batch) {
        int size = (int) SIZE.getAcquire(batch);
        if (recording && size > 0) {
            try {
                recorder.recordAll(batch.records(size, nextIndex));
                nextIndex += size;
            } catch (RuntimeException e) {
                stop(e);
            }
        }
        batch.size = 0;
    }

    // Called with lock held.
    private void stop(RuntimeException e) {
        recording = false;
        closed = true;
        MonitorBase.report(monitor, "recording stopped", e);
    }

    /**
     * The events of one thread not yet handed over. Only its thread adds to it; see the class comment
     * for how {@link #finish()} reads it.
     */
    private final class Batch {

        private final Object[] functionsOrLines; // the function name, or the LineSite
        private final String[] filenames;
        private final int[] lineNos;
        private final FunctionEvent[] events;
        private int size; // written by the thread with a release store; reset to 0 under lock

        Batch(boolean functions) {
            this.functionsOrLines = new Object[BATCH_SIZE];
            this.filenames = functions ? new String[BATCH_SIZE] : null;
            this.lineNos = functions ? new int[BATCH_SIZE] : null;
            this.events = functions ? new FunctionEvent[BATCH_SIZE] : null;
        }

        void add(FunctionEvent event, String function, int lineNo, String filename) {
            int i = size;
            events[i] = event;
            functionsOrLines[i] = function;
            lineNos[i] = lineNo;
            filenames[i] = filename;
            added(i + 1);
        }

        void add(LineSite site) {
            int i = size;
            functionsOrLines[i] = site;
            added(i + 1);
        }

        private void added(int newSize) {
            SIZE.setRelease(this, newSize);
            if (newSize == BATCH_SIZE) {
                synchronized (lock) {
                    handOver(this);
                }
            }
        }

        /** Makes the batch's first {@code count} records, numbered from {@code firstIndex}. */
        List<MonitorRecord> records(int count, long firstIndex) {
            MonitorRecord[] records = new MonitorRecord[count];
            for (int i = 0; i < count; i++) {
                long index = firstIndex + i;
                if (events != null) {
                    records[i] = new FunctionRecord(index, events[i].text(), (String) functionsOrLines[i], lineNos[i],
                            filenames[i]);
                } else {
                    LineSite site = (LineSite) functionsOrLines[i];
                    MethodSite method = site.method();
                    records[i] = new LineRecord(index, method.name(), site.line(), site.text(), method.filename());
                }
            }
            return List.of(records);
        }
    }
}
