package io.pikos.probe;

import io.pikos.internal.dispatch.Dispatcher;
import io.pikos.internal.dispatch.FunctionEvent;

/**
 * The entry points woven code calls. This set is small and stable: the AspectJ method hooks and the
 * line probes inserted at build time call nothing else in pikos on their hot path.
 *
 * <p>Each entry point takes an id that build-time code registered once with {@link Sites}. With no
 * monitor enabled, an entry point is one read of a volatile boolean and a branch: no allocation, no
 * lock, no write, nothing the JIT cannot inline. The work of making a record lives in separate
 * methods that run only when a monitor is enabled, so the guard stays small enough to inline into
 * every woven method.
 *
 * <p>All methods may be called from any thread; none throws.
 */
public final class Probes {

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
     * @param lineNo   the line that returned, or 0 if not known (the record then carries the declaring line)
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
            Dispatcher.line(Sites.line(lineId));
        }
    }

    private static void method(FunctionEvent event, int methodId, int lineNo) {
        MethodSite site = Sites.method(methodId);
        Dispatcher.method(event, site, lineNo > 0 ? lineNo : site.line());
    }

    private static void callOut(FunctionEvent event, int callId) {
        Dispatcher.callOut(event, Sites.callOut(callId));
    }
}
