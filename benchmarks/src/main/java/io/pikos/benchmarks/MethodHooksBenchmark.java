package io.pikos.benchmarks;

import io.pikos.benchmarks.woven.WovenTarget;
import io.pikos.monitors.FunctionMonitor;
import io.pikos.monitors.Monitor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.TimeUnit;

/**
 * The cost of the method hooks on one call of a tiny static method, in one run: the unwoven method,
 * the woven copy with no monitor enabled, and the woven copy with a {@link FunctionMonitor} enabled
 * into a recorder that drops every record (so each call makes a {@code call} and a {@code return}
 * record and nothing more).
 *
 * <p>The arguments are read from non-final state fields and the sum is returned to JMH, so the JIT
 * can neither fold the call away nor drop it as dead code.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class MethodHooksBenchmark {

    private int a = 17;
    private int b = 25;

    /** Runs the woven method with a function monitor enabled for the whole trial. */
    @State(Scope.Thread)
    public static class MonitorOn {

        private Monitor monitor;

        /** Enables a function monitor that drops its records. */
        @Setup(Level.Trial)
        public void enable() {
            monitor = new FunctionMonitor(new NullRecorder()).enable();
        }

        /** Disables it, so later benchmarks in the same JVM run with no monitor. */
        @TearDown(Level.Trial)
        public void disable() {
            monitor.disable();
        }
    }

    /**
     * The baseline: plain javac bytecode.
     *
     * @return the sum, consumed by JMH
     */
    @Benchmark
    public int unwoven() {
        return UnwovenTarget.add(a, b);
    }

    /**
     * Woven, no monitor enabled: the budget is at most 1 ns over {@link #unwoven()}.
     *
     * @return the sum, consumed by JMH
     */
    @Benchmark
    public int wovenOff() {
        return WovenTarget.add(a, b);
    }

    /**
     * Woven, with a function monitor enabled into a recorder that drops records: two records per call.
     *
     * @param on the enabled monitor
     * @return the sum, consumed by JMH
     */
    @Benchmark
    public int wovenOnNullRecorder(MonitorOn on) {
        return WovenTarget.add(a, b);
    }
}
