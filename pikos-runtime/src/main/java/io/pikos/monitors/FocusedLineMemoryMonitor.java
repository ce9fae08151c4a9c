package io.pikos.monitors;

import io.pikos.records.LineMemoryRecord;
import io.pikos.recorders.Recorder;

import java.lang.reflect.Executable;

/**
 * A {@link LineMemoryMonitor} that records only the lines of its focus methods, on every thread and in every
 * activation, recursion included; lines of the methods they call are not recorded. This is the seed's
 * focused line monitor, which keeps a line when the frame running it is a focus function: a
 * line-by-line profile of the methods named, with what they call seen only through its cost.
 */
public final class FocusedLineMemoryMonitor extends LineMemoryMonitor {

    /**
     * Creates a monitor focused on methods or constructors.
     *
     * @param recorder where the records go
     * @param focus    the focus methods; at least one
     * @throws IllegalArgumentException if no focus method is given
     */
    public FocusedLineMemoryMonitor(Recorder<? super LineMemoryRecord> recorder, Executable... focus) {
        super(recorder, Focus.of(focus));
    }

    /**
     * Creates a monitor focused on methods named {@code pkg.Class.method} (every overload; nested
     * classes as {@code pkg.Outer.Inner.method} or {@code pkg.Outer$Inner.method}, constructors as
     * {@code pkg.Class.<init>}).
     *
     * @param recorder where the records go
     * @param focus    the focus methods' names; at least one
     * @throws IllegalArgumentException if no name is given, or one is not of the form {@code pkg.Class.method}
     */
    public FocusedLineMemoryMonitor(Recorder<? super LineMemoryRecord> recorder, String... focus) {
        super(recorder, Focus.of(focus));
    }
}
