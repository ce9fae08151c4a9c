package io.pikos.internal.csv;

/**
 * Builds CSV rows as chars (see {@link CsvRows} for the format), for recorders that write to a
 * {@link java.io.Writer}: a row is {@link #clear() cleared}, appended, then read from {@link #buffer()}
 * up to {@link #length()}.
 *
 * <p>Whether a string must be quoted is decided once and kept, with its quoted form, in a small cache
 * of recent strings looked up by hash and then identity. Numbers are written digit by digit, without
 * making a string. Not thread-safe.
 */
public final class CharCsvRows extends CsvRows {

    private static final int CACHE_SIZE = 512; // a power of two
    private static final int LONGEST_CACHED = 512;

    private final String[] keys = new String[CACHE_SIZE];
    private final String[] values = new String[CACHE_SIZE];
    private final byte[] digits = new byte[19]; // a number's digits, as CsvRows writes them, before widening
    private char[] buffer = new char[256];
    private int length;

    /** Creates an empty row buffer. */
    public CharCsvRows() {
    }

    /**
     * Returns the buffer holding what was appended since {@link #clear()}; valid until the next append.
     *
     * @return the buffer, of which the first {@link #length()} chars are the rows
     */
    public char[] buffer() {
        return buffer;
    }

    /**
     * Returns how many chars were appended since {@link #clear()}.
     *
     * @return the length in chars
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
        plain(keys[slot] == value ? values[slot] : miss(value, slot));
    }

    private String miss(String value, int slot) {
        String key = keys[slot];
        if (key != null && key.equals(value)) {
            keys[slot] = value;
            return values[slot];
        }
        String field = needsQuotes(value) ? '"' + value.replace("\"", "\"\"") + '"' : value;
        if (value.length() <= LONGEST_CACHED) {
            keys[slot] = value;
            values[slot] = field;
        }
        return field;
    }

    @Override
    void plain(String value) {
        int n = value.length();
        ensure(n);
        value.getChars(0, n, buffer, length);
        length += n;
    }

    @Override
    void ascii(char c) {
        ensure(1);
        buffer[length++] = c;
    }

    @Override
    void appendDigits(long value, int size) {
        writeDigits(value, digits, size);
        ensure(size);
        for (int i = 0; i < size; i++) {
            buffer[length++] = (char) digits[i];
        }
    }

    private void ensure(int more) {
        if (more > buffer.length - length) {
            grow(more);
        }
    }

    private void grow(int more) {
        char[] bigger = new char[Math.max(buffer.length * 2, length + more)];
        System.arraycopy(buffer, 0, bigger, 0, length);
        buffer = bigger;
    }
}
