package io.pikos.internal.records;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The recordings whose records wait in per-thread batches, so that a recorder flushed when the JVM
 * exits can have them handed over first: buffered records are flushed on {@code System.exit} even if
 * no one disables the monitor.
 */
public final class OpenBatches {

    private static final Set<Runnable> OPEN = ConcurrentHashMap.newKeySet();

    private OpenBatches() {
    }

    /**
     * Registers a recording that holds records in batches.
     *
     * @param finish ends the recording and hands its batches over; run at most once by {@link #finishAll()}
     */
    public static void opened(Runnable finish) {
        OPEN.add(finish);
    }

    /**
     * Forgets a recording that has ended.
     *
     * @param finish what was given to {@link #opened}
     */
    public static void closed(Runnable finish) {
        OPEN.remove(finish);
    }

    /** Ends every open recording, handing its batches over: called when the JVM exits. */
    public static void finishAll() {
        for (Runnable finish : OPEN.toArray(new Runnable[0])) {
            finish.run();
        }
    }
}
