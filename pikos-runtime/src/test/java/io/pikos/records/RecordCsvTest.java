package io.pikos.records;

import io.pikos.recorders.CsvStreamRecorder;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The exact CSV bytes of each record type, as Python's {@code csv.writer} writes them: a header row,
 * one row per record, {@code \r\n} after each, a field quoted only for a comma, a double quote or a
 * line break.
 */
class RecordCsvTest {

    private static final String MANDELBROT = "examples/mandelbrot_set_example.py";

    private static final List<LineMemoryRecord> SEED_RECORDS = SeedSample.RECORDS;

    /** The seed's "CSV Sample", line by line, exactly as printed there. */
    private static final List<String> SEED_LINES = List.of(
            "index,function,lineNo,RSS,VMS,line,filename",
            "0,mandelbrot,16,64679936,382787584,\"    y,x = ogrid[-1.4:1.4:h*1j, -2:0.8:w*1j]\",examples/mandelbrot_set_example.py",
            "1,mandelbrot,17,64962560,383229952,    c = x+y*1j,examples/mandelbrot_set_example.py",
            "2,mandelbrot,18,67678208,386056192,    z = c,examples/mandelbrot_set_example.py",
            "3,mandelbrot,19,67817472,386056192,\"    divtime = maxit + zeros(z.shape, dtype=int)\",examples/mandelbrot_set_example.py",
            "4,mandelbrot,21,69103616,387338240,    for i in xrange(maxit):,examples/mandelbrot_set_example.py",
            "5,mandelbrot,22,69103616,387338240,       z = z**2 + c,examples/mandelbrot_set_example.py",
            "6,mandelbrot,23,71671808,389902336,       diverge = z*conj(z) > 2**2            # who is diverging,examples/mandelbrot_set_example.py",
            "7,mandelbrot,24,76263424,394760192,       div_now = diverge & (divtime==maxit)  # who is diverging now,examples/mandelbrot_set_example.py",
            "8,mandelbrot,25,76529664,394760192,       divtime[div_now] = i                  # note when,examples/mandelbrot_set_example.py",
            "9,mandelbrot,26,76529664,394760192,       z[diverge] = 2                        # avoid diverging too much,examples/mandelbrot_set_example.py",
            "10,mandelbrot,21,76537856,394760192,    for i in xrange(maxit):,examples/mandelbrot_set_example.py",
            "11,mandelbrot,22,76537856,394760192,       z = z**2 + c,examples/mandelbrot_set_example.py",
            "12,mandelbrot,23,74452992,392675328,       diverge = z*conj(z) > 2**2            # who is diverging,examples/mandelbrot_set_example.py",
            "13,mandelbrot,24,76881920,395235328,       div_now = diverge & (divtime==maxit)  # who is diverging now,examples/mandelbrot_set_example.py",
            "14,mandelbrot,25,77012992,395235328,       divtime[div_now] = i                  # note when,examples/mandelbrot_set_example.py",
            "15,mandelbrot,26,77012992,395235328,       z[diverge] = 2                        # avoid diverging too much,examples/mandelbrot_set_example.py",
            "16,mandelbrot,21,77012992,395235328,    for i in xrange(maxit):,examples/mandelbrot_set_example.py",
            "17,mandelbrot,22,77012992,395235328,       z = z**2 + c,examples/mandelbrot_set_example.py",
            "18,mandelbrot,23,79441920,397795328,       diverge = z*conj(z) > 2**2            # who is diverging,examples/mandelbrot_set_example.py",
            "19,mandelbrot,24,79572992,397795328,       div_now = diverge & (divtime==maxit)  # who is diverging now,examples/mandelbrot_set_example.py");

    private static <R extends MonitorRecord> String csvOf(Class<R> type, List<R> records) {
        StringWriter out = new StringWriter();
        CsvStreamRecorder recorder = new CsvStreamRecorder(out);
        recorder.prepare(type);
        for (R record : records) {
            recorder.record(record);
        }
        recorder.finish();
        return out.toString();
    }

    @Test
    void writes_function_records_with_header_and_crlf_rows() {
        String csv = csvOf(FunctionRecord.class, List.of(
                new FunctionRecord(0, "call", "mandelbrot", 13, MANDELBROT),
                new FunctionRecord(1, "c_call", "<init>", 7, "io/pikos/samples/Foo.java"),
                new FunctionRecord(2, "exception", "run", 2147483647, "a b/c.java")));
        assertEquals("index,type,function,lineNo,filename\r\n"
                + "0,call,mandelbrot,13,examples/mandelbrot_set_example.py\r\n"
                + "1,c_call,<init>,7,io/pikos/samples/Foo.java\r\n"
                + "2,exception,run,2147483647,a b/c.java\r\n", csv);
    }

