package io.pikos.records;

import io.pikos.internal.text.PyFormat;
import io.pikos.recorders.TextStreamRecorder;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The formatted text of each record type, with the seed's templates and Python's {@code str.format}
 * padding. Every expected string below is written out by hand from Python's rules: {@code <} pads on
 * the right, {@code >} on the left, {@code ^} splits the padding with the odd space on the right, and a
 * value longer than its width is written whole.
 */
class RecordTextTest {

    private static final String MANDELBROT = "examples/mandelbrot_set_example.py";

    private static <R extends MonitorRecord> String textOf(Class<R> type, boolean formatted, List<R> records) {
        StringWriter out = new StringWriter();
        TextStreamRecorder recorder = new TextStreamRecorder(out, null, false, formatted);
        recorder.prepare(type);
        for (R record : records) {
            recorder.record(record);
        }
        recorder.finish();
        return out.toString();
    }

    // ---------------------------------------------------------------- FunctionRecord

    // template {:<8} {:<11} {:<30} {:<5} {}
    private static final String FUNCTION_HEADER =
            "index    type        function                       lineNo filename";

    @Test
    void function_record_header_pads_each_name_on_the_right_and_lets_lineNo_overflow() {
        // "lineNo" is 6 characters in a width of 5: written whole, so the header is 8+1+11+1+30+1+6+1+8 long
        assertEquals(67, FUNCTION_HEADER.length());
        assertEquals(FUNCTION_HEADER, RecordLayout.of(FunctionRecord.class).textHeader());
    }

    @Test
    void formats_function_records_with_header_dashes_and_padded_lines() {
        String text = textOf(FunctionRecord.class, true, List.of(
                new FunctionRecord(0, "call", "mandelbrot", 13, MANDELBROT),
                new FunctionRecord(123456789, "c_exception", "aVeryLongMethodNameThatExceedsThirty", 123456,
                        "io/pikos/samples/Foo.java")));
        assertEquals(FUNCTION_HEADER + "\n"
                + "-------------------------------------------------------------------\n"
                + "0        call        mandelbrot                     13    examples/mandelbrot_set_example.py\n"
                + "123456789 c_exception aVeryLongMethodNameThatExceedsThirty 123456 io/pikos/samples/Foo.java\n",
                text);
    }

    // ---------------------------------------------------------------- LineRecord

    // template {:<12} {:<50} {:<7} {} -- {}
    private static final String LINE_HEADER =
            "index        function                                           lineNo  line -- filename";

    @Test
    void formats_line_records_with_header_dashes_and_padded_lines() {
        String text = textOf(LineRecord.class, true, List.of(
                new LineRecord(7, "mandelbrot", 17, "    c = x+y*1j", MANDELBROT),
                new LineRecord(123456789012L, "lambda$processEverySingleElementOfTheInputCollection$0", 1234567,
                        "return x;", "Big.java")));
        assertEquals(88, LINE_HEADER.length());
        assertEquals(LINE_HEADER + "\n"
                + "----------------------------------------------------------------------------------------\n"
                + "7            mandelbrot                                         17          c = x+y*1j"
                + " -- examples/mandelbrot_set_example.py\n"
                + "123456789012 lambda$processEverySingleElementOfTheInputCollection$0 1234567 return x; -- Big.java\n",
                text);
    }

    // ---------------------------------------------------------------- FunctionMemoryRecord

    // header {:<8} | {:<11} | {:<12} | {:<15} | {:<15} | {:>6} | {}
    // line   {:>8} | {:<11} | {:<12} | {:>15} | {:>15} | {:>6} | {}
    private static final String FUNCTION_MEMORY_HEADER =
            "index    | type        | function     | RSS             | VMS             | lineNo | filename";

    @Test
    void formats_function_memory_records_right_aligning_index_and_memory() {
        String text = textOf(FunctionMemoryRecord.class, true, List.of(
                new FunctionMemoryRecord(2, "return", "mandelbrot", 64679936L, 382787584L, 30, MANDELBROT),
                new FunctionMemoryRecord(5, "call", "calculateEverything", 1234567890123456L, 9L, 1234567,
                        "F.java")));
        assertEquals(93, FUNCTION_MEMORY_HEADER.length());
        assertEquals(FUNCTION_MEMORY_HEADER + "\n"
                + "---------------------------------------------------------------------------------------------\n"
                + "       2 | return      | mandelbrot   |        64679936 |       382787584 |     30"
                + " | examples/mandelbrot_set_example.py\n"
                + "       5 | call        | calculateEverything | 1234567890123456 |               9 | 1234567 | F.java\n",
                text);
    }

