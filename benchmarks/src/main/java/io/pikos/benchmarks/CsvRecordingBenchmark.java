package io.pikos.benchmarks;

import io.pikos.records.FunctionRecord;
import io.pikos.records.LineMemoryRecord;
import io.pikos.records.MonitorRecord;
import io.pikos.recorders.CsvFileRecorder;
import io.pikos.recorders.CsvStreamRecorder;
import io.pikos.recorders.Recorder;
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

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * CSV rows per second through the CSV recorders, without a monitor (issue 7, DESIGN budget "CSV file
 * recorder ≥ 3 million records per second sustained"): a buffered {@link CsvFileRecorder} into a real
 * file (a fresh one each iteration, deleted after), a {@link CsvStreamRecorder} over an
 * {@link OutputStreamWriter} (UTF-8) into a null stream, and one over the null stream itself.
 *
 * <p>The records cycle through 4,096 made in advance, with the same {@code String} instances recurring
 * as a monitor's do (a few event types, method names and file names; source lines, one with commas
 * that must be quoted) and indices and memory sizes of realistic widths.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class CsvRecordingBenchmark {

    private static final int RECORDS = 4096; // a power of two

    private static final String[] TYPES = {"call", "return", "c_call", "c_return"};
    private static final String[] FUNCTIONS = {"monitoredMethod", "<init>", "nanoTime", "compute", "run",
        "lambda$main$0", "toString", "hashCode"};
    private static final String[] FILES = {"src/main/java/io/pikos/benchmarks/Work.java",
        "io/pikos/samples/MandelbrotSetExample.java", "java/lang/System.java", "Main.java"};
    private static final String[] LINES = {"        int sum = 0;", "        for (int i = 0; i < n; i++) {",
        "            sum += values[i] * weight(i, n);", "        return sum;", "    }",
        "        System.out.println(\"done\");"};

    /** Where the rows go: {@code file}, {@code writer} (UTF-8 writer over a null stream), {@code stream} (the null stream). */
    @Param({"file", "writer", "stream"})
    public String sink;

    /** {@code function} ({@code FunctionRecord}) or {@code lineMemory} ({@code LineMemoryRecord}). */
    @Param({"function", "lineMemory"})
    public String records;

    private MonitorRecord[] batch;
    private Class<? extends MonitorRecord> type;
    private Recorder<MonitorRecord> recorder;
    private Path file;
    private int next;

    /** Makes the records. */
    @Setup(Level.Trial)
    public void makeRecords() {
        batch = new MonitorRecord[RECORDS];
        for (int i = 0; i < RECORDS; i++) {
            long index = 12_345_678L + i;
            String function = FUNCTIONS[i % FUNCTIONS.length];
            String filename = FILES[(i / 7) % FILES.length];
            batch[i] = switch (records) {
                case "function" -> new FunctionRecord(index, TYPES[i % TYPES.length], function, 10 + i % 400, filename);
                case "lineMemory" -> new LineMemoryRecord(index, function, 10 + i % 400, 64_679_936L + 4096L * (i % 97),
                        382_787_584L + 4096L * (i % 89), LINES[i % LINES.length], filename);
                default -> throw new IllegalArgumentException(records);
            };
        }
        type = batch[0].getClass();
    }

    /** Makes and prepares the recorder, on a fresh file for {@code file}. */
    @Setup(Level.Iteration)
    public void prepare() throws IOException {
        recorder = switch (sink) {
            case "file" -> new CsvFileRecorder(file = Files.createTempFile("pikos-csv-bench", ".csv"));
            case "writer" -> new CsvStreamRecorder(new OutputStreamWriter(OutputStream.nullOutputStream(),
                    StandardCharsets.UTF_8));
            case "stream" -> new CsvStreamRecorder(OutputStream.nullOutputStream());
            default -> throw new IllegalArgumentException(sink);
        };
        recorder.prepare(type);
    }

    /** Finishes the recorder (flushing and closing the file, which is then deleted). */
    @TearDown(Level.Iteration)
    public void finish() throws IOException {
        recorder.finish();
        if (file != null) {
            Files.deleteIfExists(file);
            file = null;
        }
    }

    /** One row written: the score is rows per second. */
    @Benchmark
    public void row() {
        recorder.record(batch[next]);
        next = (next + 1) & (RECORDS - 1);
    }
}
