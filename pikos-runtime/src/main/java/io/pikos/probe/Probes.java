package io.pikos.probe;

import io.pikos.internal.dispatch.Dispatcher;
import io.pikos.internal.config.ProductionSwitch;
import io.pikos.internal.dispatch.FunctionEvent;

import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The entry points woven code calls. This set is small and stable: the AspectJ method hooks and the
 * line probes inserted at build time call nothing else in pikos on their hot path.
 *
 * <p>Each entry point takes an id that build-time code registered once with {@link Sites}. With no
 * monitor enabled, the guards ({@link #methodsOn()}, and the line probes' {@code invokedynamic}) are
 * call-site constants the JIT folds to {@code false}: no load, no allocation, no lock, no write. The
 * work of making a record lives in separate methods that run only when a monitor is enabled, so the
 * guard stays small enough to inline into every woven method.
 *
 * <p>Line probes reach {@link #line(int)} through two {@code invokedynamic} call sites, linked by
 * {@link #bootstrapLinesOn} and {@link #bootstrapLine}: see those methods for why.
 *
 * <p>All methods may be called from any thread; none throws.
 */
public final class Probes {

    private static final MethodHandle LINE;
    private static final MethodHandle NOTHING = MethodHandles.empty(MethodType.methodType(void.class));

    static {
        try {
            LINE = MethodHandles.lookup().findStatic(Probes.class, "line", MethodType.methodType(void.class, int.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
        // Woven code is running: the production switch becomes reachable, and -Dpikos.* applies.
        ProductionSwitch.start();
    }

    private Probes() {
    }

    /**
     * Tells whether any enabled monitor wants method events: the guard hooks test before they look
     * up an id, so that nothing else runs while monitoring is off.
     *
     * @return whether method events are recorded
     */
    public static boolean methodsOn() {
        return Dispatcher.methodsOn();
    }

    /**
     * Tells whether any enabled monitor wants line events.
     *
     * @return whether line events are recorded
     */
    public static boolean linesOn() {
        return Dispatcher.linesOn();
    }

    /**
     * A woven method or constructor was entered: records {@code call}.
     *
     * @param methodId the id from {@link Sites#method}
     */
    public static void methodEnter(int methodId) {
        if (Dispatcher.methodsOn()) {
            method(FunctionEvent.CALL, methodId, 0);
        }
    }

    /**
     * A woven method or constructor returned normally: records {@code return}.
     *
     * @param methodId the id from {@link Sites#method}
     * @param lineNo   the line that returned, as a class file numbers lines (1 to 65535), or 0 if not known
     *                 (the record then carries the declaring line)
     */
    public static void methodReturn(int methodId, int lineNo) {
        if (Dispatcher.methodsOn()) {
            method(FunctionEvent.RETURN, methodId, lineNo);
        }
    }

    /**
     * A woven method or constructor was left by a throw: records {@code exception}.
     *
     * @param methodId the id from {@link Sites#method}
     */
    public static void methodThrow(int methodId) {
        if (Dispatcher.methodsOn()) {
            method(FunctionEvent.EXCEPTION, methodId, 0);
        }
    }

    /**
     * Woven code is about to call code that is not woven: records {@code c_call}.
     *
     * @param callId the id from {@link Sites#callOut}
     */
    public static void callOutEnter(int callId) {
        if (Dispatcher.methodsOn()) {
            callOut(FunctionEvent.C_CALL, callId);
        }
    }

    /**
     * A call into code that is not woven returned normally: records {@code c_return}.
     *
     * @param callId the id from {@link Sites#callOut}
     */
    public static void callOutReturn(int callId) {
        if (Dispatcher.methodsOn()) {
            callOut(FunctionEvent.C_RETURN, callId);
        }
    }

    /**
     * A call into code that is not woven ended by a throw: records {@code c_exception}.
     *
     * @param callId the id from {@link Sites#callOut}
     */
    public static void callOutThrow(int callId) {
        if (Dispatcher.methodsOn()) {
            callOut(FunctionEvent.C_EXCEPTION, callId);
        }
    }

    /**
     * A source line of a woven method is about to execute: records a line.
     *
     * @param lineId the id from {@link Sites#line(int, int)}
     */
    public static void line(int lineId) {
        if (Dispatcher.linesOn()) {
            try {
                Dispatcher.line(lineId);
            } catch (OutOfMemoryError e) {
                // The program filled the heap: the event is lost, the error is not the program's.
            }
        }
    }

    /**
     * Links the guard a line-instrumented method reads once on entry, {@code invokedynamic ()Z}: every
     * such call site shares one target that returns whether any monitor wants line events, as a
     * constant. While no line monitor is enabled the JIT folds the guard to {@code false} and removes
     * the method's line probes from compiled code entirely; enabling one retargets the call site, which
     * makes the JVM recompile the code that depends on it. A method already running when a line monitor
     * is enabled keeps its guard until it is called again (as Python's tracer, which starts tracing a
     * frame when it is entered); a monitor disabled while a method runs stops recording at once.
     *
     * @param lookup the instrumented class's lookup, unused
     * @param name   the call site's name, unused
     * @param type   {@code ()Z}
     * @return the shared call site
     */
    public static CallSite bootstrapLinesOn(MethodHandles.Lookup lookup, String name, MethodType type) {
        return Dispatcher.LINES_ON_SITE;
    }

    /**
     * Links one line probe, {@code invokedynamic ()V}, the first time it runs with lines on: registers
     * the line (and its method) with {@link Sites} and binds its id into a call of {@link #line(int)}.
     * Lines that never run while a line monitor is enabled are never registered. A line whose source
     * text is only a closing brace is linked to a probe that does nothing: it holds no statement, only
     * code the compiler put there (javac's implicit return of a void method, the jump back of a loop
     * over an {@code Iterable}), and Python's tracer reports statements. Never throws: a line that
     * cannot be registered (or linked: no memory left) is linked to a probe that does nothing.
     *
     * @param lookup           the instrumented class's lookup: the class is its lookup class
     * @param name             the call site's name, unused
     * @param type             {@code ()V}
     * @param sourceFile       the class's source file name from its {@code SourceFile} attribute, or
     *                         an empty string
     * @param methodName       the name of the method holding the line
     * @param methodDescriptor that method's descriptor
     * @param firstLine        the first line of that method's code
     * @param line             the line
     * @return a call site bound to the line's id
     */
    public static CallSite bootstrapLine(MethodHandles.Lookup lookup, String name, MethodType type, String sourceFile,
                                         String methodName, String methodDescriptor, int firstLine, int line) {
        try {
            int methodId = Sites.method(lookup.lookupClass(), sourceFile.isEmpty() ? null : sourceFile, methodName,
                    methodDescriptor, firstLine);
            int lineId = Sites.line(methodId, line);
            if (Sites.line(lineId).isClosingBrace()) {
                return new ConstantCallSite(NOTHING);
            }
            return new ConstantCallSite(MethodHandles.insertArguments(LINE, 0, lineId));
        } catch (RuntimeException | OutOfMemoryError e) {
            return new ConstantCallSite(NOTHING);
        }
    }

    // These and line(int) catch an OutOfMemoryError that pikos' own code meets before a monitor sees the
    // event (the thread's first event, a file's metadata looked up): the event is lost, and the error,
    // which the program caused by filling the heap, is not thrown into it at a place it cannot be.
    private static void method(FunctionEvent event, int methodId, int lineNo) {
        try {
            Dispatcher.method(event, methodId, lineNo);
        } catch (OutOfMemoryError e) {
            // lost, see above
        }
    }

    private static void callOut(FunctionEvent event, int callId) {
        try {
            Dispatcher.callOut(event, callId);
        } catch (OutOfMemoryError e) {
            // lost, see above
        }
    }
}
