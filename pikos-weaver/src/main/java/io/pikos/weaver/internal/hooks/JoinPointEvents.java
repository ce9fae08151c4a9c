package io.pikos.weaver.internal.hooks;

import io.pikos.probe.Probes;
import io.pikos.probe.Sites;
import org.aspectj.lang.JoinPoint;
import org.aspectj.lang.Signature;
import org.aspectj.lang.reflect.CodeSignature;
import org.aspectj.lang.reflect.ConstructorSignature;
import org.aspectj.lang.reflect.InitializerSignature;
import org.aspectj.lang.reflect.MethodSignature;
import org.aspectj.lang.reflect.SourceLocation;

import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns AspectJ join points into the runtime's {@link Sites} ids, once per join point, and reports
 * their events to {@link Probes}. The hooks call it only while a monitor is enabled.
 *
 * <p>Each join point's static part is one object, held in a static final field of its woven class, so
 * the ids are kept in a table keyed by its identity: after the first event of a join point, finding its
 * id is an identity hash and an array read or two.
 *
 * <p>Two kinds of join point make no record: the {@code staticinitialization} of a class that has no
 * static initializer in its source (AspectJ gives every woven class one, at line 0), and a call whose
 * callee is woven (its own hooks record it).
 *
 * <p>Looking a join point up allocates the first time. If the program has used the heap up, the
 * {@link OutOfMemoryError} is caught and the event lost: unwoven, the program allocates nothing at that
 * place, so the error is not its to see there.
 */
public final class JoinPointEvents {

    /** Marks a join point that makes no record. */
    private static final int NO_RECORD = -1;

    private static final JoinPointTable JOIN_POINTS = new JoinPointTable();