    @Test
    void writes_line_records_with_header_and_crlf_rows() {
        String csv = csvOf(LineRecord.class, List.of(
                new LineRecord(0, "mandelbrot", 17, "    c = x+y*1j", MANDELBROT),
                new LineRecord(9223372036854775807L, "main", 3, "        int[] a = {1, 2};", "Main.java")));
        assertEquals("index,function,lineNo,line,filename\r\n"
                + "0,mandelbrot,17,    c = x+y*1j,examples/mandelbrot_set_example.py\r\n"
                + "9223372036854775807,main,3,\"        int[] a = {1, 2};\",Main.java\r\n", csv);
    }

    @Test
    void writes_function_memory_records_with_rss_and_vms_headed_in_capitals() {
        String csv = csvOf(FunctionMemoryRecord.class, List.of(
                new FunctionMemoryRecord(0, "call", "mandelbrot", 64679936L, 382787584L, 13, MANDELBROT),
                new FunctionMemoryRecord(1, "return", "mandelbrot", 79572992L, 397795328L, 28, MANDELBROT)));
        assertEquals("index,type,function,RSS,VMS,lineNo,filename\r\n"
                + "0,call,mandelbrot,64679936,382787584,13,examples/mandelbrot_set_example.py\r\n"
                + "1,return,mandelbrot,79572992,397795328,28,examples/mandelbrot_set_example.py\r\n", csv);
    }

    @Test
    void writes_line_memory_records_with_rss_and_vms_headed_in_capitals() {
        String csv = csvOf(LineMemoryRecord.class, List.of(
                new LineMemoryRecord(0, "work", 5, 1L, 2L, "x++;", "W.java")));
        assertEquals("index,function,lineNo,RSS,VMS,line,filename\r\n"
                + "0,work,5,1,2,x++;,W.java\r\n", csv);
    }

    @Test
    void reproduces_the_seed_csv_sample_byte_for_byte() {
        String csv = csvOf(LineMemoryRecord.class, SEED_RECORDS);
        assertEquals(String.join("\r\n", SEED_LINES) + "\r\n", csv);
    }

    @Test
    void quotes_the_seed_line_with_commas_but_not_the_indented_lines() {
        String csv = csvOf(LineMemoryRecord.class, SEED_RECORDS.subList(0, 2));
        assertEquals("index,function,lineNo,RSS,VMS,line,filename\r\n"
                + "0,mandelbrot,16,64679936,382787584,\"    y,x = ogrid[-1.4:1.4:h*1j, -2:0.8:w*1j]\","
                + "examples/mandelbrot_set_example.py\r\n"
                + "1,mandelbrot,17,64962560,383229952,    c = x+y*1j,examples/mandelbrot_set_example.py\r\n", csv);
    }

    @Test
    void leaves_a_line_starting_with_spaces_or_a_hash_unquoted() {
        String csv = csvOf(LineRecord.class, List.of(
                new LineRecord(0, "f", 1, "   # comment; x < y ", "a.py"),
                new LineRecord(1, "f", 2, "!bang 'single'", "a.py")));
        assertEquals("index,function,lineNo,line,filename\r\n"
                + "0,f,1,   # comment; x < y ,a.py\r\n"
                + "1,f,2,!bang 'single',a.py\r\n", csv);
    }

    @Test
    void quotes_a_line_with_double_quotes_and_doubles_them() {
        String csv = csvOf(LineRecord.class, List.of(
                new LineRecord(4, "main", 8, "        System.out.println(\"hi\");", "Main.java")));
        assertEquals("index,function,lineNo,line,filename\r\n"
                + "4,main,8,\"        System.out.println(\"\"hi\"\");\",Main.java\r\n", csv);
    }

    @Test
    void quotes_a_line_with_a_newline_and_keeps_the_newline_inside_the_quotes() {
        String csv = csvOf(LineMemoryRecord.class, List.of(
                new LineMemoryRecord(0, "f", 1, 10L, 20L, "a\nb", "a.py"),
                new LineMemoryRecord(1, "f", 2, 10L, 20L, "c\rd", "a.py")));
        assertEquals("index,function,lineNo,RSS,VMS,line,filename\r\n"
                + "0,f,1,10,20,\"a\nb\",a.py\r\n"
                + "1,f,2,10,20,\"c\rd\",a.py\r\n", csv);
    }

    @Test
    void quotes_a_function_name_or_filename_that_holds_a_comma() {
        String csv = csvOf(FunctionRecord.class, List.of(
                new FunctionRecord(0, "call", "lambda$main$0", 3, "dir,with,commas/F.java")));
        assertEquals("index,type,function,lineNo,filename\r\n"
                + "0,call,lambda$main$0,3,\"dir,with,commas/F.java\"\r\n", csv);
    }

    @Test
    void writes_an_empty_string_as_an_empty_field() {
        String csv = csvOf(LineRecord.class, List.of(new LineRecord(0, "f", 1, "", "a.py")));
        assertEquals("index,function,lineNo,line,filename\r\n0,f,1,,a.py\r\n", csv);
    }

    @Test
    void writes_only_the_header_when_no_record_arrives() {
        assertEquals("index,type,function,RSS,VMS,lineNo,filename\r\n",
                csvOf(FunctionMemoryRecord.class, List.of()));
    }
}
