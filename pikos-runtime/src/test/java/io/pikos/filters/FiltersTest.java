package io.pikos.filters;

import io.pikos.records.FunctionMemoryRecord;
import io.pikos.records.FunctionRecord;
import io.pikos.records.LineMemoryRecord;
import io.pikos.records.SeedSample;
import io.pikos.records.LineRecord;
import io.pikos.records.MonitorRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link OnValue}, {@link NotOnValue} and {@link OnChange} over sequences of records. */
class FiltersTest {

    private static final String FILE = "io/pikos/samples/Fib.java";

    /** fib(2): call, the two recursive calls and returns, a call into the JDK, the outer return. */
    private static final List<FunctionRecord> CALLS = List.of(
            new FunctionRecord(0, "call", "fib", 5, FILE),
            new FunctionRecord(1, "call", "fib", 5, FILE),
            new FunctionRecord(2, "return", "fib", 7, FILE),
            new FunctionRecord(3, "call", "fib", 5, FILE),
            new FunctionRecord(4, "return", "fib", 7, FILE),
            new FunctionRecord(5, "c_call", "println", 16, FILE),
            new FunctionRecord(6, "c_return", "println", 16, FILE),
            new FunctionRecord(7, "exception", "check", 20, FILE),
            new FunctionRecord(8, "return", "fib", 8, FILE));

    private static final List<LineMemoryRecord> SEED = SeedSample.RECORDS;

    private static <R extends MonitorRecord> List<Long> kept(Predicate<? super R> filter, List<R> records) {
        return records.stream().filter(filter).map(MonitorRecord::index).toList();
    }

    // ---------------------------------------------------------------- OnValue

    @Test
    void on_value_type_call_keeps_only_calls() {
        assertEquals(List.of(0L, 1L, 3L), kept(new OnValue("type", "call"), CALLS));
    }

