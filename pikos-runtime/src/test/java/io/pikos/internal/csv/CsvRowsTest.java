package io.pikos.internal.csv;

import io.pikos.records.FunctionMemoryRecord;
import io.pikos.records.FunctionRecord;
import io.pikos.records.LineMemoryRecord;
import io.pikos.records.LineRecord;
import io.pikos.records.MonitorRecord;
import io.pikos.records.RecordLayout;
import io.pikos.recorders.CsvFileRecorder;
import io.pikos.recorders.CsvStreamRecorder;
import io.pikos.recorders.Recorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The row writers against the reference, Commons CSV as pikos used it before them, on random records
 * of every type: strings with commas, quotes, CR and LF, non-ASCII chars of 2 and 3 UTF-8 bytes,
 * surrogate pairs and unpaired surrogates, empty and {@code null} strings, strings that recur as the
 * same instance, as equal copies, and strings too long to be cached; numbers of every width and sign.
 * The chars must be the reference's chars, and the bytes what the JDK's UTF-8 writer made of them.
 */
class CsvRowsTest {

    private static final String ALPHABET_ASCII = "aZ09 ,\",\r\n#;'\t\u0000\u007f";
    private static final String[] ODD = {"\u00e9", "\u0080", "\u07ff", "\u0800", "\u20ac", "\u4e2d", "\uffff",
        "\ud83d\ude00", "\ud83d", "\ude00", "\udbff\udfff", "\"\"", "\r\n"};

