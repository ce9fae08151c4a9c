package io.pikos.monitors;

import io.pikos.records.FunctionMemoryRecord;
import io.pikos.recorders.Recorder;

import java.lang.reflect.Executable;

/**
 * A {@link FunctionMemoryMonitor} that records only while the current thread is inside one of its focus
 * methods: from the focus method's call to its return, through everything it calls, recursion
 * included. Other threads, and the code around the focus methods, are not recorded.
 */
public final class FocusedFunctionMemoryMonitor extends FunctionMemoryMonitor {

    /**
     * Creates a monitor focused on methods or constructors.
     *
     * @param recorder where the records go
     * @param focus    the focus methods; at least one
     * @throws IllegalArgumentException if no focus method is given
     */
    public FocusedFunctionMemoryMonitor(Recorder<? super FunctionMemoryRecord> recorder, Executable... focus) {
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
    public FocusedFunctionMemoryMonitor(Recorder<? super FunctionMemoryRecord> recorder, String... focus) {
        super(recorder, Focus.of(focus));
    }
}
