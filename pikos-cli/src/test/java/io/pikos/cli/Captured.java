package io.pikos.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * pikos-run in this JVM with standard output and error captured, as the program run sees them too.
 *
 * @param status the exit status {@link PikosRun#execute} returned
 * @param out    what was written to standard output
 * @param err    what was written to standard error
 */
record Captured(int status, String out, String err) {

    List<String> errLines() {
        return err.lines().toList();
    }

    static Captured run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        PrintStream capturedOut = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream capturedErr = new PrintStream(err, true, StandardCharsets.UTF_8);
        System.setOut(capturedOut);
        System.setErr(capturedErr);
        int status;
        try {
            status = PikosRun.execute(args, capturedOut, capturedErr);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        return new Captured(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
