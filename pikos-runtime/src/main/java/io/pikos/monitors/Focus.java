package io.pikos.monitors;

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
            return name.equals(site.name())
                    && (descriptor == null || descriptor.equals(site.descriptor()))
                    && (className.equals(site.className()) || className.equals(site.className().replace('$', '.')));
        }
    }

    /** Per thread: {generation, depth}. A generation older than the monitor's is a depth of 0. */
    private final ThreadLocal<int[]> depths = ThreadLocal.withInitial(() -> new int[2]);
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
     */
    boolean onMethod(ProbeThread thread, boolean entry, MethodSite site) {
        int[] depth = depth(thread);
        boolean isFocus = contains(site);
        if (entry) {
            if (isFocus) {
                depth[1]++;
            }
            return depth[1] > 0;
        }
        boolean inside = depth[1] > 0;
        if (isFocus && inside) {
            depth[1]--;
        }
        return inside;
    }

    /** Tells whether the current thread is in focus. */
    boolean inFocus(ProbeThread thread) {
        return depth(thread)[1] > 0;
    }

    /** The current thread's {generation, depth}: from its probe state's slot, else the thread-local. */
    private int[] depth(ProbeThread thread) {
        int[] depth = (int[]) thread.slot(slotId);
        if (depth == null) {
            depth = depths.get();
            thread.putSlot(slotId, depth);
        }
        if (depth[0] != generation) {
            depth[0] = generation;
            depth[1] = 0;
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