    @Test
    void on_value_with_several_values_keeps_any_of_them() {
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 8L), kept(new OnValue("type", "call", "return"), CALLS));
    }

    @Test
    void on_value_matches_strings_exactly_not_by_prefix_or_case() {
        assertEquals(List.of(), kept(new OnValue("type", "Call", "c_", "cal"), CALLS));
        assertEquals(List.of(5L, 6L), kept(new OnValue("function", "println"), CALLS));
    }

    @Test
    void on_value_matches_an_int_column_given_an_integer() {
        assertEquals(List.of(0L), kept(new OnValue("lineNo", 16), SEED));
        assertEquals(List.of(4L, 10L, 16L), kept(new OnValue("lineNo", 21), SEED));
        assertEquals(List.of(5L, 6L), kept(new OnValue("lineNo", 16), CALLS));
    }

    @Test
    void on_value_matches_an_int_column_given_a_long() {
        assertEquals(List.of(5L, 6L), kept(new OnValue("lineNo", 16L), CALLS));
    }

    @Test
    void on_value_matches_a_long_column_given_an_integer() {
        assertEquals(List.of(3L), kept(new OnValue("index", 3), CALLS));
        assertEquals(List.of(3L), kept(new OnValue("index", 3), SEED));
        assertEquals(List.of(3L), kept(new OnValue("index", 3L), SEED));
    }

    @Test
    void on_value_matches_memory_columns_given_a_long_or_an_integer() {
        assertEquals(List.of(14L, 15L, 16L, 17L), kept(new OnValue("RSS", 77012992L), SEED));
        assertEquals(List.of(14L, 15L, 16L, 17L), kept(new OnValue("RSS", 77012992), SEED));
        assertEquals(List.of(2L, 3L), kept(new OnValue("VMS", 386056192), SEED));
    }

    @Test
    void on_value_does_not_match_a_number_given_as_a_string() {
        assertEquals(List.of(), kept(new OnValue("index", "3"), CALLS));
        assertEquals(List.of(), kept(new OnValue("lineNo", "16"), SEED));
    }

    @Test
    void on_value_on_line_text_keeps_the_matching_lines() {
        assertEquals(List.of(4L, 10L, 16L), kept(new OnValue("line", "    for i in xrange(maxit):"), SEED));
    }

    @Test
    void on_value_with_no_values_throws_illegal_argument() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new OnValue("type"));
        assertEquals("at least one value is needed", e.getMessage());
    }

    // ---------------------------------------------------------------- NotOnValue

    @Test
    void not_on_value_drops_the_given_values() {
        assertEquals(List.of(2L, 4L, 5L, 6L, 7L, 8L), kept(new NotOnValue("type", "call"), CALLS));
        assertEquals(List.of(5L, 6L, 7L), kept(new NotOnValue("type", "call", "return"), CALLS));
    }

    @Test
    void not_on_value_compares_numbers_across_boxed_types() {
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 7L, 8L), kept(new NotOnValue("lineNo", 16), CALLS));
        assertEquals(List.of(0L, 1L, 2L, 4L, 5L, 6L, 7L, 8L), kept(new NotOnValue("index", 3), CALLS));
    }

    @Test
    void not_on_value_with_no_values_throws_illegal_argument() {
        assertThrows(IllegalArgumentException.class, () -> new NotOnValue("type"));
    }

    // ---------------------------------------------------------------- OnChange

    @Test
    void on_change_rss_keeps_the_first_record_and_each_change_only() {
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 6L, 7L, 8L, 10L, 12L, 13L, 14L, 18L, 19L),
                kept(new OnChange("RSS"), SEED));
    }

    @Test
    void on_change_vms_keeps_the_first_record_and_each_change_only() {
        assertEquals(List.of(0L, 1L, 2L, 4L, 6L, 7L, 12L, 13L, 18L), kept(new OnChange("VMS"), SEED));
    }

    @Test
    void on_change_keeps_a_value_that_returns_after_a_different_one() {
        // type: call call return call return c_call c_return exception return
        assertEquals(List.of(0L, 2L, 3L, 4L, 5L, 6L, 7L, 8L), kept(new OnChange("type"), CALLS));
        // function: fib x5, println x2, check, fib
        assertEquals(List.of(0L, 5L, 7L, 8L), kept(new OnChange("function"), CALLS));
    }

    @Test
    void on_change_compares_with_the_record_tested_just_before() {
        OnChange filter = new OnChange("RSS");
        assertTrue(filter.test(SEED.get(4)));
        assertFalse(filter.test(SEED.get(5)));
        assertFalse(filter.test(SEED.get(4)));
        assertTrue(filter.test(SEED.get(0)));
        assertTrue(filter.test(SEED.get(4)));
    }

    @Test
    void on_change_works_on_function_memory_records() {
        List<FunctionMemoryRecord> records = List.of(
                new FunctionMemoryRecord(0, "call", "a", 100L, 1000L, 1, FILE),
                new FunctionMemoryRecord(1, "call", "b", 100L, 1000L, 2, FILE),
                new FunctionMemoryRecord(2, "return", "b", 200L, 1000L, 3, FILE),
                new FunctionMemoryRecord(3, "return", "a", 200L, 1000L, 4, FILE));
        assertEquals(List.of(0L, 2L), kept(new OnChange("RSS"), records));
        assertEquals(List.of(0L), kept(new OnChange("VMS"), records));
    }

    // ---------------------------------------------------------------- unknown columns

    @Test
    void unknown_column_throws_illegal_argument_listing_the_columns() {
        OnValue filter = new OnValue("rss", 1L);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> filter.test(SEED.get(0)));
        assertTrue(e.getMessage().contains("'rss'"), e.getMessage());
        assertTrue(e.getMessage().contains("index, function, lineNo, RSS, VMS, line, filename"), e.getMessage());
    }

    @Test
    void column_missing_from_the_record_type_throws_illegal_argument_listing_its_columns() {
        LineRecord line = new LineRecord(0, "main", 3, "int x = 1;", FILE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NotOnValue("type", "call").test(line));
        assertEquals("LineRecord has no column 'type' (columns: index, function, lineNo, line, filename)",
                e.getMessage());
        IllegalArgumentException onChange = assertThrows(IllegalArgumentException.class,
                () -> new OnChange("RSS").test(CALLS.get(0)));
        assertTrue(onChange.getMessage().contains("index, type, function, lineNo, filename"), onChange.getMessage());
    }

    @Test
    void one_filter_serves_several_record_types_resolving_the_column_for_each() {
        OnValue filter = new OnValue("lineNo", 16);
        assertTrue(filter.test(CALLS.get(5)));
        assertTrue(filter.test(SEED.get(0)));
        assertFalse(filter.test(CALLS.get(0)));
        assertTrue(filter.test(new LineRecord(9, "f", 16, "x", FILE)));
        assertFalse(filter.test(SEED.get(1)));
    }
}
