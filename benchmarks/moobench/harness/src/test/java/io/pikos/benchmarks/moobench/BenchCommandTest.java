package io.pikos.benchmarks.moobench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchCommandTest {

    @TempDir
    Path root;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(BenchCommand.CaseRunner runner, String... args) {
        return new BenchCommand(root, runner, "pikos-bench " + String.join(" ", args))
                .execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** A runner that reports, for each case, an outer call of (ordinal + 1) × 100 ns. */
    private static BenchCommand.CaseRunner fake(List<String> ran) {
        return (c, options) -> {
            ran.add(c.caseName());
            long[] durations = new long[options.calls()];
            for (int i = 0; i < durations.length; i++) {
                durations[i] = (c.ordinal() + 1) * 100L + i % 3 - 1;
            }
            Statistics s = Statistics.of(durations, durations.length / 2, durations.length);
            return new CaseResult(c.caseName(), s, options.depth(), 24, 0, 0, "fake", 5);
        };
    }

    @Test
    void help_prints_the_usage_and_runs_nothing() {
        List<String> ran = new ArrayList<>();
        assertEquals(0, run(fake(ran), "--help"));
        assertTrue(out().startsWith("usage: pikos-bench [--quick]"), out());
        assertTrue(out().contains("pikos-functions-list"), out());
        assertEquals(List.of(), ran);
    }

    @Test
    void the_launcher_script_prints_the_same_help() throws IOException {
        String script = Files.readString(Path.of("../../../bin/pikos-bench"));
        int start = script.indexOf("cat <<'EOF'\n") + "cat <<'EOF'\n".length();
        String help = script.substring(start, script.indexOf("\nEOF\n", start) + 1);
        assertEquals(BenchCommand.USAGE, help);
    }

    @Test
    void a_bad_option_gets_one_line_and_status_2() {
        for (String[] args : new String[][] {{"--fast"}, {"--runs", "0"}, {"--calls"}, {"--calls", "many"},
                {"--cases", "pikos-everything"}, {"--quick=yes"}, {"extra"}}) {
            out.reset();
            err.reset();
            List<String> ran = new ArrayList<>();
            assertEquals(2, run(fake(ran), args), String.join(" ", args));
            assertEquals(1, err().lines().count(), err());
            assertTrue(err().startsWith("pikos-bench: "), err());
            assertEquals("", out());
            assertEquals(List.of(), ran);
        }
    }

    @Test
    void quick_runs_every_case_once_and_prints_one_row_per_case_in_order() throws IOException {
        List<String> ran = new ArrayList<>();
        assertEquals(0, run(fake(ran), "--quick", "--calls", "1000"));
        List<String> names = Stream.of(Case.values()).map(Case::caseName).toList();
        assertEquals(names, ran);
        List<String> rows = out().lines().toList();
        assertEquals(2 + names.size(), rows.size(), out());
        assertEquals("| case | ns per monitored call | ratio to baseline | ratio to kieker-no-writer | 95 % CI (ns) |",
                rows.get(0));
        for (int i = 0; i < names.size(); i++) {
            assertTrue(rows.get(2 + i).startsWith("| " + names.get(i) + " | "), rows.get(2 + i));
        }
        // baseline: 100 ns per outer call, 10 per monitored call; kieker-no-writer is the 9th case (900 ns).
        assertTrue(rows.get(2).startsWith("| baseline | 10.00 | 1.00 | 0.11 | "), rows.get(2));
        assertTrue(rows.get(10).startsWith("| kieker-no-writer | 90.00 | 9.00 | 1.00 | "), rows.get(10));
        try (Stream<Path> files = Files.list(root.resolve("benchmarks/results"))) {
            List<Path> written = files.toList();
            assertEquals(1, written.size());
            String text = Files.readString(written.get(0));
            assertTrue(text.contains(out()), text);
            assertTrue(text.contains("| nproc | "), text);
            assertTrue(text.contains("Command: `pikos-bench --quick --calls 1000`"), text);
        }
    }

    @Test
    void full_mode_runs_every_case_in_each_run_before_the_next_run() {
        List<String> ran = new ArrayList<>();
        assertEquals(0, run(fake(ran), "--runs", "2", "--calls", "100", "--cases", "kieker-binary,baseline"));
        assertEquals(List.of("baseline", "kieker-binary", "baseline", "kieker-binary"), ran);
        assertTrue(out().contains("| kieker-binary | 100.00 | 10.00 | – | "), out());
    }

    @Test
    void a_failing_case_stops_the_run_with_status_1() {
        assertEquals(1, run((c, o) -> {
            throw new IOException("no JVM");
        }, "--quick", "--cases", "baseline"));
        assertTrue(err().contains("baseline failed: no JVM"), err());
    }

    @Test
    void result_lines_round_trip() {
        Statistics s = Statistics.of(new long[] {1, 2, 3, 4}, 0, 4);
        String line = Driver.RESULT_PREFIX + " case=baseline calls=4 depth=10 methodTime=0 count=4 mean=" + s.mean()
                + " m2=" + s.m2() + " median=" + s.median() + " recordsPerCall=NaN gcCount=1 gcMillis=2 sink=0"
                + " notes=two words";
        CaseResult result = CaseResult.parse(line, 9);
        assertEquals("baseline", result.caseName());
        assertEquals(s, result.perOuterCall());
        assertEquals(0.25, result.perMonitoredCall().mean(), 1e-12);
        assertEquals("two words", result.notes());
        assertTrue(Double.isNaN(result.recordsPerCall()));
    }
}