    // ---------------------------------------------------------------- LineMemoryRecord

    // header {:^12} | {:^30} | {:^7} | {:^15} | {:^15} | {} {}
    //   "index"    in 12: 7 spaces, 3 left and 4 right
    //   "function" in 30: 22 spaces, 11 and 11
    //   "lineNo"   in  7: 1 space, 0 left and 1 right
    //   "RSS"      in 15: 12 spaces, 6 and 6
    private static final String LINE_MEMORY_HEADER =
            "   index     |            function            | lineNo  |       RSS       |       VMS       | line filename";

    @Test
    void line_memory_header_centres_names_with_the_odd_space_on_the_right() {
        assertEquals(107, LINE_MEMORY_HEADER.length());
        assertEquals(LINE_MEMORY_HEADER, RecordLayout.of(LineMemoryRecord.class).textHeader());
    }

    @Test
    void formats_line_memory_records_with_header_dashes_and_padded_lines() {
        String text = textOf(LineMemoryRecord.class, true, List.of(
                new LineMemoryRecord(0, "mandelbrot", 16, 64679936L, 382787584L,
                        "    y,x = ogrid[-1.4:1.4:h*1j, -2:0.8:w*1j]", MANDELBROT),
                new LineMemoryRecord(1234567890123L, "aMethodNameThatIsLongerThanThirtyChars", 12345678,
                        1234567890123456L, 12345678901234567L, "}", "L.java"),
                new LineMemoryRecord(5, "f", 1, 0L, 0L, "", "e.py")));
        assertEquals(LINE_MEMORY_HEADER + "\n"
                + "-----------------------------------------------------------------------------------------------------------\n"
                + "0            | mandelbrot                     | 16      |        64679936 |       382787584"
                + " |     y,x = ogrid[-1.4:1.4:h*1j, -2:0.8:w*1j] examples/mandelbrot_set_example.py\n"
                + "1234567890123 | aMethodNameThatIsLongerThanThirtyChars | 12345678 | 1234567890123456"
                + " | 12345678901234567 | } L.java\n"
                + "5            | f                              | 1       |               0 |               0 |  e.py\n",
                text);
    }

    // ---------------------------------------------------------------- separator lengths

    @Test
    void dash_line_is_exactly_as_long_as_the_header_for_every_record_type() {
        assertEquals("-".repeat(67), RecordLayout.of(FunctionRecord.class).textSeparator());
        assertEquals("-".repeat(88), RecordLayout.of(LineRecord.class).textSeparator());
        assertEquals("-".repeat(93), RecordLayout.of(FunctionMemoryRecord.class).textSeparator());
        assertEquals("-".repeat(107), RecordLayout.of(LineMemoryRecord.class).textSeparator());
    }

    @Test
    void formatted_output_with_no_records_is_header_and_dashes_only() {
        assertEquals(FUNCTION_HEADER + "\n" + "-".repeat(67) + "\n", textOf(FunctionRecord.class, true, List.of()));
    }

    // ---------------------------------------------------------------- plain form

    @Test
    void plain_form_is_each_record_to_string_and_a_newline_without_header() {
        FunctionRecord call = new FunctionRecord(0, "call", "mandelbrot", 13, MANDELBROT);
        FunctionRecord ret = new FunctionRecord(1, "return", "mandelbrot", 28, MANDELBROT);
        String text = textOf(FunctionRecord.class, false, List.of(call, ret));
        assertEquals(call.toString() + "\n" + ret.toString() + "\n", text);
        assertEquals("FunctionRecord[index=0, type=call, function=mandelbrot, lineNo=13, "
                + "filename=examples/mandelbrot_set_example.py]\n"
                + "FunctionRecord[index=1, type=return, function=mandelbrot, lineNo=28, "
                + "filename=examples/mandelbrot_set_example.py]\n", text);
    }

