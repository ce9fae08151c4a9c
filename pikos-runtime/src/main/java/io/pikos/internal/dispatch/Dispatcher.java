package io.pikos.internal.dispatch;

import io.pikos.probe.CallOutSite;
import io.pikos.probe.LineSite;
import io.pikos.probe.MethodSite;
import io.pikos.probe.Sites;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MutableCallSite;
import java.util.Arrays;

/**
 * Hands probe events to the enabled monitors.
 *
 * <p>The guards are what every probe reads when no monitor is enabled. Each is a call site whose
 * target returns a constant, retargeted only when a monitor is enabled or disabled: the method hooks
 * call {@link #methodsOn()}, which invokes {@link #METHODS_ON_SITE} through a {@code static final}
 * method handle, and each line-instrumented method links its own {@code invokedynamic} to
 * {@link #LINES_ON_SITE}. The JIT treats a call site's target as a constant and recompiles the code
 * that depends on it when the target changes (a monitor enabled from another thread, or through JMX,
 * is seen as soon as compiled code returns into a method that depends on it), so with no monitor
 * enabled a hook or a line probe compiles to nothing at all, where a volatile read would cost a load
 * and a branch each time. {@link #linesOn()} is a plain volatile flag, for code that checks again
 * after the guard.
 *
 * <p>A thread that is already inside the dispatcher (a recorder or filter calling woven code) is not
 * dispatched again, so monitoring can never recurse into itself. Listeners receive the thread's
 * {@link ProbeThread}, where a monitor can keep its per-thread state.
 *
 * <p>The common case has a path of its own: while the only listener for method events (or for line
 * events) has an {@link EventSink}, each such event goes straight into the thread's batch for that
 * sink, with no listener called: a thread-local lookup and a store or three.
 */
public final class Dispatcher {

    private static final ProbeListener[] NONE = new ProbeListener[0];
    private static final ThreadLocal<ProbeThread> THREADS = ThreadLocal.withInitial(ProbeThread::new);

    /**
     * Returns whether line events are wanted, as a constant the JIT trusts: the call site every line
     * probe's guard is linked to. Retargeted only when a monitor is enabled or disabled.
     */
    public static final MutableCallSite LINES_ON_SITE = new MutableCallSite(constantBoolean(false));

    /** Whether method events are wanted, as a constant the JIT trusts; see {@link #methodsOn()}. */
    public static final MutableCallSite METHODS_ON_SITE = new MutableCallSite(constantBoolean(false));

    /** Invokes {@link #METHODS_ON_SITE}: a static final handle, so the JIT folds its current target. */
    private static final MethodHandle METHODS_ON = METHODS_ON_SITE.dynamicInvoker();

    private static boolean methodsOn; // guarded by Dispatcher.class: the last value given to METHODS_ON_SITE
    private static volatile boolean linesOn;
    private static volatile ProbeListener[] methodListeners = NONE;
    private static volatile ProbeListener[] lineListeners = NONE;
    private static volatile EventSink methodSink; // the sole method listener's sink, if it has one
    private static volatile EventSink lineSink; // the sole line listener's sink, if it has one

    private Dispatcher() {
    }

    /**
     * Tells whether any enabled monitor wants method events; with none, compiled code folds this to
     * {@code false}.
     *
     * @return whether any enabled monitor wants method events
     */
    public static boolean methodsOn() {
        try {
            return (boolean) METHODS_ON.invokeExact();
        } catch (Throwable impossible) {
            throw new AssertionError(impossible); // the target returns a constant
        }
    }

    /** @return whether any enabled monitor wants line events */
    public static boolean linesOn() {
        return linesOn;
    }

    /**
     * Starts sending events to a listener.
     *
     * @param listener an enabled monitor's listener
     */
    public static synchronized void add(ProbeListener listener) {
        if (listener.wantsMethods()) {
            methodListeners = with(methodListeners, listener);
        }
        if (listener.wantsLines()) {
            lineListeners = with(lineListeners, listener);
        }
        updateGuards();
    }

    /**
     * Stops sending events to a listener. Events already being dispatched on other threads may still
     * reach it.
     *
     * @param listener a listener given to {@link #add}
     */
    public static synchronized void remove(ProbeListener listener) {
        methodListeners = without(methodListeners, listener);
        lineListeners = without(lineListeners, listener);
        updateGuards();
    }

