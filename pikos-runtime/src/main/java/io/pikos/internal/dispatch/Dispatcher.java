package io.pikos.internal.dispatch;

import io.pikos.probe.CallOutSite;
import io.pikos.probe.LineSite;
import io.pikos.probe.MethodSite;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MutableCallSite;
import java.util.Arrays;

/**
 * Hands probe events to the enabled monitors.
 *
 * <p>The two guards, {@link #methodsOn()} and {@link #linesOn()}, are what every probe reads when no
 * monitor is enabled. They are volatile so that a monitor enabled from another thread (or through
 * JMX) is seen promptly even by a loop the JIT has compiled; on x86 and ARM a volatile read is a plain
 * load. They are written only when a monitor is enabled or disabled.
 *
 * <p>Line probes read a third guard, {@link #LINES_ON_SITE}: a call site whose target returns
 * {@link #linesOn()} as a constant. The JIT treats a call site's target as a constant and recompiles
 * the code that depends on it when the target changes, so a disabled line probe compiles to nothing
 * at all, even inside a tight loop where one volatile read per line would be measurable.
 *
 * <p>A thread that is already inside the dispatcher (a recorder or filter calling woven code) is not
 * dispatched again, so monitoring can never recurse into itself.
 */
public final class Dispatcher {

    private static final ProbeListener[] NONE = new ProbeListener[0];
    private static final ThreadLocal<boolean[]> DISPATCHING = ThreadLocal.withInitial(() -> new boolean[1]);

    /**
     * Returns whether line events are wanted, as a constant the JIT trusts: the call site every line
     * probe's guard is linked to. Retargeted only when a monitor is enabled or disabled.
     */
    public static final MutableCallSite LINES_ON_SITE = new MutableCallSite(constantBoolean(false));

    private static volatile boolean methodsOn;
    private static volatile boolean linesOn;
    private static volatile ProbeListener[] methodListeners = NONE;
    private static volatile ProbeListener[] lineListeners = NONE;

    private Dispatcher() {
    }

    /** @return whether any enabled monitor wants method events */
    public static boolean methodsOn() {
        return methodsOn;
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
     * Dispatches a method event.
     *
     * @param event  the event
     * @param site   the method
     * @param lineNo the line reported in records
     */
    public static void method(FunctionEvent event, MethodSite site, int lineNo) {
        boolean[] dispatching = DISPATCHING.get();
        if (dispatching[0]) {
            return;
        }
        dispatching[0] = true;
        try {
            for (ProbeListener listener : methodListeners) {
                listener.onMethod(event, site, lineNo);
            }
        } finally {
            dispatching[0] = false;
        }
    }

    /**
     * Dispatches a call-out event.
     *
     * @param event the event
     * @param site  the call
     */
    public static void callOut(FunctionEvent event, CallOutSite site) {
        boolean[] dispatching = DISPATCHING.get();
        if (dispatching[0]) {
            return;
        }
        dispatching[0] = true;
        try {
            for (ProbeListener listener : methodListeners) {
                listener.onCallOut(event, site);
            }
        } finally {
            dispatching[0] = false;
        }
    }

    /**
     * Dispatches a line event.
     *
     * @param site the line
     */
    public static void line(LineSite site) {
        boolean[] dispatching = DISPATCHING.get();
        if (dispatching[0]) {
            return;
        }
        dispatching[0] = true;
        try {
            for (ProbeListener listener : lineListeners) {
                listener.onLine(site);
            }
        } finally {
            dispatching[0] = false;
        }
    }

    private static void updateGuards() {
        methodsOn = methodListeners.length > 0;
        boolean lines = lineListeners.length > 0;
        if (lines != linesOn) {
            linesOn = lines;
            LINES_ON_SITE.setTarget(constantBoolean(lines));
            MutableCallSite.syncAll(new MutableCallSite[] {LINES_ON_SITE});
        }
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
