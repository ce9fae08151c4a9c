package io.pikos.monitors;

import java.util.concurrent.Callable;

/**
 * Watches woven code run and sends records to a recorder.
 *
 * <p>Enable and disable nest, as the seed's {@code KeepTrack}: only the outermost {@link #enable()}
 * prepares the recorder and starts recording, only the matching outermost {@link #disable()} stops
 * recording and finishes the recorder. After a full disable the monitor can be enabled again.
 * A monitor records the woven code that runs on any thread while it is enabled, and may be enabled
 * and disabled from any thread.
 *
 * <pre>{@code
 * try (Monitor m = new FunctionMonitor(screen()).enable()) {
 *     work();
 * }
 * }</pre>
 */
public interface Monitor extends AutoCloseable {

    /**
     * Starts recording, or nests one level deeper if already enabled.
     *
     * @return this monitor, for try-with-resources
     * @throws io.pikos.recorders.RecorderException if the recorder cannot be prepared (its file cannot be
     *                                              written); the monitor then stays disabled
     */
    Monitor enable();

    /**
     * Leaves one level of enabling; the outermost stops recording and finishes the recorder.
     * A recorder that fails to finish is reported on standard error, not thrown.
     *
     * @throws IllegalStateException if the monitor is not enabled
     */
    void disable();

    /** Same as {@link #disable()}. */
    @Override
    void close();

    /**
     * Wraps code so that the monitor is enabled while it runs, as the seed's {@code attach} decorator.
     *
     * @param code the code to monitor
     * @return code that enables this monitor, runs {@code code}, and disables it, also when {@code code} throws
     */
    default Runnable attach(Runnable code) {
        return () -> {
            enable();
            try {
                code.run();
            } finally {
                disable();
            }
        };
    }

    /**
     * Wraps code so that the monitor is enabled while it runs, keeping its result and its exceptions
     * unchanged.
     *
     * @param code the code to monitor
     * @param <V>  the result type
     * @return code that enables this monitor, calls {@code code}, and disables it, also when {@code code} throws
     */
    default <V> Callable<V> attach(Callable<V> code) {
        return () -> {
            enable();
            try {
                return code.call();
            } finally {
                disable();
            }
        };
    }
}
