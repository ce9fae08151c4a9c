package io.pikos.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * The JDK Flight Recorder events pikos records: one per record type, whose fields are the record's CSV
 * columns, with the same names. JFR adds the thread and the time of each. No stack traces: a record
 * already says where it was made, and walking the stack would cost more than the record.
 */
public final class RecordEvents {

    private RecordEvents() {
    }

    /** A {@code FunctionRecord}. */
    @Name("pikos.Function")
    @Label("Function")
    @Category("Pikos")
    @Description("A method call, return or exception, or a call from woven code into code that is not woven")
    @StackTrace(false)
    public static final class Function extends Event {
        @Label("Index")
        public long index;
        @Label("Type")
        public String type;
        @Label("Function")
        public String function;
        @Label("Line Number")
        public int lineNo;
        @Label("File Name")
        public String filename;
    }

    /** A {@code LineRecord}. */
    @Name("pikos.Line")
    @Label("Line")
    @Category("Pikos")
    @Description("A source line about to run")
    @StackTrace(false)
    public static final class Line extends Event {
        @Label("Index")
        public long index;
        @Label("Function")
        public String function;
        @Label("Line Number")
        public int lineNo;
        @Label("Line")
        public String line;
        @Label("File Name")
        public String filename;
    }

    /** A {@code FunctionMemoryRecord}. */
    @Name("pikos.FunctionMemory")
    @Label("Function Memory")
    @Category("Pikos")
    @Description("A method event with the process's resident and virtual memory")
    @StackTrace(false)
    public static final class FunctionMemory extends Event {
        @Label("Index")
        public long index;
        @Label("Type")
        public String type;
        @Label("Function")
        public String function;
        @Label("RSS")
        @DataAmount(DataAmount.BYTES)
        public long RSS;
        @Label("VMS")
        @DataAmount(DataAmount.BYTES)
        public long VMS;
        @Label("Line Number")
        public int lineNo;
        @Label("File Name")
        public String filename;
    }

    /** A {@code LineMemoryRecord}. */
    @Name("pikos.LineMemory")
    @Label("Line Memory")
    @Category("Pikos")
    @Description("A source line about to run, with the process's resident and virtual memory")
    @StackTrace(false)
    public static final class LineMemory extends Event {
        @Label("Index")
        public long index;
        @Label("Function")
        public String function;
        @Label("Line Number")
        public int lineNo;
        @Label("RSS")
        @DataAmount(DataAmount.BYTES)
        public long RSS;
        @Label("VMS")
        @DataAmount(DataAmount.BYTES)
        public long VMS;
        @Label("Line")
        public String line;
        @Label("File Name")
        public String filename;
    }
}
