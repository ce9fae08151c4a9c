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
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns AspectJ join points into the runtime's {@link Sites} ids, once per join point, and reports
 * their events to {@link Probes}. The hooks call it only while a monitor is enabled.
 *
 * <p>AspectJ numbers the static parts of each woven class from 0 ({@link JoinPoint.StaticPart#getId()}),
 * so the ids are kept in a small array per class: after the first event of a join point, finding
 * its id is a {@link ClassValue} lookup and an array read.
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

    private static final ClassValue<IdTable> METHOD_IDS = idTables();
    private static final ClassValue<IdTable> CALL_OUT_IDS = idTables();

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

    private static int method(JoinPoint.StaticPart joinPoint) {
        SourceLocation location = joinPoint.getSourceLocation();
        IdTable table = METHOD_IDS.get(location.getWithinType());
        int id = table.get(joinPoint.getId());
        if (id == IdTable.UNKNOWN) {
            id = table.put(joinPoint.getId(), register(joinPoint));
        }
        return id;
    }

    private static int callOut(JoinPoint.StaticPart call, JoinPoint.StaticPart enclosing, Class<?> runtimeTarget) {
        SourceLocation location = call.getSourceLocation();
        IdTable table = CALL_OUT_IDS.get(location.getWithinType());
        if (table.calleeWoven(call, runtimeTarget)) {
            return NO_RECORD;
        }
        int id = table.get(call.getId());
        if (id == IdTable.UNKNOWN) {
            int caller = method(enclosing);
            id = table.put(call.getId(), caller == NO_RECORD ? NO_RECORD
                    : Sites.callOut(caller, name(call.getSignature()), location.getLine()));
        }
        return id;
    }

    private static ClassValue<IdTable> idTables() {
        return new ClassValue<>() {
            @Override
            protected IdTable computeValue(Class<?> type) {
                return new IdTable();
            }
        };
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

    /**
     * Ids by join point number within one class; grown on demand, read without a lock. For call
     * sites, also the last decision on whether the callee is woven, with the class it was made for:
     * a call site usually sees one class of object, so the decision is an array read, not a lookup.
     */
    private static final class IdTable {

        static final int UNKNOWN = Integer.MIN_VALUE;

        private volatile int[] ids = filled(new int[16]);
        private volatile Decision[] decisions = new Decision[16];

        /** Whether a call's callee is woven, for objects of one class ({@code null} for static calls). */
        private record Decision(Class<?> target, boolean woven) {
        }

        boolean calleeWoven(JoinPoint.StaticPart call, Class<?> runtimeTarget) {
            int site = call.getId();
            Decision[] known = decisions;
            Decision last = site < known.length ? known[site] : null;
            if (last != null && last.target == runtimeTarget) {
                return last.woven;
            }
            boolean woven = runtimeTarget != null ? CALLEES.get(runtimeTarget).isWoven(call)
                    : WOVEN.get(call.getSignature().getDeclaringType());
            remember(site, new Decision(runtimeTarget, woven));
            return woven;
        }

        private synchronized void remember(int site, Decision decision) {
            Decision[] current = decisions;
            if (site >= current.length) {
                current = Arrays.copyOf(current, Math.max(current.length * 2, site + 1));
            }
            current[site] = decision; // a racing reader sees the old decision or this one, each whole
            decisions = current;
        }

        int get(int joinPoint) {
            int[] current = ids;
            return joinPoint < current.length ? current[joinPoint] : UNKNOWN;
        }

        synchronized int put(int joinPoint, int id) {
            int[] current = ids;
            if (joinPoint >= current.length) {
                int[] grown = filled(new int[Math.max(current.length * 2, joinPoint + 1)]);
                System.arraycopy(current, 0, grown, 0, current.length);
                current = grown;
            }
            current[joinPoint] = id;
            ids = current;
            return id;
        }

        private static int[] filled(int[] ids) {
            Arrays.fill(ids, UNKNOWN);
            return ids;
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
