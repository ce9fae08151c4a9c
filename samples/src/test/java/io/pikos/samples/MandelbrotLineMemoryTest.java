package io.pikos.samples;

import io.pikos.monitors.FocusedLineMemoryMonitor;
import io.pikos.monitors.Monitor;
import io.pikos.recorders.CsvFileRecorder;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seed's example, end to end: {@code mandelbrot} woven and line-instrumented by the samples build,
 * run under a {@code LineMemoryMonitor} focused on it, into a CSV file, as the seed's usage page shows.
 */
class MandelbrotLineMemoryTest {

    private static final Path SOURCE = Path.of("src/main/java/io/pikos/samples/MandelbrotSetExample.java");
    private static final int MAXIT = 7;

    @TempDir
    Path dir;

    @Test
    void records_the_seed_csv_one_row_per_line_of_mandelbrot() throws IOException {
        Path csv = dir.resolve("monitor_records.csv");
        try (Monitor monitor = new FocusedLineMemoryMonitor(new CsvFileRecorder(csv),
                "io.pikos.samples.MandelbrotSetExample.mandelbrot").enable()) {
            MandelbrotSetExample.mandelbrot(40, 30, MAXIT);
        }

        String text = Files.readString(csv);
        assertTrue(text.startsWith("index,function,lineNo,RSS,VMS,line,filename\r\n"), text);
        List<CSVRecord> rows;
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            rows = parser.getRecords();
        }

        List<Integer> expectedLines = expectedLines();
        assertEquals(expectedLines.size(), rows.size());
        List<String> source = Files.readAllLines(SOURCE);
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord row = rows.get(i);
            int lineNo = expectedLines.get(i);
            assertEquals(Integer.toString(i), row.get("index"));
            assertEquals("mandelbrot", row.get("function"));
            assertEquals(Integer.toString(lineNo), row.get("lineNo"), "row " + i);
            assertEquals(source.get(lineNo - 1).stripTrailing(), row.get("line"), "row " + i);
            assertTrue(row.get("filename").endsWith("src/main/java/io/pikos/samples/MandelbrotSetExample.java"),
                    row.get("filename"));
            long rss = Long.parseLong(row.get("RSS"));
            long vms = Long.parseLong(row.get("VMS"));
            assertTrue(rss > 0 && vms >= rss, "RSS " + rss + ", VMS " + vms);
        }
    }

    /**
     * The lines of {@code mandelbrot} in the order Python's tracer reports the seed's function: the
     * four set-up lines, then {@code maxit} times the loop's header and its five lines, the header
     * once more when the loop ends, and the return.
     */
    private static List<Integer> expectedLines() throws IOException {
        List<String> source = Files.readAllLines(SOURCE);
        int signature = indexOf(source, "public static int[][] mandelbrot(int h, int w, int maxit) {");
        int loop = indexOf(source, "for (int i = 0; i < maxit; i++) {");
        int ret = indexOf(source, "return divtime;");
        List<Integer> lines = new ArrayList<>();
        for (int line = signature + 2; line < loop + 1; line++) {
            if (!source.get(line - 1).isBlank()) {
                lines.add(line);
            }
        }
        assertEquals(4, lines.size(), "the set-up lines: " + lines);
        for (int i = 0; i < MAXIT; i++) {
            lines.add(loop + 1);
            for (int line = loop + 2; line <= loop + 6; line++) {
                lines.add(line);
            }
        }
        lines.add(loop + 1);
        lines.add(ret + 1);
        return lines;
    }

    private static int indexOf(List<String> source, String code) {
        for (int i = 0; i < source.size(); i++) {
            if (source.get(i).strip().equals(code)) {
                return i;
            }
        }
        throw new AssertionError("not in " + SOURCE + ": " + code);
    }
}
