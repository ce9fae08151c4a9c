package io.pikos.benchmarks;

import io.pikos.benchmarks.woven.WovenTarget;
import io.pikos.monitors.FocusedFunctionMonitor;
import io.pikos.monitors.FunctionMemoryMonitor;
import io.pikos.monitors.FunctionMonitor;
import io.pikos.monitors.Monitor;
import io.pikos.records.FunctionRecord;
import io.pikos.records.MonitorRecord;
import io.pikos.recorders.CsvStreamRecorder;
import io.pikos.recorders.JfrRecorder;
import io.pikos.recorders.ListRecorder;
import io.pikos.recorders.Recorder;
import io.pikos.recorders.TextStreamRecorder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * What the MooBench harness cannot isolate: one record through each recorder on its own; a focused
 * monitor on code outside its focus (the hooks run, no record is made); and 1, 2 and 8 threads
 * recording through one monitor at once (per call, so that throughput is threads / score).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RecordingBenchmark {

    /** One recorder, prepared for the trial, and a record to hand it. */
    @State(Scope.Thread)
    public static class OneRecorder {

        @Param({"list", "csv", "text", "jfr"})
        public String recorder;

        private final FunctionRecord record = new FunctionRecord(0, "call", "monitoredMethod", 12,
                "src/main/java/io/pikos/benchmarks/Work.java");
        private Recorder<MonitorRecord> target;
        private Path jfrFile;

        /** Makes and prepares the recorder; a list is made anew each iteration, so that it stays small. */
        @Setup(Level.Iteration)
        @SuppressWarnings("unchecked")
        public void prepare() throws IOException {
            target = switch (recorder) {
                case "list" -> (Recorder<MonitorRecord>) (Recorder<?>) new ListRecorder<MonitorRecord>();
                case "csv" -> new CsvStreamRecorder(Writer.nullWriter());
                case "text" -> new TextStreamRecorder(Writer.nullWriter(), null, false, true);
                case "jfr" -> new JfrRecorder(jfrFile = Files.createTempFile("pikos-bench", ".jfr"));
                default -> throw new IllegalArgumentException(recorder);
            };
            target.prepare(FunctionRecord.class);
        }

        /** Finishes it. */
        @TearDown(Level.Iteration)
        public void finish() throws IOException {
            target.finish();
            if (jfrFile != null) {
                Files.deleteIfExists(jfrFile);
            }
        }
    }

    /**
     * A function monitor into a recorder that drops records, taking them one by one ({@code all}) or in
     * batches ({@code allInBatches}), a focused one whose focus is never entered, or a function memory
     * monitor ({@code memory}: each record samples the process memory, and takes the lock).
     */
    @State(Scope.Benchmark)
    public static class SharedMonitor {

        @Param({"all", "allInBatches", "outsideFocus", "memory"})
        public String focus;

        private Monitor monitor;

        /** Enables the monitor for the trial. */
        @Setup(Level.Trial)
        public void enable() {
            monitor = switch (focus) {
                case "all" -> new FunctionMonitor(new NullRecorder());
                case "allInBatches" -> new FunctionMonitor(NullRecorder.inBatches());
                case "memory" -> new FunctionMemoryMonitor(NullRecorder.inBatches());
                default -> new FocusedFunctionMonitor(new NullRecorder(), "io.pikos.benchmarks.woven.WovenTarget.never");
            };
            monitor.enable();
        }

        /** Disables it. */
        @TearDown(Level.Trial)
        public void disable() {
            monitor.disable();
        }
    }

    /** Per-thread arguments, read from fields so that the call cannot be folded. */
    @State(Scope.Thread)
    public static class Arguments {
        public int a = 17;
        public int b = 25;
    }

    /**
     * One record handed to a prepared recorder: its own cost, without a monitor.
     *
     * @param one the recorder
     */
    @Benchmark
    public void recordOne(OneRecorder one) {
        one.target.record(one.record);
    }

    /**
     * One call of the woven method, one thread: two records, or none outside the focus.
     *
     * @param monitor the enabled monitor
     * @param args    the arguments
     * @return the sum, consumed by JMH
     */
    @Benchmark
    @Threads(1)
    public int call1Thread(SharedMonitor monitor, Arguments args) {
        return WovenTarget.add(args.a, args.b);
    }

    /**
     * The same, two threads through one monitor.
     *
     * @param monitor the enabled monitor
     * @param args    the arguments
     * @return the sum, consumed by JMH
     */
    @Benchmark
    @Threads(2)
    public int call2Threads(SharedMonitor monitor, Arguments args) {
        return WovenTarget.add(args.a, args.b);
    }

    /**
     * The same, eight threads through one monitor (on this 2-core machine, four per core).
     *
     * @param monitor the enabled monitor
     * @param args    the arguments
     * @return the sum, consumed by JMH
     */
    @Benchmark
    @Threads(8)
    public int call8Threads(SharedMonitor monitor, Arguments args) {
        return WovenTarget.add(args.a, args.b);
    }
}
