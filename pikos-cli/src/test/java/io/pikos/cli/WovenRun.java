package io.pikos.cli;

import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A single-file program run in this JVM by pikos-run, woven in-process as any program is, under one
 * monitor recording to a CSV file; and the records read back.
 *
 * @param status the exit status pikos-run returned
 * @param out    what the program wrote to standard output
 * @param err    what was written to standard error
 * @param rows   the CSV records
 */
record WovenRun(int status, String out, String err, List<CSVRecord> rows) {

    /**
     * Writes {@code name.java} into {@code dir} and runs it with {@code --recording=csv}, every class woven.
     *
     * @param options more options for pikos-run, such as {@code --buffered} or {@code --focused-on=...}
     */
    static WovenRun of(Path dir, String monitor, String name, String source, String... options) throws IOException {
        Path file = Files.writeString(dir.resolve(name + ".java"), source);
        Path csv = dir.resolve(name + "-" + monitor + ".csv");
        List<String> args = new ArrayList<>(List.of(monitor, file.toString(), "--recording=csv", "--output=" + csv));
        args.addAll(List.of(options));
        args.addAll(List.of("--weave", "*", "--"));
        Captured run = Captured.run(args.toArray(String[]::new));
        return new WovenRun(run.status(), run.out(), run.err(), CsvRecords.read(csv));
    }

    /** The method events, {@code type function}, without the calls out of woven code ({@code c_*}). */
    List<String> events() {
        return rows.stream().filter(r -> !r.get("type").startsWith("c_")).map(r -> r.get("type") + " " + r.get("function"))
                .toList();
    }
}
