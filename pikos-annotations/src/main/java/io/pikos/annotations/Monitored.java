package io.pikos.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Monitors every execution of the annotated method or constructor, as the seed's decorator factories do.
 *
 * <p>When the code is woven, the monitor is created once per annotated method, the first time the
 * method runs, and is enabled for the dynamic extent of each execution. A method called many times
 * therefore writes one header and all its records into one file.
 *
 * <pre>{@code
 * @Monitored(monitor = MonitorKind.FUNCTIONS, recording = Recording.CSV, focused = true)
 * void monitoredFunction() { ... }
 * }</pre>
 *
 * <p>The annotation has no effect on code that is not woven.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.CONSTRUCTOR})
public @interface Monitored {

    /**
     * The monitor to use.
     *
     * @return the monitor kind, {@link MonitorKind#FUNCTIONS} by default
     */
    MonitorKind monitor() default MonitorKind.FUNCTIONS;

    /**
     * Where the records go.
     *
     * @return the recording, {@link Recording#SCREEN} by default
     */
    Recording recording() default Recording.SCREEN;

    /**
     * The file the records are written to; empty for the recording's default
     * ({@code monitor_records.csv}, {@code monitor_records.log}, {@code monitor_records.jfr}).
     * Must be empty for {@link Recording#SCREEN}.
     *
     * @return the output file name, or empty for the default
     */
    String output() default "";

    /**
     * Whether to record only inside this method: its whole dynamic extent on the current thread,
     * recursion included, and not the code that runs around it.
     *
     * @return {@code true} for the focused variant of the monitor
     */
    boolean focused() default false;
}