    /**
     * Dispatches a method event. The site is looked up only if a listener is called: the common path
     * needs its id alone.
     *
     * @param event    the event
     * @param methodId the method's id from {@link Sites#method(int)}
     * @param lineNo   the line reported in records, or 0 for the method's own
     */
    public static void method(FunctionEvent event, int methodId, int lineNo) {
        ProbeThread thread = THREADS.get();
        EventSink sink = methodSink;
        if (sink != null) {
            thread.addMethodEvent(sink, event.ordinal(), methodId, lineNo);
        } else {
            toListeners(thread, event, methodId, lineNo);
        }
    }

    // The paths through the listeners are methods of their own, so that the JIT need not inline them
    // where the common path is used: the code it compiles for each probe stays small enough to be
    // inlined into the woven method itself.
    private static void toListeners(ProbeThread thread, FunctionEvent event, int methodId, int lineNo) {
        if (!thread.enter()) {
            return;
        }
        try {
            MethodSite site = Sites.method(methodId);
            for (ProbeListener listener : methodListeners) {
                listener.onMethod(thread, event, site, lineNo);
            }
        } finally {
            thread.exit();
        }
    }

    /**
     * Dispatches a call-out event.
     *
     * @param event  the event
     * @param callId the call's id from {@link Sites#callOut(int)}
     */
    public static void callOut(FunctionEvent event, int callId) {
        ProbeThread thread = THREADS.get();
        EventSink sink = methodSink;
        if (sink != null) {
            thread.addMethodEvent(sink, event.ordinal(), callId, 0);
        } else {
            callOutToListeners(thread, event, callId);
        }
    }

    private static void callOutToListeners(ProbeThread thread, FunctionEvent event, int callId) {
        if (!thread.enter()) {
            return;
        }
        try {
            CallOutSite site = Sites.callOut(callId);
            for (ProbeListener listener : methodListeners) {
                listener.onCallOut(thread, event, site);
            }
        } finally {
            thread.exit();
        }
    }

    /**
     * Dispatches a line event.
     *
     * @param lineId the line's id from {@link Sites#line(int)}
     */
    public static void line(int lineId) {
        ProbeThread thread = THREADS.get();
        EventSink sink = lineSink;
        if (sink != null) {
            thread.addLineEvent(sink, lineId);
        } else {
            lineToListeners(thread, lineId);
        }
    }

    private static void lineToListeners(ProbeThread thread, int lineId) {
        if (!thread.enter()) {
            return;
        }
        try {
            LineSite site = Sites.line(lineId);
            for (ProbeListener listener : lineListeners) {
                listener.onLine(thread, site);
            }
        } finally {
            thread.exit();
        }
    }

    private static void updateGuards() {
        methodSink = soleSink(methodListeners);
        lineSink = soleSink(lineListeners);
        boolean methods = methodListeners.length > 0;
        if (methods != methodsOn) {
            methodsOn = methods;
            METHODS_ON_SITE.setTarget(constantBoolean(methods));
            MutableCallSite.syncAll(new MutableCallSite[] {METHODS_ON_SITE});
        }
        boolean lines = lineListeners.length > 0;
        if (lines != linesOn) {
            linesOn = lines;
            LINES_ON_SITE.setTarget(constantBoolean(lines));
            MutableCallSite.syncAll(new MutableCallSite[] {LINES_ON_SITE});
        }
    }

    private static EventSink soleSink(ProbeListener[] listeners) {
        return listeners.length == 1 ? listeners[0].eventSink() : null;
    }

    private static MethodHandle constantBoolean(boolean value) {
        return MethodHandles.constant(boolean.class, value);
    }

    private static ProbeListener[] with(ProbeListener[] listeners, ProbeListener listener) {
        ProbeListener[] grown = Arrays.copyOf(listeners, listeners.length + 1);
        grown[listeners.length] = listener;
        return grown;
    }

    private static ProbeListener[] without(ProbeListener[] listeners, ProbeListener listener) {
        return Arrays.stream(listeners).filter(l -> l != listener).toArray(ProbeListener[]::new);
    }
}