    /** Classes that carry AspectJ join point fields were woven, so their methods record themselves. */
    private static final ClassValue<Boolean> WOVEN = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getName().startsWith("ajc$tjp_")) {
                    return Boolean.TRUE;
                }
            }
            return Boolean.FALSE;
        }
    };

    /** Per class of object called: whether the method a call site invokes on it is declared in woven code. */
    private static final ClassValue<Callees> CALLEES = new ClassValue<>() {
        @Override
        protected Callees computeValue(Class<?> type) {
            return new Callees(type);
        }
    };

    private JoinPointEvents() {
    }

    /**
     * Records the {@code call} of a woven method, constructor or static initializer.
     *
     * @param joinPoint an {@code execution} or {@code staticinitialization} join point
     */
    public static void methodEnter(JoinPoint.StaticPart joinPoint) {
        try {
            int id = method(joinPoint);
            if (id != NO_RECORD) {
                Probes.methodEnter(id);
            }
        } catch (OutOfMemoryError e) {
            // The event is lost; see the class comment.
        }
    }

    /**
     * Records the {@code return} of a woven method, constructor or static initializer.
     *
     * @param joinPoint an {@code execution} or {@code staticinitialization} join point
     */
    public static void methodReturn(JoinPoint.StaticPart joinPoint) {
        try {
            int id = method(joinPoint);
            if (id != NO_RECORD) {
                Probes.methodReturn(id, 0);
            }
        } catch (OutOfMemoryError e) {
            // The event is lost; see the class comment.
        }
    }

    /**
     * Records the {@code exception} that leaves a woven method, constructor or static initializer.
     *
     * @param joinPoint an {@code execution} or {@code staticinitialization} join point
     */
    public static void methodThrow(JoinPoint.StaticPart joinPoint) {
        try {
            int id = method(joinPoint);
            if (id != NO_RECORD) {
                Probes.methodThrow(id);
            }
        } catch (OutOfMemoryError e) {
            // The event is lost; see the class comment.
        }
    }

    /**
     * Records the {@code c_call} of a call from woven code, unless the callee is woven.
     *
     * @param call          the {@code call} join point
     * @param enclosing     the join point of the method making the call
     * @param runtimeTarget the class of the object called, or {@code null} for static calls and constructors
     */
    public static void callOutEnter(JoinPoint.StaticPart call, JoinPoint.StaticPart enclosing, Class<?> runtimeTarget) {
        try {
            int id = callOut(call, enclosing, runtimeTarget);
            if (id != NO_RECORD) {
                Probes.callOutEnter(id);
            }
        } catch (OutOfMemoryError e) {
            // The event is lost; see the class comment.
        }
    }

    /**
     * Records the {@code c_return} of a call from woven code, unless the callee is woven.
     *
     * @param call          the {@code call} join point
     * @param enclosing     the join point of the method making the call
     * @param runtimeTarget the class of the object called, or {@code null} for static calls and constructors
     */
    public static void callOutReturn(JoinPoint.StaticPart call, JoinPoint.StaticPart enclosing, Class<?> runtimeTarget) {
        try {
            int id = callOut(call, enclosing, runtimeTarget);
            if (id != NO_RECORD) {
                Probes.callOutReturn(id);
            }
        } catch (OutOfMemoryError e) {
            // The event is lost; see the class comment.
        }
    }

    /**
     * Records the {@code c_exception} of a call from woven code, unless the callee is woven.
     *
     * @param call          the {@code call} join point
     * @param enclosing     the join point of the method making the call
     * @param runtimeTarget the class of the object called, or {@code null} for static calls and constructors
     */
    public static void callOutThrow(JoinPoint.StaticPart call, JoinPoint.StaticPart enclosing, Class<?> runtimeTarget) {
        try {
            int id = callOut(call, enclosing, runtimeTarget);
            if (id != NO_RECORD) {
                Probes.callOutThrow(id);
            }
        } catch (OutOfMemoryError e) {
            // The event is lost; see the class comment.
        }
    }

    // The first event of a join point, and a call whose callee's class changed, take methods of their own,
    // so that the JIT need not inline them into every hook: the code it compiles for a hook stays small
    // enough to be inlined into the woven method itself.
    private static int method(JoinPoint.StaticPart joinPoint) {
        JoinPointSite site = JOIN_POINTS.get(joinPoint);
        if (site == null) {
            site = addMethod(joinPoint);
        }
        return site.id;
    }

    private static int callOut(JoinPoint.StaticPart call, JoinPoint.StaticPart enclosing, Class<?> runtimeTarget) {
        JoinPointSite site = JOIN_POINTS.get(call);
        if (site == null) {
            site = addCallOut(call, enclosing);
        }
        Callee last = site.lastCallee;
        if (last == null || last.target != runtimeTarget) {
            last = decide(site, call, runtimeTarget);
        }
        return last.woven ? NO_RECORD : site.id;
    }

    private static JoinPointSite addMethod(JoinPoint.StaticPart joinPoint) {
        return JOIN_POINTS.add(joinPoint, register(joinPoint));
    }

    private static JoinPointSite addCallOut(JoinPoint.StaticPart call, JoinPoint.StaticPart enclosing) {
        int caller = method(enclosing);
        return JOIN_POINTS.add(call, caller == NO_RECORD ? NO_RECORD
                : Sites.callOut(caller, name(call.getSignature()), call.getSourceLocation().getLine()));
    }

    private static Callee decide(JoinPointSite site, JoinPoint.StaticPart call, Class<?> runtimeTarget) {
        boolean woven = runtimeTarget != null ? CALLEES.get(runtimeTarget).isWoven(call)
                : WOVEN.get(call.getSignature().getDeclaringType());
        Callee decided = new Callee(runtimeTarget, woven);
        site.lastCallee = decided; // a racing reader sees the old decision or this one, each whole
        return decided;
    }

    private static int register(JoinPoint.StaticPart joinPoint) {
        Signature signature = joinPoint.getSignature();
        SourceLocation location = joinPoint.getSourceLocation();
        if (signature instanceof InitializerSignature && location.getLine() == 0) {
            return NO_RECORD;
        }
        return Sites.method(signature.getDeclaringType(), location.getFileName(), name(signature),
                descriptor(signature), location.getLine());
    }

    private static String name(Signature signature) {
        if (signature instanceof ConstructorSignature) {
            return "<init>";
        }
        if (signature instanceof InitializerSignature) {
            return "<clinit>";
        }
        return signature.getName();
    }

    private static String descriptor(Signature signature) {
        if (signature instanceof InitializerSignature) {
            return "()V";
        }
        Class<?> returnType = signature instanceof MethodSignature method ? method.getReturnType() : void.class;
        Class<?>[] parameters = signature instanceof CodeSignature code ? code.getParameterTypes() : new Class<?>[0];
        return MethodType.methodType(returnType, parameters).toMethodDescriptorString();
    }

    /** What is known of one join point: its id, and for a call whether its callee was last found woven. */
    private static final class JoinPointSite {

        final JoinPoint.StaticPart joinPoint;
        final int id; // NO_RECORD if the join point makes no record
        Callee lastCallee; // a call's last decision; written without a lock, read racily: each Callee is immutable

        JoinPointSite(JoinPoint.StaticPart joinPoint, int id) {
            this.joinPoint = joinPoint;
            this.id = id;
        }
    }

    /**
     * Whether a call's callee is woven, for objects of one class ({@code null} for static calls and
     * constructors). A call site usually sees one class of object, so the decision is made once.
     */
    private record Callee(Class<?> target, boolean woven) {
    }

    /**
     * The join points seen so far, by identity: an open-addressed hash table read without a lock,
     * written under one. A reader that races with a writer may miss a site being added, and then adds
     * it under the lock, where it finds the one already there; each {@link JoinPointSite} is published
     * whole by its final fields. A join point's static part lives as long as its class, and so does its
     * site here, as the classes' ids in {@link Sites} do.
     */
    private static final class JoinPointTable {

        private volatile JoinPointSite[] sites = new JoinPointSite[1024];
        private int size; // guarded by this

        JoinPointSite get(JoinPoint.StaticPart joinPoint) {
            JoinPointSite[] table = sites;
            int mask = table.length - 1;
            for (int i = System.identityHashCode(joinPoint) & mask; ; i = (i + 1) & mask) {
                JoinPointSite site = table[i];
                if (site == null || site.joinPoint == joinPoint) {
                    return site;
                }
            }
        }

        synchronized JoinPointSite add(JoinPoint.StaticPart joinPoint, int id) {
            JoinPointSite known = get(joinPoint);
            if (known != null) {
                return known;
            }
            JoinPointSite[] table = sites;
            if (2 * (size + 1) > table.length) {
                JoinPointSite[] grown = new JoinPointSite[table.length * 2];
                for (JoinPointSite site : table) {
                    if (site != null) {
                        insert(grown, site);
                    }
                }
                table = grown;
            }
            JoinPointSite site = new JoinPointSite(joinPoint, id);
            insert(table, site);
            size++;
            sites = table;
            return site;
        }

        private static void insert(JoinPointSite[] table, JoinPointSite site) {
            int mask = table.length - 1;
            int i = System.identityHashCode(site.joinPoint) & mask;
            while (table[i] != null) {
                i = (i + 1) & mask;
            }
            table[i] = site;
        }
    }

    /**
     * Which methods of one runtime class are woven. A call to an inherited method runs the
     * superclass's code: {@code color.name()} on a woven enum runs {@code Enum.name()}, which is not
     * woven, so it is a call-out. Decided once per call site by looking the method up the hierarchy.
     */
    private static final class Callees {

        private final Class<?> type;
        private final Map<JoinPoint.StaticPart, Boolean> woven = new ConcurrentHashMap<>();

        Callees(Class<?> type) {
            this.type = type;
        }

        boolean isWoven(JoinPoint.StaticPart call) {
            return woven.computeIfAbsent(call, this::declaredInWovenCode);
        }

        private boolean declaredInWovenCode(JoinPoint.StaticPart call) {
            Signature signature = call.getSignature();
            Class<?>[] parameters = signature instanceof CodeSignature code ? code.getParameterTypes() : new Class<?>[0];
            for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                try {
                    c.getDeclaredMethod(signature.getName(), parameters);
                    return WOVEN.get(c);
                } catch (NoSuchMethodException e) {
                    // inherited: look further up
                }
            }
            // An interface's default method: woven if the interface that declares it is.
            return WOVEN.get(signature.getDeclaringType());
        }
    }
}