    @Test
    void plain_form_of_line_memory_records_has_no_header() {
        LineMemoryRecord record = new LineMemoryRecord(3, "work", 9, 100L, 200L, "  x = 1;", "W.java");
        assertEquals("LineMemoryRecord[index=3, function=work, lineNo=9, rss=100, vms=200, line=  x = 1;, "
                + "filename=W.java]\n", textOf(LineMemoryRecord.class, false, List.of(record)));
    }

    @Test
    void plain_form_with_no_records_is_empty() {
        assertEquals("", textOf(LineRecord.class, false, List.of()));
    }

    // ---------------------------------------------------------------- PyFormat

    @Test
    void py_format_centres_with_the_odd_space_on_the_right() {
        assertEquals("[ a  ]", PyFormat.compile("[{:^4}]").format("a"));
        assertEquals("[ abc ]", PyFormat.compile("[{:^5}]").format("abc"));
        assertEquals("[ ab  ]", PyFormat.compile("[{:^5}]").format("ab"));
        assertEquals("[     ab     ]", PyFormat.compile("[{:^12}]").format("ab"));
        assertEquals("[    ab     ]", PyFormat.compile("[{:^11}]").format("ab"));
    }

    @Test
    void py_format_centres_even_padding_equally() {
        assertEquals("[ ab ]", PyFormat.compile("[{:^4}]").format("ab"));
        assertEquals("[  a  ]", PyFormat.compile("[{:^5}]").format("a"));
    }

    @Test
    void py_format_aligns_left_and_right() {
        assertEquals("[y   |   x]", PyFormat.compile("[{:<4}|{:>4}]").format("y", "x"));
        assertEquals("[42      |      42]", PyFormat.compile("[{:<8}|{:>8}]").format(42, 42L));
    }

    @Test
    void py_format_never_truncates_a_value_longer_than_its_width() {
        assertEquals("toolong|toolong|toolong|exact", PyFormat.compile("{:<3}|{:>3}|{:^3}|{:<5}")
                .format("toolong", "toolong", "toolong", "exact"));
        assertEquals("1234567890123", PyFormat.compile("{:>4}").format(1234567890123L));
    }

    @Test
    void py_format_counts_code_points_not_chars() {
        // U+1F600 is two Java chars but one code point, as Python counts it
        assertEquals("[  \uD83D\uDE00]", PyFormat.compile("[{:>3}]").format("\uD83D\uDE00"));
        assertEquals("[  \u00e9   ]", PyFormat.compile("[{:^6}]").format("\u00e9"));
    }

    @Test
    void py_format_bare_field_writes_value_as_is_and_keeps_literals() {
        assertEquals("a -- b", PyFormat.compile("{} -- {}").format("a", "b"));
        assertEquals("null|", PyFormat.compile("{}|").format((Object) null));
        assertEquals("no fields", PyFormat.compile("no fields").format());
    }

    @Test
    void py_format_rejects_an_unclosed_field() {
        assertThrows(IllegalArgumentException.class, () -> PyFormat.compile("{:<8} {:<11"));
    }

    @Test
    void py_format_rejects_unsupported_specs() {
        assertThrows(IllegalArgumentException.class, () -> PyFormat.compile("{:<}"));
        assertThrows(IllegalArgumentException.class, () -> PyFormat.compile("{:x8}"));
        assertThrows(IllegalArgumentException.class, () -> PyFormat.compile("{:<abc}"));
        assertThrows(IllegalArgumentException.class, () -> PyFormat.compile("{0}"));
        assertThrows(IllegalArgumentException.class, () -> PyFormat.compile("{:<-3}"));
        assertThrows(IllegalArgumentException.class, () -> PyFormat.compile("a}b{}"));
        assertThrows(IllegalArgumentException.class, () -> PyFormat.compile("{:08d}"));
    }

    @Test
    void py_format_rejects_the_wrong_number_of_values() {
        PyFormat format = PyFormat.compile("{:<2} {}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> format.format("a"));
        assertEquals("template has 2 fields, got 1", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> format.format("a", "b", "c"));
    }
}
