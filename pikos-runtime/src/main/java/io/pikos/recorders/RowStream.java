package io.pikos.recorders;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A writer that encodes to UTF-8 into its own buffer and hands its stream only whole writes: what one
 * call of {@code write} (or {@link #writeRows}) is given is never split between two writes to the
 * stream, so that rows and lines given whole stay whole on the stream, even if it fails or is shared.
 * The buffer is written out when the next write does not fit, on {@link #flush()} and on
 * {@link #close()}; a write larger than the buffer goes to the stream directly, in one call.
 *
 * <p>Chars are encoded as the JDK's UTF-8 writers encode them, with an ASCII fast path; an unpaired
 * surrogate becomes {@code ?}. (The JDK's writers keep a high surrogate at the end of one write for the
 * next; the recorders' writes all end with a line break, so this one does not need to.)
 * Not thread-safe: the recorders use it under their lock.
 */
final class RowStream extends Writer {

    private final OutputStream out;
    private final byte[] buffer;
    private int count;
    private boolean closed;
    private char[] chars = new char[256]; // a string's chars, on their way to the buffer

    RowStream(OutputStream out, int bufferSize) {
        this.out = out;
        this.buffer = new byte[bufferSize];
    }

    /**
     * Writes bytes that are already UTF-8, whole.
     *
     * @param bytes  holds the rows
     * @param offset where they start
     * @param length how many bytes
     * @throws IOException if the stream fails or this writer is closed
     */
    void writeRows(byte[] bytes, int offset, int length) throws IOException {
        ensureOpen();
        if (length > buffer.length - count) {
            drain();
            if (length > buffer.length) {
                out.write(bytes, offset, length);
                return;
            }
        }
        System.arraycopy(bytes, offset, buffer, count, length);
        count += length;
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        ensureOpen();
        if ((long) length * 3 > buffer.length - count) {
            drain();
            if ((long) length * 3 > buffer.length) {
                byte[] bytes = new String(chars, offset, length).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
                return;
            }
        }
        byte[] b = buffer;
        int p = count;
        int i = offset;
        int end = offset + length;
        while (i < end) {
            char c = chars[i++];
            if (c < 0x80) {
                b[p++] = (byte) c;
            } else if (c < 0x800) {
                b[p++] = (byte) (0xc0 | (c >> 6));
                b[p++] = (byte) (0x80 | (c & 0x3f));
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i < end && Character.isLowSurrogate(chars[i])) {
                    int cp = Character.toCodePoint(c, chars[i++]);
                    b[p++] = (byte) (0xf0 | (cp >> 18));
                    b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                    b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                    b[p++] = (byte) (0x80 | (cp & 0x3f));
                } else {
                    b[p++] = '?';
                }
            } else {
                b[p++] = (byte) (0xe0 | (c >> 12));
                b[p++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                b[p++] = (byte) (0x80 | (c & 0x3f));
            }
        }
        count = p;
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        if (chars.length < length) {
            chars = new char[Math.max(length, 2 * chars.length)];
        }
        text.getChars(offset, offset + length, chars, 0);
        write(chars, 0, length);
    }

    @Override
    public void flush() throws IOException {
        ensureOpen();
        drain();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            drain();
        } finally {
            out.close();
        }
    }

    private void drain() throws IOException {
        if (count > 0) {
            int n = count;
            count = 0; // what failed to be written is not written again
            out.write(buffer, 0, n);
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
    }
}
