package io.pikos.records;

import java.util.List;

/**
 * A method event, as the seed's {@code FunctionRecord}: {@code call}, {@code return} or {@code exception}
 * of a woven method, or {@code c_call}, {@code c_return} or {@code c_exception} around a call from woven
 * code into code that is not woven.
 *
 * @param index    the position of the record among those of its monitor, from 0
 * @param type     the event: {@code call}, {@code return}, {@code exception}, {@code c_call},
 *                 {@code c_return} or {@code c_exception}
 * @param function the method's simple name, {@code <init>} for constructors
 * @param lineNo   the declaring line for {@code call}, the line of the call for {@code c_*} events
 * @param filename the source file's path as the build saw it
 */
public record FunctionRecord(long index, String type, String function, int lineNo, String filename)
        implements MonitorRecord {

    static final RecordLayout LAYOUT = new RecordLayout("FunctionRecord",
            List.of("index", "type", "function", "lineNo", "filename"),
            "{:<8} {:<11} {:<30} {:<5} {}",
            "{:<8} {:<11} {:<30} {:<5} {}");

    @Override
    public Object column(int column) {
        return switch (column) {
            case 0 -> index;
            case 1 -> type;
            case 2 -> function;
            case 3 -> lineNo;
            case 4 -> filename;
            default -> throw new IndexOutOfBoundsException(column);
        };
    }

    @Override
    public RecordLayout layout() {
        return LAYOUT;
    }
}
