package io.pikos.records;

import java.util.List;

/**
 * A method event with the process memory at that moment, as the seed's {@code FunctionMemoryRecord}.
 *
 * @param index    the position of the record among those of its monitor, from 0
 * @param type     the event, as in {@link FunctionRecord#type()}
 * @param function the method's simple name, {@code <init>} for constructors
 * @param rss      the process's resident set size in bytes (CSV column {@code RSS})
 * @param vms      the process's virtual memory size in bytes (CSV column {@code VMS})
 * @param lineNo   the line, as in {@link FunctionRecord#lineNo()}
 * @param filename the source file's path as the build saw it
 */
public record FunctionMemoryRecord(long index, String type, String function, long rss, long vms, int lineNo,
                                   String filename) implements MonitorRecord {

    static final RecordLayout LAYOUT = new RecordLayout("FunctionMemoryRecord",
            List.of("index", "type", "function", "RSS", "VMS", "lineNo", "filename"),
            "{:<8} | {:<11} | {:<12} | {:<15} | {:<15} | {:>6} | {}",
            "{:>8} | {:<11} | {:<12} | {:>15} | {:>15} | {:>6} | {}");

    @Override
    public Object column(int column) {
        return switch (column) {
            case 0 -> index;
            case 1 -> type;
            case 2 -> function;
            case 3 -> rss;
            case 4 -> vms;
            case 5 -> lineNo;
            case 6 -> filename;
            default -> throw new IndexOutOfBoundsException(column);
        };
    }

    @Override
    public RecordLayout layout() {
        return LAYOUT;
    }
}
