package io.pikos.records;

import java.util.List;

/**
 * A source line about to execute with the process memory at that moment, as the seed's
 * {@code LineMemoryRecord}.
 *
 * @param index    the position of the record among those of its monitor, from 0
 * @param function the simple name of the method the line belongs to, {@code <init>} for constructors
 * @param lineNo   the line number
 * @param rss      the process's resident set size in bytes (CSV column {@code RSS})
 * @param vms      the process's virtual memory size in bytes (CSV column {@code VMS})
 * @param line     the line's source text, right-trimmed, as captured at build time
 * @param filename the source file's path as the build saw it
 */
public record LineMemoryRecord(long index, String function, int lineNo, long rss, long vms, String line,
                               String filename) implements MonitorRecord {

    static final RecordLayout LAYOUT = new RecordLayout("LineMemoryRecord",
            List.of("index", "function", "lineNo", "RSS", "VMS", "line", "filename"),
            "{:^12} | {:^30} | {:^7} | {:^15} | {:^15} | {} {}",
            "{:<12} | {:<30} | {:<7} | {:>15} | {:>15} | {} {}");

    @Override
    public Object column(int column) {
        return switch (column) {
            case 0 -> index;
            case 1 -> function;
            case 2 -> lineNo;
            case 3 -> rss;
            case 4 -> vms;
            case 5 -> line;
            case 6 -> filename;
            default -> throw new IndexOutOfBoundsException(column);
        };
    }

    @Override
    public RecordLayout layout() {
        return LAYOUT;
    }
}
