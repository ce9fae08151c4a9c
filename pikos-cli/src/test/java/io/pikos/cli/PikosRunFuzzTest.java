package io.pikos.cli;

import io.pikos.cli.demo.Greeter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random command lines, from a vocabulary of right and wrong words and of garbage (a fixed seed, so a
 * failure repeats): pikos-run either runs the program or says what is wrong in one line with status
 * 2; it never prints a stack trace of its own.
 */
class PikosRunFuzzTest {

    @TempDir
    static Path dir;

    @Test
    void any_command_line_gets_a_run_or_one_clear_line() throws URISyntaxException {
        String classes = Path.of(Greeter.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        List<String> vocabulary = List.of("functions", "lines", "function_memory", "line_memory", "calls", "",
                "--recording", "--recording=csv", "--recording=jfr", "--recording=xml", "screen", "text", "csv",
                "-o", "--output=" + dir.resolve("out.csv"), dir.resolve("missing/out.csv").toString(), "--buffered",
                "--focused-on", "--focused-on=greet", "--focused-on=Phrases.greet", "--focused-on=nope", ",", "a,,b",
                "-cp", classes, "io.pikos.cli.demo.Greeter", "io.pikos.cli.demo.Nobody", "not a class", "Missing.java",
                "missing.jar", dir.toString(), "--weave", "--weave=io.pikos.cli.demo.*", "--weave=,", "--", "-x",
                "-h", "--frob", "\u0000", "ünïcödé", "-", "--recording=", "=", "--output");
        Random random = new Random(20261129);
        for (int attempt = 0; attempt < 150; attempt++) {
            List<String> args = new ArrayList<>();
            for (int words = random.nextInt(7); words >= 0; words--) {
                args.add(vocabulary.get(random.nextInt(vocabulary.size())));
            }
            Captured run = Captured.run(args.toArray(String[]::new));
            int status = run.status();
            String errors = run.err();
            String what = "pikos-run " + args + " gave status " + status + " and:\n" + errors;
            assertFalse(errors.contains("\tat ") || errors.contains("Exception"), what);
            if (status == 2) {
                assertEquals(1, errors.lines().count(), what);
                assertTrue(errors.startsWith("pikos-run: "), what);
            } else {
                assertEquals(0, status, what);
            }
        }
    }
}
