package io.pikos.recorders;

import io.pikos.records.FunctionRecord;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The UTF-8 writer of the file recorders and of the CSV stream recorder over an {@code OutputStream}:
 * the bytes the JDK's UTF-8 writer makes, and only whole writes handed to the stream.
 */
class RowStreamTest {

    private static final String[] PIECES = {"a", "Z", " ", ",", "\"", "\r", "\n", "\u0000", "\u007f", "\u0080",
        "\u00e9", "\u07ff", "\u0800", "\u20ac", "\u4e2d", "\uffff", "\ud83d\ude00", "\udbff\udfff", "\ud83d", "\ude00",
        "\ud800\ud800", "\ude00\ud83d"};

    /** Keeps each write it is given apart. */
    private static final class WritesStream extends OutputStream {
        final List<byte[]> writes = new ArrayList<>();
        int flushes;
        int closes;

        @Override
        public void close() {
            closes++;
        }

        @Override
        public void write(int b) {
            throw new AssertionError("one byte at a time");
        }

        @Override
        public void write(byte[] b, int off, int len) {
            byte[] copy = new byte[len];
            System.arraycopy(b, off, copy, 0, len);
            writes.add(copy);
        }

        @Override
        public void flush() {
            flushes++;
        }

        byte[] all() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            writes.forEach(bytes::writeBytes);
            return bytes.toByteArray();
        }
    }

    private static byte[] jdkUtf8(List<String> lines) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            for (String line : lines) {
                writer.write(line);
            }
        }
        return bytes.toByteArray();
    }

    private static List<String> randomLines(long seed, int count, int maxPieces) {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder line = new StringBuilder();
            int pieces = random.nextInt(maxPieces + 1);
            for (int p = 0; p < pieces; p++) {
                line.append(PIECES[random.nextInt(PIECES.length)]);
            }
            lines.add(line.append('\n').toString());
        }
        return lines;
    }

    @Test
    void encodes_chars_as_the_jdk_utf8_writer_does() throws IOException {
        List<String> lines = randomLines(1, 5_000, 40);
        WritesStream out = new WritesStream();
        RowStream stream = new RowStream(out, 1024);
        for (int i = 0; i < lines.size(); i++) {
            if (i % 2 == 0) {
                stream.write(lines.get(i));
            } else {
                char[] padded = ("xx" + lines.get(i) + "yy").toCharArray();
                stream.write(padded, 2, padded.length - 4);
            }
        }
        stream.flush();
        assertArrayEquals(jdkUtf8(lines), out.all());
    }

    @Test
    void hands_the_stream_whole_writes_only_even_when_larger_than_its_buffer() throws IOException {
        List<String> lines = randomLines(2, 2_000, 200); // up to ~800 bytes a line, with a buffer of 256
        WritesStream out = new WritesStream();
        RowStream stream = new RowStream(out, 256);
        for (int i = 0; i < lines.size(); i++) {
            if (i % 2 == 0) {
                stream.write(lines.get(i));
            } else {
                byte[] bytes = lines.get(i).getBytes(StandardCharsets.UTF_8);
                stream.writeRows(bytes, 0, bytes.length);
            }
        }
        stream.close();
        assertArrayEquals(jdkUtf8(lines), out.all());
        for (byte[] write : out.writes) {
            assertTrue(write.length > 0 && write[write.length - 1] == '\n', "a write ends with a whole line");
        }
        int lineEnds = 0;
        for (byte[] write : out.writes) {
            for (byte b : write) {
                lineEnds += b == '\n' ? 1 : 0;
            }
        }
        long inLines = lines.stream().mapToLong(l -> l.chars().filter(c -> c == '\n').count()).sum();
        assertEquals(inLines, lineEnds);
    }

    @Test
    void writes_nothing_until_flushed_then_flushes_the_stream() throws IOException {
        WritesStream out = new WritesStream();
        RowStream stream = new RowStream(out, 1024);
        stream.write("one\r\n");
        stream.write("two\r\n");
        assertEquals(0, out.writes.size());
        stream.flush();
        assertEquals(1, out.writes.size());
        assertEquals(1, out.flushes);
        assertEquals("one\r\ntwo\r\n", new String(out.all(), StandardCharsets.UTF_8));
    }

    @Test
    void closing_writes_what_is_buffered_and_then_refuses_writes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RowStream stream = new RowStream(out, 1024);
        stream.write("x\n");
        stream.close();
        stream.close();
        assertEquals("x\n", out.toString(StandardCharsets.UTF_8));
        assertThrows(IOException.class, () -> stream.write("y\n"));
    }

    @Test
    void csv_stream_recorder_over_an_output_stream_writes_each_row_whole_when_flushing_after_each() {
        WritesStream out = new WritesStream();
        CsvStreamRecorder recorder = new CsvStreamRecorder(out, null, true);
        recorder.prepare(FunctionRecord.class);
        recorder.record(new FunctionRecord(0, "call", "work", 10, "W.java"));
        recorder.record(new FunctionRecord(1, "return", "w\u00f6rk", 12, "a,b.java"));
        assertEquals(List.of("index,type,function,lineNo,filename\r\n", "0,call,work,10,W.java\r\n",
                        "1,return,w\u00f6rk,12,\"a,b.java\"\r\n"),
                out.writes.stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList());
        assertEquals(3, out.flushes);
        recorder.finish();
        assertEquals(3, out.writes.size());
    }

    @Test
    void csv_stream_recorder_over_an_output_stream_buffers_until_finish_and_never_closes() {
        WritesStream out = new WritesStream();
        CsvStreamRecorder recorder = new CsvStreamRecorder(out);
        recorder.prepare(FunctionRecord.class);
        recorder.record(new FunctionRecord(0, "call", "work", 10, "W.java"));
        assertEquals(0, out.writes.size());
        recorder.finish();
        assertEquals("index,type,function,lineNo,filename\r\n0,call,work,10,W.java\r\n",
                new String(out.all(), StandardCharsets.UTF_8));
        assertEquals(1, out.flushes);
        assertEquals(0, out.closes);
    }
}
