package io.pikos.internal.csv;

import java.nio.charset.StandardCharsets;

/**
 * Builds CSV rows as UTF-8 bytes (see {@link CsvRows} for the format), for recorders that write to a
 * byte stream: a row is {@link #clear() cleared}, appended, then read from {@link #buffer()} up to
 * {@link #length()}.
 *
 * <p>Each string is encoded (and quoted when it must be) once and kept in a small cache of recent
 * strings, looked up by the string's hash and then its identity; so writing a recurring function
 * name or source line is one copy. Numbers are written digit by digit, without making a string.
 * Strings are encoded as {@link String#getBytes(java.nio.charset.Charset) getBytes(UTF_8)} does, which
 * is how the JDK's UTF-8 writers encode them too (an unpaired surrogate becomes {@code ?}).
 * Not thread-safe.
 */
public final class Utf8CsvRows extends CsvRows {

    private static final int CACHE_SIZE = 512; // a power of two
    /** Longer strings are encoded every time rather than kept. */
    private static final int LONGEST_CACHED = 512;

    private final String[] keys = new String[CACHE_SIZE];
    private final byte[][] values = new byte[CACHE_SIZE][];
    private byte[] buffer = new byte[256];
    private int length;

    /** Creates an empty row buffer. */
    public Utf8CsvRows() {
    }

    /**
     * Returns the buffer holding what was appended since {@link #clear()}; valid until the next append.
     *
     * @return the buffer, of which the first {@link #length()} bytes are the rows
     */
    public byte[] buffer() {
        return buffer;
    }

    /**
     * Returns how many bytes were appended since {@link #clear()}.
     *
     * @return the length in bytes
     */
    public int length() {
        return length;
    }

    @Override
    public void clear() {
        length = 0;
    }

    @Override
    void text(String value) {
        if (value == null) {
            return;
        }
        int hash = value.hashCode();
        int slot = (hash ^ (hash >>> 16)) & (CACHE_SIZE - 1);
        byte[] bytes = keys[slot] == value ? values[slot] : miss(value, slot);
        int n = bytes.length;
        ensure(n);
        System.arraycopy(bytes, 0, buffer, length, n);
        length += n;
    }

    private byte[] miss(String value, int slot) {
        String key = keys[slot];
        if (key != null && key.equals(value)) {
            keys[slot] = value; // the same text in another instance: next time it is found by identity
            return values[slot];
        }
        byte[] bytes = encode(value);
        if (value.length() <= LONGEST_CACHED) {
            keys[slot] = value;
            values[slot] = bytes;
        }
        return bytes;
    }

    /** The field's bytes: UTF-8, in quotes with quotes doubled if it holds {@code , " \r \n}. */
    static byte[] encode(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        // These four are ASCII, and UTF-8 never uses ASCII byte values inside a multi-byte sequence.
        boolean quote = false;
        int quotes = 0;
        for (byte b : utf8) {
            if (b == '"') {
                quotes++;
                quote = true;
            } else if (b == ',' || b == '\n' || b == '\r') {
                quote = true;
            }
        }
        if (!quote) {
            return utf8;
        }
        byte[] quoted = new byte[utf8.length + quotes + 2];
        int p = 0;
        quoted[p++] = '"';
        for (byte b : utf8) {
            quoted[p++] = b;
            if (b == '"') {
                quoted[p++] = '"';
            }
        }
        quoted[p] = '"';
        return quoted;
    }

    @Override
    void plain(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }

    @Override
    void ascii(char c) {
        ensure(1);
        buffer[length++] = (byte) c;
    }

    @Override
    void appendDigits(long value, int size) {
        ensure(size);
        length += size;
        writeDigits(value, buffer, length);
    }

    private void ensure(int more) {
        if (more > buffer.length - length) {
            grow(more);
        }
    }

    private void grow(int more) {
        byte[] bigger = new byte[Math.max(buffer.length * 2, length + more)];
        System.arraycopy(buffer, 0, bigger, 0, length);
        buffer = bigger;
    }
}
