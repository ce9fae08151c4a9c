package io.pikos.samples.service;

import io.pikos.management.MonitorsMXBean;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.management.JMX;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.pikos.samples.service.QuoteRecords.FOCUS;
import static io.pikos.samples.service.QuoteRecords.FUNCTION_HEADER;
import static io.pikos.samples.service.QuoteRecords.LINE_HEADER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The switch under load: eight threads run the service's woven computation without pause while the
 * test thread enables and disables a monitor through the MXBean, round after round, each into a new
 * CSV file. After every disable the file must be complete: whole rows, indices 0 to n-1 in order, n
 * equal to the switch's {@code RecordCount}; and a disabled monitor must write nothing more. (The
 * files are parsed once the workers stop, so that parsing does not compete with them; each file is
 * compared with the bytes it held right after its disable.)
 *
 * <p>No sleeps: each round waits for the workers to finish a number of quotes after the enable (and
 * again after the disable), counted on a latch.
 */
class ConcurrentSwitchTest {

    private static final int WORKERS = 8;
    private static final int ROUNDS = 6;
    private static final int QUOTES_PER_ROUND = 2_000;
    private static final String[] ITEMS = {"apple", "pear", "plum", "fig"};
    private static final int[] QUANTITIES = {1, 10, 50, 100};
    private static final long GUARD_SECONDS = ServiceProcess.GUARD.toSeconds();

    private static PriceService service;
    private static MonitorsMXBean monitors;

    @TempDir
    Path dir;

    private final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    private volatile boolean running = true;
    private volatile CountDownLatch progress = new CountDownLatch(0);

    @BeforeAll
    static void startTheService() throws Exception {
        service = PriceService.start(0);
        monitors = JMX.newMXBeanProxy(ManagementFactory.getPlatformMBeanServer(),
                new ObjectName(MonitorsMXBean.OBJECT_NAME), MonitorsMXBean.class);
    }

    @AfterAll
    static void stopTheService() {
        service.stop();
    }

    @AfterEach
    void switchOff() {
        monitors.disable();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"functions", "lines"})
    void switching_on_and_off_under_load_leaves_complete_files(String monitor) throws Exception {
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            int first = w;
            Thread worker = new Thread(() -> work(first), "quote-worker-" + w);
            worker.start();
            workers.add(worker);
        }
        List<Round> rounds = new ArrayList<>();
        try {
            for (int round = 0; round < ROUNDS; round++) {
                Path csv = dir.resolve(monitor + "-" + round + ".csv");
                monitors.enable(monitor, "csv", csv.toString(), FOCUS);
                assertTrue(monitors.isEnabled());
                assertEquals(monitor, monitors.getMonitor());
                awaitQuotes(QUOTES_PER_ROUND);
                monitors.disable();
                assertFalse(monitors.isEnabled());
                assertEquals("", monitors.getMonitor());
                long recordCount = monitors.getRecordCount();
                byte[] written = Files.readAllBytes(csv);

                awaitQuotes(QUOTES_PER_ROUND); // switched off: the file and the count stay as they are
                assertEquals(written.length, Files.size(csv), csv.toString());
                assertEquals(recordCount, monitors.getRecordCount());
                rounds.add(new Round(csv, written, recordCount));
            }
        } finally {
            running = false;
            for (Thread worker : workers) {
                worker.join(TimeUnit.SECONDS.toMillis(GUARD_SECONDS));
            }
        }
        assertEquals(List.of(), List.copyOf(failures));

        // Parsed once the workers are stopped, for speed: the files are as they were after each disable.
        for (Round round : rounds) {
            assertArrayEquals(round.written(), Files.readAllBytes(round.csv()), round.csv().toString());
            int rows = monitor.equals("functions") ? checkFunctionRows(round.csv()) : checkLineRows(round.csv());
            assertEquals(round.recordCount(), rows, round.csv().toString());
            // Quotes that began before the enable are not recorded: at most one per worker.
            int minimumPerQuote = monitor.equals("functions") ? 14 : 4;
            assertTrue(rows >= (QUOTES_PER_ROUND - WORKERS) * minimumPerQuote, rows + " rows in " + round.csv());
        }
    }

    /** What a round left: its file, the file's bytes right after the disable, the switch's count then. */
    private record Round(Path csv, byte[] written, long recordCount) {
    }

    /** Quotes without pause, checking every answer, until the test ends. */
    private void work(int first) {
        try {
            for (int i = first; running; i++) {
                String item = ITEMS[i % ITEMS.length];
                int quantity = QUANTITIES[(i / ITEMS.length) % QUANTITIES.length];
                String answer = service.quote(item, quantity);
                if (!answer.startsWith(quantity + " x " + item + " at ")) {
                    throw new AssertionError("quote(" + item + ", " + quantity + ") = " + answer);
                }
                progress.countDown();
            }
        } catch (Throwable e) {
            failures.add(e);
        }
    }

    private void awaitQuotes(int quotes) throws InterruptedException {
        CountDownLatch latch = new CountDownLatch(quotes);
        progress = latch;
        assertTrue(latch.await(GUARD_SECONDS, TimeUnit.SECONDS), "the workers are stuck");
        assertEquals(List.of(), List.copyOf(failures));
    }

    /** Checks a functions file row by row; returns the number of rows. */
    private static int checkFunctionRows(Path csv) {
        List<CSVRecord> rows = QuoteRecords.read(csv, FUNCTION_HEADER);
        String root = rows.isEmpty() ? "" : QuoteRecords.root(rows);
        Set<String> types = Set.of("call", "return", "c_call", "c_return");
        Set<String> functions = Set.of("quote", "unitCents", "equals", "percentOff", "total", "money");
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord row = rows.get(i);
            assertEquals(Integer.toString(i), row.get("index"), csv + " row " + i);
            assertTrue(types.contains(row.get("type")), row::toString);
            assertTrue(functions.contains(row.get("function")), row::toString);
            assertTrue(Integer.parseInt(row.get("lineNo")) > 0, row::toString);
            assertTrue(row.get("filename").startsWith(root + "src/main/java/io/pikos/samples/service/"), row::toString);
        }
        return rows.size();
    }

    /** Checks a lines file row by row, each line's text against the source; returns the number of rows. */
    private static int checkLineRows(Path csv) {
        List<CSVRecord> rows = QuoteRecords.read(csv, LINE_HEADER);
        List<String> source = QuoteRecords.source("PriceService.java");
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord row = rows.get(i);
            assertEquals(Integer.toString(i), row.get("index"), csv + " row " + i);
            assertEquals("quote", row.get("function"), row::toString);
            int lineNo = Integer.parseInt(row.get("lineNo"));
            assertEquals(source.get(lineNo - 1).stripTrailing(), row.get("line"), row::toString);
            assertTrue(row.get("filename").endsWith("src/main/java/io/pikos/samples/service/PriceService.java"),
                    row::toString);
        }
        return rows.size();
    }
}
