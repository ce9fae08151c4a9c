package io.pikos.monitors;

import io.pikos.internal.dispatch.FunctionEvent;
import io.pikos.internal.dispatch.ProbeThread;
import io.pikos.probe.MethodSite;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The methods a focused monitor records, and, per thread, how deep the thread is in them.
 *
 * <p>For function monitors a thread is in focus from the {@code call} of a focus method to its
 * matching {@code return} or {@code exception}, through everything called in between; recursion
 * nests. Line monitors ask only whether a line belongs to a focus method ({@link #contains}). Whether
 * a method is a focus method is decided once per method and kept by the method's id.
 */
final class Focus {

    private record Target(String className, String name, String descriptor) {
        boolean matches(MethodSite site) {
            return matches(site.className(), site.name(), site.descriptor());
        }

        boolean matches(String siteClass, String siteName, String siteDescriptor) {
            return name.equals(siteName)
                    && (descriptor == null || descriptor.equals(siteDescriptor))
                    && (className.equals(siteClass) || className.equals(siteClass.replace('$', '.')));
        }
    }

    private static final int GENERATION = 0;
    private static final int DEPTH = 1;
    private static final int UNWINDING = 2;

    /**
     * Per thread: {generation, depth, unwinding}. A generation older than the monitor's is a depth of 0.
     * Unwinding is set while an exception leaves focus methods: see {@link #onMethod}.
     */
    private final ThreadLocal<int[]> depths = ThreadLocal.withInitial(() -> new int[3]);
    private static final StackWalker STACK = StackWalker.getInstance();

    private final long slotId = ProbeThread.newOwnerId();
    private final List<Target> targets;
    private volatile byte[] decided = new byte[64]; // by method id: 0 not yet, 1 focus, 2 not focus
    private volatile int generation;

    private Focus(List<Target> targets) {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("a focused monitor needs at least one focus method");
        }
        this.targets = List.copyOf(targets);
    }

    static Focus of(Executable... methods) {
        List<Target> targets = new ArrayList<>();
        for (Executable method : methods) {
            String name = method instanceof Constructor ? "<init>" : method.getName();
            Class<?> returnType = method instanceof Method m ? m.getReturnType() : void.class;
            String descriptor = MethodType.methodType(returnType, method.getParameterTypes()).toMethodDescriptorString();
            targets.add(new Target(method.getDeclaringClass().getName(), name, descriptor));
        }
        return new Focus(targets);
    }

    static Focus of(String... names) {
        List<Target> targets = new ArrayList<>();
        for (String name : names) {
            int dot = name.lastIndexOf('.');
            if (dot <= 0 || dot == name.length() - 1) {
                throw new IllegalArgumentException("focus '" + name + "' is not of the form pkg.Class.method");
            }
            targets.add(new Target(name.substring(0, dot), name.substring(dot + 1), null));
        }
        return new Focus(targets);
    }

    /** Forgets every thread's depth: called when the monitor is enabled anew. */
    void reset() {
        generation++;
    }

    /**
     * Follows a method event and tells whether it falls in focus. A focus method's own call and its
     * return are in focus.
     *
     * <p>The depth counts calls and exits, and an exit can be lost: a {@link StackOverflowError} leaves
     * no stack for the {@code exception} probes of the frames nearest the overflow (the JVM keeps a
     * shadow zone of many frames), and an {@link OutOfMemoryError} can strike inside a probe. Both
     * strike only while an exception leaves methods, so after an {@code exception} recorded in focus
     * the depth is taken from the stack itself at the next other event: the number of focus methods'
     * frames on it. One stack walk per exception caught in focus.
     */
    boolean onMethod(ProbeThread thread, FunctionEvent event, MethodSite site) {
        int[] depth = depth(thread);
        boolean isFocus = contains(site);
        if (event == FunctionEvent.CALL) {
            if (depth[UNWINDING] != 0) {
                depth[DEPTH] = framesInFocus() - (isFocus ? 1 : 0); // the called method's frame is on the stack
                depth[UNWINDING] = 0;
            }
            if (isFocus) {
                depth[DEPTH]++;
            }
            return depth[DEPTH] > 0;
        }
        if (event == FunctionEvent.RETURN && depth[UNWINDING] != 0) {
            depth[DEPTH] = framesInFocus();
            depth[UNWINDING] = 0;
        }
        boolean inside = depth[DEPTH] > 0;
        if (isFocus && inside) {
            depth[DEPTH]--;
        }
        if (event == FunctionEvent.EXCEPTION && depth[DEPTH] > 0) {
            depth[UNWINDING] = 1;
        }
        return inside;
    }

    /** Tells whether the current thread is in focus (see {@link #onMethod} for how the depth is kept right). */
    boolean inFocus(ProbeThread thread) {
        int[] depth = depth(thread);
        if (depth[UNWINDING] != 0) {
            depth[DEPTH] = framesInFocus();
            depth[UNWINDING] = 0;
        }
        return depth[DEPTH] > 0;
    }

    /** The frames of focus methods on the current thread's stack. */
    private int framesInFocus() {
        return STACK.walk(frames -> (int) frames.filter(frame -> targets.stream().anyMatch(
                target -> target.matches(frame.getClassName(), frame.getMethodName(), frame.getDescriptor()))).count());
    }

    /** The current thread's {generation, depth}: from its probe state's slot, else the thread-local. */
    private int[] depth(ProbeThread thread) {
        int[] depth = (int[]) thread.slot(slotId);
        if (depth == null) {
            depth = depths.get();
            thread.putSlot(slotId, depth);
        }
        if (depth[GENERATION] != generation) {
            depth[GENERATION] = generation;
            depth[DEPTH] = 0;
            depth[UNWINDING] = 0;
        }
        return depth;
    }

    /** Tells whether a method is one of the focus methods. */
    boolean contains(MethodSite site) {
        int id = site.id();
        byte[] known = decided;
        if (id < known.length && known[id] != 0) {
            return known[id] == 1;
        }
        boolean focus = targets.stream().anyMatch(target -> target.matches(site));
        synchronized (this) {
            known = decided;
            if (id >= known.length) {
                known = Arrays.copyOf(known, Math.max(known.length * 2, id + 1));
            }
            known[id] = (byte) (focus ? 1 : 2);
            decided = known;
        }
        return focus;
    }
}
