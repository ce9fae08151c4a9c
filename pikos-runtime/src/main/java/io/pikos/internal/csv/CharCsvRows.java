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
    void number(long value) {
        if (value < 10) {
            if (value >= 0) {
                ensure(1);
                buffer[length++] = (char) ('0' + value);
            } else if (value == Long.MIN_VALUE) {
                plain(Long.toString(value));
            } else {
                ensure(1);
                buffer[length++] = '-';
                number(-value);
            }
            return;
        }
        int size = digits(value);
        ensure(size);
        char[] b = buffer;
        int p = length + size;
        length = p;
        // Digits from the last, two at a time; in long arithmetic only while the value needs it.
        while (value > Integer.MAX_VALUE) {
            long q = value / 100;
            int r = 2 * (int) (value - q * 100);
            b[--p] = (char) PAIRS[r + 1];
            b[--p] = (char) PAIRS[r];
            value = q;
        }
        int v = (int) value;
        while (v >= 100) {
            int q = v / 100;
            int r = 2 * (v - q * 100);
            b[--p] = (char) PAIRS[r + 1];
            b[--p] = (char) PAIRS[r];
            v = q;
        }
        if (v >= 10) {
            b[--p] = (char) PAIRS[2 * v + 1];
            b[--p] = (char) PAIRS[2 * v];
        } else {
            b[--p] = (char) ('0' + v);
        }
    }

    @Override
    void comma() {
        ensure(1);
        buffer[length++] = ',';
    }

    @Override
    void endRow() {
        ensure(2);
        buffer[length++] = '\r';
        buffer[length++] = '\n';
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
