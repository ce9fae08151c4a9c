package io.pikos.records;

import java.util.List;

/**
 * A source line about to execute, as the seed's {@code LineRecord}.
 *
 * @param index    the position of the record among those of its monitor, from 0
 * @param function the simple name of the method the line belongs to, {@code <init>} for constructors
 * @param lineNo   the line number
 * @param line     the line's source text, right-trimmed, as captured at build time
 * @param filename the source file's path as the build saw it
 */
public record LineRecord(long index, String function, int lineNo, String line, String filename)
        implements MonitorRecord {

    static final RecordLayout LAYOUT = new RecordLayout("LineRecord",
            List.of("index", "function", "lineNo", "line", "filename"),
            "{:<12} {:<50} {:<7} {} -- {}",
            "{:<12} {:<50} {:<7} {} -- {}");

    @Override
    public Object column(int column) {
        return switch (column) {
            case 0 -> index;
            case 1 -> function;
            case 2 -> lineNo;
            case 3 -> line;
            case 4 -> filename;
            default -> throw new IndexOutOfBoundsException(column);
        };
    }

    @Override
    public RecordLayout layout() {
        return LAYOUT;
    }
}
