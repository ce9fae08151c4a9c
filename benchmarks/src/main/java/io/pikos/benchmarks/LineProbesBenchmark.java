package io.pikos.benchmarks;

import io.pikos.benchmarks.lines.LinedLoop;
import io.pikos.monitors.LineMonitor;
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
 * The cost of line probes on tight loops, in one run, for two loop shapes: (a) {@code sumPositive}, a
 * loop over an array with a test and an accumulation on lines of their own, and (b) {@code sumMixed},
 * a loop that calls a small three-line method of the same class at each iteration. For each shape:
 * the copy javac wrote ({@link UnlinedLoop}), the copy the line pass instrumented
 * ({@link LinedLoop}) with no line monitor enabled, and the instrumented copy with a
 * {@link LineMonitor} enabled into a recorder that drops every record.
 *
 * <p>The array is built in a trial-level setup and read from a non-final field, and each result is
 * returned to JMH, so the JIT can neither fold the loop to a constant nor drop it as dead code.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class LineProbesBenchmark {

    /** How many numbers each operation goes through. */
    public static final int SIZE = 1000;

    /**
     * The line records one call of {@code sumPositive} makes over {@link #input()}: 2 on entry
     * ({@code int sum = 0} and the {@code for} header), then for each element the read, the
     * {@code if}, the accumulation for the three quarters that are positive, and the {@code for}
     * header again (at {@code i++}), and last the {@code return}. {@code WeavingTest} checks the figure.
     */
    public static final int SUM_POSITIVE_LINES = 2 + SIZE * 3 + SIZE / 4 * 3 + 1;

    /**
     * The line records one call of {@code sumMixed} makes over {@link #input()}: 2 on entry, then for
     * each element the line that calls {@code mix}, the three lines of {@code mix} and the {@code for}
     * header again, and last the {@code return}. {@code WeavingTest} checks the figure.
     */
    public static final int SUM_MIXED_LINES = 2 + SIZE * (2 + 3) + 1;

    private int[] values;

    /**
     * The numbers both shapes go through: 1, 2, 3, -4, 5, 6, 7, -8, ... so that the test in
     * {@code sumPositive} follows a pattern the branch predictor learns, and the loop stays tight.
     *
     * @return a new array of {@link #SIZE} numbers
     */
    public static int[] input() {
        int[] numbers = new int[SIZE];
        for (int i = 0; i < SIZE; i++) {
            int n = i + 1;
            numbers[i] = n % 4 == 0 ? -n : n;
        }
        return numbers;
    }

    /** Builds the input. */
    @Setup(Level.Trial)
    public void fill() {
        values = input();
    }

    /** Runs the instrumented copy with a line monitor enabled for the whole trial. */
    @State(Scope.Thread)
    public static class LinesOn {

        private Monitor monitor;

        /** Enables a line monitor that drops its records. */
        @Setup(Level.Trial)
        public void enable() {
            monitor = new LineMonitor(new NullRecorder()).enable();
        }

        /** Disables it, so later benchmarks in the same JVM run with no monitor. */
        @TearDown(Level.Trial)
        public void disable() {
            monitor.disable();
        }
    }

    /**
     * Shape (a), the baseline: plain javac bytecode.
     *
     * @return the sum, consumed by JMH
     */
    @Benchmark
    public int sumPositiveUninstrumented() {
        return UnlinedLoop.sumPositive(values);
    }

    /**
     * Shape (a), line probes with no line monitor enabled: the budget is at most 5 % over
     * {@link #sumPositiveUninstrumented()}.
     *
     * @return the sum, consumed by JMH
     */
    @Benchmark
    public int sumPositiveInstrumentedOff() {
        return LinedLoop.sumPositive(values);
    }

    /**
     * Shape (a), line probes with a line monitor enabled into a recorder that drops records:
     * {@link #SUM_POSITIVE_LINES} records per operation.
     *
     * @param on the enabled monitor
     * @return the sum, consumed by JMH
     */
    @Benchmark
    public int sumPositiveInstrumentedOnNullRecorder(LinesOn on) {
        return LinedLoop.sumPositive(values);
    }

    /**
     * Shape (b), the baseline: plain javac bytecode.
     *
     * @return the sum, consumed by JMH
     */
    @Benchmark
    public int sumMixedUninstrumented() {
        return UnlinedLoop.sumMixed(values);
    }

    /**
     * Shape (b), line probes with no line monitor enabled: the budget is at most 5 % over
     * {@link #sumMixedUninstrumented()}.
     *
     * @return the sum, consumed by JMH
     */
    @Benchmark
    public int sumMixedInstrumentedOff() {
        return LinedLoop.sumMixed(values);
    }

    /**
     * Shape (b), line probes with a line monitor enabled into a recorder that drops records:
     * {@link #SUM_MIXED_LINES} records per operation.
     *
     * @param on the enabled monitor
     * @return the sum, consumed by JMH
     */
    @Benchmark
    public int sumMixedInstrumentedOnNullRecorder(LinesOn on) {
        return LinedLoop.sumMixed(values);
    }
}
