package io.pikos.internal.monitored;

import io.pikos.annotations.Monitored;
import io.pikos.internal.config.MonitorFactory;
import io.pikos.monitors.Monitor;
import io.pikos.records.MonitorRecord;
import io.pikos.recorders.Recorder;
import org.aspectj.lang.JoinPoint;
import org.aspectj.lang.Signature;
import org.aspectj.lang.reflect.ConstructorSignature;
import org.aspectj.lang.reflect.MethodSignature;

import java.lang.reflect.Executable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The monitors of {@code @Monitored} methods: one per annotated method, made the first time it runs.
 *
 * <p>A monitor that cannot be made or enabled (an output that cannot be written, a recording not
 * available) is reported once on standard error; the method then runs unmonitored, as it would unwoven.
 */
public final class MonitoredMethods {

    /** Stands for a method whose monitor could not be made: nothing to enable. */
    private static final Object BROKEN = new Object();

    private static final Map<JoinPoint.StaticPart, Object> MONITORS = new ConcurrentHashMap<>();

    private MonitoredMethods() {
    }

    /**
     * Enables the monitor of an annotated method for one execution. A monitor that fails to enable
     * marks the method as unmonitored, so that the matching {@link #exit} does nothing: enabling
     * can only fail at the outermost level, when no execution of the method is under way.
     *
     * @param joinPoint the method's execution join point
     */
    public static void enter(JoinPoint.StaticPart joinPoint) {
        Object known = MONITORS.computeIfAbsent(joinPoint, MonitoredMethods::create);
        if (known instanceof Monitor monitor) {
            try {
                monitor.enable();
            } catch (RuntimeException | LinkageError e) {
                MONITORS.put(joinPoint, BROKEN);
                report(joinPoint, e);
            }
        }
    }

    /**
     * Disables the monitor of an annotated method at the end of one execution, normal or by a throw.
     *
     * @param joinPoint the method's execution join point
     */
    public static void exit(JoinPoint.StaticPart joinPoint) {
        if (MONITORS.get(joinPoint) instanceof Monitor monitor) {
            monitor.disable();
        }
    }

    private static Object create(JoinPoint.StaticPart joinPoint) {
        Executable method = executable(joinPoint.getSignature());
        Monitored settings = method.getAnnotation(Monitored.class);
        try {
            Recorder<MonitorRecord> recorder = MonitorFactory.recorder(settings.recording(), settings.output(), false);
            return settings.focused()
                    ? MonitorFactory.monitor(settings.monitor(), recorder, method)
                    : MonitorFactory.monitor(settings.monitor(), recorder);
        } catch (RuntimeException | LinkageError e) {
            report(joinPoint, e);
            return BROKEN;
        }
    }

    private static Executable executable(Signature signature) {
        return signature instanceof ConstructorSignature constructor
                ? constructor.getConstructor()
                : ((MethodSignature) signature).getMethod();
    }

    private static void report(JoinPoint.StaticPart joinPoint, Throwable e) {
        System.err.println("pikos: @Monitored " + joinPoint.getSignature().toLongString()
                + " runs unmonitored: " + e.getMessage());
    }
}
