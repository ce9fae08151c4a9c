package io.pikos.weaver.internal.hooks;

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
     * Enables the monitor of an annotated method for one execution.
     *
     * @param joinPoint the method's execution join point
     * @return the enabled monitor, to disable when the execution ends, or {@code null} if there is none
     */
    public static Monitor enable(JoinPoint.StaticPart joinPoint) {
        Object known = MONITORS.computeIfAbsent(joinPoint, MonitoredMethods::create);
        if (known == BROKEN) {
            return null;
        }
        Monitor monitor = (Monitor) known;
        try {
            return monitor.enable();
        } catch (RuntimeException | LinkageError e) {
            // Reported once: the method is not monitored from now on.
            MONITORS.put(joinPoint, BROKEN);
            report(joinPoint, e);
            return null;
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
