package io.pikos.weaving;

import io.pikos.monitors.FunctionMonitor;
import io.pikos.records.FunctionRecord;
import io.pikos.recorders.ListRecorder;
import io.pikos.weaving.fixtures.Constructs;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Woven fixtures produce exactly the seed's function records: {@code type function line} for each
 * construct, lines named by the tags in the fixture's source ({@link SourceTags}). The classes are
 * compiled by javac and woven as class files; a method's {@code call} and {@code return} carry the
 * line where it is declared, from the processor's metadata, and a member javac writes itself (an
 * implicit constructor, an enum's {@code $values}, a static initializer) the first line of its code.
 */
class WeavingTest {

    private static final SourceTags TAGS = SourceTags.of(Constructs.class);

    /** Runs a scenario under a function monitor; returns its records from the fixture file, rendered. */
    private static List<String> record(Callable<Object> scenario) throws Exception {
        ListRecorder<FunctionRecord> recorder = new ListRecorder<>(
                r -> r.filename().endsWith("src/test/java/io/pikos/weaving/fixtures/Constructs.java"));
        new FunctionMonitor(recorder).attach(scenario).call();
        return recorder.records().stream()
                .map(r -> r.type() + " " + r.function().replaceAll("lambda\\$.*", "lambda\\$") + " " + TAGS.tag(r.lineNo()))
                .toList();
    }

    private static void assertRecords(String expected, List<String> actual) {
        assertEquals(expected.strip(), String.join("\n", actual), () -> "recorded:\n" + String.join("\n", actual));
    }

    @Test
    void static_instance_private_synchronized_methods_and_constructors() throws Exception {
        assertRecords("""
                call plainMethods @plainMethods
                call <init> @counterInit
                return <init> @counterInit
                call add @add
                call bump @bump
                return bump @bump
                return add @add
                call total @total
                return total @total
                call twice @twice
                return twice @twice
                c_call valueOf @plainReturn
                c_return valueOf @plainReturn
                return plainMethods @plainMethods
                """, record(Constructs::plainMethods));
    }

    @Test
    void generic_varargs_and_overloaded_methods() throws Exception {
        assertRecords("""
                call genericsVarargsOverloads @genericsVarargsOverloads
                c_call of @letters
                c_return of @letters
                call sum @sum
                return sum @sum
                call describe @describeInt
                return describe @describeInt
                call describe @describeString
                c_call length @length
                c_return length @length
                return describe @describeString
                call first @first
                c_call get @get
                c_return get @get
                return first @first
                c_call length @gvoReturn
                c_return length @gvoReturn
                c_call valueOf @gvoReturn
                c_return valueOf @gvoReturn
                return genericsVarargsOverloads @genericsVarargsOverloads
                """, record(Constructs::genericsVarargsOverloads));
    }

    @Test
    void anonymous_local_classes_and_lambda_bodies() throws Exception {
        assertRecords("""
                call nestedClasses @nestedClasses
                call <init> @anonymousNew
                return <init> @anonymousNew
                call getAsInt @anonymous
                return getAsInt @anonymous
                call <init> @localClass
                return <init> @localClass
                call value @local
                return value @local
                c_call getAsInt @nestedReturn
                call lambda$ @lambda
                return lambda$ @lambda
                c_return getAsInt @nestedReturn
                c_call valueOf @nestedReturn
                c_return valueOf @nestedReturn
                return nestedClasses @nestedClasses
                """, record(Constructs::nestedClasses));
    }

    @Test
    void callback_from_the_jdk_into_a_woven_lambda_and_back() throws Exception {
        assertRecords("""
                call callbackThroughTheJdk @callbackThroughTheJdk
                c_call <init> @listInit
                c_return <init> @listInit
                c_call valueOf @forEach
                c_return valueOf @forEach
                c_call of @forEach
                c_return of @forEach
                c_call forEach @forEach
                call lambda$ @forEach
                c_call add @forEach
                c_return add @forEach
                return lambda$ @forEach
                c_return forEach @forEach
                return callbackThroughTheJdk @callbackThroughTheJdk
                """, record(Constructs::callbackThroughTheJdk));
    }

    @Test
    void enum_and_record_members_interface_methods_and_static_initializers() throws Exception {
        assertRecords("""
                call enumsRecordsInterfaces @enumsRecordsInterfaces
                call <init> @pointDecl
                return <init> @pointDecl
                call sum @pointSum
                return sum @pointSum
                call unit @unit
                call <init> @shapeAnon
                return <init> @shapeAnon
                return unit @unit
                call sides @sides
                return sides @sides
                call <clinit> @clinit
                return <clinit> @clinit
                call <clinit> @red
                call <init> @color
                return <init> @color
                call $values @color
                return $values @color
                return <clinit> @red
                call lower @lower
                c_call name @toLowerCase
                c_return name @toLowerCase
                c_call toLowerCase @toLowerCase
                c_return toLowerCase @toLowerCase
                return lower @lower
                c_call length @erReturn
                c_return length @erReturn
                c_call valueOf @erReturn
                c_return valueOf @erReturn
                return enumsRecordsInterfaces @enumsRecordsInterfaces
                """, record(Constructs::enumsRecordsInterfaces));
    }

    @Test
    void recursion_nests_calls_and_returns() throws Exception {
        assertRecords("""
                call recursion @recursion
                call factorial @factorial
                call factorial @factorial
                call factorial @factorial
                return factorial @factorial
                return factorial @factorial
                return factorial @factorial
                c_call valueOf @recursionReturn
                c_return valueOf @recursionReturn
                return recursion @recursion
                """, record(Constructs::recursion));
    }

    @Test
    void a_throw_caught_two_frames_up_records_exception_in_each_frame_it_leaves() throws Exception {
        assertRecords("""
                call throwCaughtTwoFramesUp @throwCaughtTwoFramesUp
                call middle @middle
                call deepest @deepest
                c_call <init> @throw
                c_return <init> @throw
                exception deepest @deepest
                exception middle @middle
                c_call getMessage @getMessage
                c_return getMessage @getMessage
                return throwCaughtTwoFramesUp @throwCaughtTwoFramesUp
                """, record(Constructs::throwCaughtTwoFramesUp));
    }

    @Test
    void an_exception_from_the_jdk_records_c_exception_then_exception() throws Exception {
        assertRecords("""
                call escapingException @escapingException
                c_call parseInt @parseInt
                c_exception parseInt @parseInt
                exception escapingException @escapingException
                """, recordIgnoringThrow(Constructs::escapingException));
    }

    private static List<String> recordIgnoringThrow(Callable<Object> scenario) throws Exception {
        return record(() -> {
            try {
                return scenario.call();
            } catch (NumberFormatException expected) {
                return null;
            }
        });
    }
}