    private static String randomString(Random random, int maxLength) {
        int length = random.nextInt(5) == 0 ? 0 : random.nextInt(maxLength + 1);
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            if (random.nextInt(4) == 0) {
                text.append(ODD[random.nextInt(ODD.length)]);
            } else {
                text.append(ALPHABET_ASCII.charAt(random.nextInt(ALPHABET_ASCII.length())));
            }
        }
        return text.toString();
    }

    /** Strings that recur by identity, recur as equal copies, are new each time, or are null. */
    private static final class Strings {
        private final Random random;
        private final String[] pool;

        Strings(Random random, int distinct) {
            this.random = random;
            pool = new String[distinct];
            for (int i = 0; i < distinct; i++) {
                pool[i] = randomString(random, random.nextInt(50) == 0 ? 700 : 12);
            }
        }

        String next() {
            int pick = random.nextInt(100);
            if (pick < 3) {
                return null;
            } else if (pick < 10) {
                return randomString(random, 20);
            } else if (pick < 25) {
                return new String(pool[random.nextInt(pool.length)]);
            }
            return pool[random.nextInt(pool.length)];
        }
    }

    private static long randomNumber(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> Long.MIN_VALUE + random.nextInt(3);
            case 1 -> Long.MAX_VALUE - random.nextInt(3);
            case 2 -> random.nextInt(21) - 10;
            case 3 -> random.nextLong();
            case 4 -> (long) Math.pow(10, random.nextInt(19)) - random.nextInt(2);
            default -> random.nextLong() >> random.nextInt(64);
        };
    }

    private static int randomInt(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextBoolean() ? Integer.MIN_VALUE : Integer.MAX_VALUE;
            case 1 -> random.nextInt(2000);
            default -> random.nextInt();
        };
    }

    private static List<MonitorRecord> records(long seed, int distinct, int count,
                                               Function<Random, Function<Strings, MonitorRecord>> maker) {
        Random random = new Random(seed);
        Strings strings = new Strings(random, distinct);
        Function<Strings, MonitorRecord> make = maker.apply(random);
        List<MonitorRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(make.apply(strings));
        }
        return records;
    }

    static List<MonitorRecord> functionRecords(long seed, int distinct, int count) {
        return records(seed, distinct, count, random -> s -> new FunctionRecord(randomNumber(random), s.next(),
                s.next(), randomInt(random), s.next()));
    }

    static List<MonitorRecord> lineRecords(long seed, int distinct, int count) {
        return records(seed, distinct, count, random -> s -> new LineRecord(randomNumber(random), s.next(),
                randomInt(random), s.next(), s.next()));
    }

    static List<MonitorRecord> functionMemoryRecords(long seed, int distinct, int count) {
        return records(seed, distinct, count, random -> s -> new FunctionMemoryRecord(randomNumber(random),
                s.next(), s.next(), randomNumber(random), randomNumber(random), randomInt(random), s.next()));
    }

    static List<MonitorRecord> lineMemoryRecords(long seed, int distinct, int count) {
        return records(seed, distinct, count, random -> s -> new LineMemoryRecord(randomNumber(random), s.next(),
                randomInt(random), randomNumber(random), randomNumber(random), s.next(), s.next()));
    }

    /** What the recorders wrote before: the reference's chars through the JDK's UTF-8 writer. */
    static byte[] jdkUtf8(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            writer.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void assertLikeReference(List<MonitorRecord> records) {
        CharCsvRows chars = new CharCsvRows();
        Utf8CsvRows bytes = new Utf8CsvRows();
        RecordLayout layout = records.get(0).layout();
        assertRow(CommonsCsvReference.header(layout), chars, bytes, rows -> rows.header(layout), "header");
        for (int i = 0; i < records.size(); i++) {
            MonitorRecord record = records.get(i);
            assertRow(CommonsCsvReference.row(record), chars, bytes, rows -> rows.row(record), i + ": " + record);
        }
    }

    private static void assertRow(String expected, CharCsvRows chars, Utf8CsvRows bytes,
                                  java.util.function.Consumer<CsvRows> write, String what) {
        chars.clear();
        write.accept(chars);
        assertEquals(expected, new String(chars.buffer(), 0, chars.length()), what);
        bytes.clear();
        write.accept(bytes);
        byte[] actual = new byte[bytes.length()];
        System.arraycopy(bytes.buffer(), 0, actual, 0, actual.length);
        assertArrayEquals(jdkUtf8(expected), actual, what);
    }

    @Test
    void function_rows_are_those_of_commons_csv() {
        assertLikeReference(functionRecords(1, 300, 10_000));
    }

    @Test
    void line_rows_are_those_of_commons_csv() {
        assertLikeReference(lineRecords(2, 300, 10_000));
    }

    @Test
    void function_memory_rows_are_those_of_commons_csv() {
        assertLikeReference(functionMemoryRecords(3, 300, 10_000));
    }

    @Test
    void line_memory_rows_are_those_of_commons_csv() {
        assertLikeReference(lineMemoryRecords(4, 300, 10_000));
    }

    @Test
    void rows_are_those_of_commons_csv_when_strings_rarely_recur() {
        assertLikeReference(lineMemoryRecords(5, 20_000, 10_000));
        assertLikeReference(functionRecords(6, 20_000, 10_000));
    }

    @Test
    void rows_keep_appending_until_cleared() {
        CharCsvRows chars = new CharCsvRows();
        Utf8CsvRows bytes = new Utf8CsvRows();
        List<MonitorRecord> records = lineRecords(7, 50, 500);
        StringBuilder expected = new StringBuilder(CommonsCsvReference.header(records.get(0).layout()));
        chars.header(records.get(0).layout());
        bytes.header(records.get(0).layout());
        for (MonitorRecord record : records) {
            expected.append(CommonsCsvReference.row(record));
            chars.row(record);
            bytes.row(record);
        }
        assertEquals(expected.toString(), new String(chars.buffer(), 0, chars.length()));
        byte[] actual = new byte[bytes.length()];
        System.arraycopy(bytes.buffer(), 0, actual, 0, actual.length);
        assertArrayEquals(jdkUtf8(expected.toString()), actual);
    }

    /** A record of another implementation, read through column(): values printed as Commons CSV did. */
    private record OtherRecord(Object... values) implements MonitorRecord {
        @Override
        public long index() {
            return 0;
        }

        @Override
        public Object column(int column) {
            return values[column];
        }

        @Override
        public RecordLayout layout() {
            return RecordLayout.of(FunctionRecord.class);
        }
    }

    @Test
    void another_record_type_is_written_through_its_columns() {
        assertLikeReference(List.of(
                new OtherRecord(-7L, "a,b", null, 12, "\u20ac\"x\""),
                new OtherRecord(Long.MIN_VALUE, "", "f", Integer.MIN_VALUE, "\ud83d\ude00"),
                new OtherRecord(3L, 2.5, List.of("x", "y"), 'c', "plain")));
    }

    private static String reference(List<MonitorRecord> records) {
        StringBuilder expected = new StringBuilder(CommonsCsvReference.header(records.get(0).layout()));
        for (MonitorRecord record : records) {
            expected.append(CommonsCsvReference.row(record));
        }
        return expected.toString();
    }

    private static void recordAll(Recorder<MonitorRecord> recorder, List<MonitorRecord> records) {
        recorder.prepare(records.get(0).getClass());
        for (MonitorRecord record : records) {
            recorder.record(record);
        }
        recorder.finish();
    }

    @Test
    void the_csv_recorders_write_the_reference_bytes_to_files_streams_and_writers(@TempDir Path dir)
            throws IOException {
        List<List<MonitorRecord>> lists = List.of(functionRecords(11, 300, 5_000), lineRecords(12, 300, 5_000),
                functionMemoryRecords(13, 300, 5_000), lineMemoryRecords(14, 300, 5_000));
        for (List<MonitorRecord> records : lists) {
            String expected = reference(records);
            byte[] expectedBytes = jdkUtf8(expected);
            String type = records.get(0).getClass().getSimpleName();

            StringWriter writer = new StringWriter();
            recordAll(new CsvStreamRecorder(writer), records);
            assertEquals(expected, writer.toString(), type + " through a Writer");

            for (boolean autoFlush : new boolean[] {false, true}) {
                ByteArrayOutputStream stream = new ByteArrayOutputStream();
                recordAll(new CsvStreamRecorder(stream, null, autoFlush), records);
                assertArrayEquals(expectedBytes, stream.toByteArray(), type + " through an OutputStream");

                Path file = dir.resolve(type + autoFlush + ".csv");
                recordAll(new CsvFileRecorder(file, null, autoFlush), records);
                assertArrayEquals(expectedBytes, Files.readAllBytes(file), type + " into a file");
            }
        }
    }
}
