package io.pikos.weaver;

import io.pikos.monitors.FunctionMonitor;
import io.pikos.monitors.LineMonitor;
import io.pikos.monitors.Monitor;
import io.pikos.recorders.ListRecorder;
import io.pikos.records.FunctionRecord;
import io.pikos.records.LineRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Woven code, run under a {@link FunctionMonitor}, records exactly the calls, returns and exceptions of
 * its methods and the {@code c_call}, {@code c_return} and {@code c_exception} of its calls into the
 * JDK, in order, each with its line; and it runs exactly as the code did unwoven. The program is
 * {@code src/test/fixtures/fixtures/Calls.java}, compiled by javac with the pikos processor (so that
 * {@code call}, {@code return} and {@code exception} carry the line the method is declared on, and a
 * member javac writes itself the first line of its code), woven into another directory and loaded in a
 * fresh child class loader for each run, so that each run sees its classes initialized.
 *
 * <p>Records are written {@code type function @tag}, the tag being the {@code // @tag} comment on the
 * record's line in the source. On a mismatch the test prints the woven bytecode.
 */
class FunctionRecordsTest {

    private static final Path SOURCE = Programs.FIXTURES.resolve("fixtures/Calls.java");
    private static final String CALLS = "fixtures.Calls";
    private static final List<String> SCENARIOS = List.of("construct", "escapes", "escapesTwoFrames",
            "inheritedFromJdk", "jdkCall", "jdkThrowsCaught", "lambdaThroughJdk", "lazy", "nested", "twoFrames",
            "virtualCalls");

    @TempDir
    static Path work;

    private static Path plain;
    private static Path woven;
    private static Programs.SourceTags tags;

    @BeforeAll
    static void compileAndWeave() throws Exception {
        plain = Programs.javac(work.resolve("plain"), List.of(SOURCE), "-g");
        woven = work.resolve("woven");
        Instrumenter.Summary summary = Programs.weave(Instrumenter.builder().build(), plain, woven);
        assertEquals(new Instrumenter.Summary(8, 0, 0, 2), summary, "every class woven; the processor's metadata class and source copied");
        tags = new Programs.SourceTags(SOURCE);
    }

    static List<String> scenarios() {
        return SCENARIOS;
    }

    @Test
    void the_scenarios_are_the_public_static_methods_of_the_program() throws Exception {
        try (URLClassLoader loader = Programs.loader(plain)) {
            List<String> methods = Arrays.stream(Class.forName(CALLS, false, loader).getDeclaredMethods())
                    .filter(m -> Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers()))
                    .map(Method::getName).sorted().toList();
            assertEquals(SCENARIOS, methods);
        }
    }

    @Test
    void nested_calls_nest_their_calls_and_returns() throws Exception {
        assertRecords("nested", """
                call nested @nested
                call outer @outer
                call inner @inner
                return inner @inner
                return outer @outer
                return nested @nested
                """);
    }

    @Test
    void a_call_into_the_jdk_records_c_call_and_c_return_on_the_line_of_the_call() throws Exception {
        assertRecords("jdkCall", """
                call jdkCall @jdkCall
                c_call parseInt @parseInt
                c_return parseInt @parseInt
                return jdkCall @jdkCall
                """);
    }

    @Test
    void a_jdk_call_that_throws_records_c_exception_and_the_catch_goes_on() throws Exception {
        assertRecords("jdkThrowsCaught", """
                call jdkThrowsCaught @jdkThrowsCaught
                c_call parseInt @parseFails
                c_exception parseInt @parseFails
                c_call getMessage @caught
                c_return getMessage @caught
                c_call length @caught
                c_return length @caught
                return jdkThrowsCaught @jdkThrowsCaught
                """);
    }

    @Test
    void an_exception_caught_two_frames_up_records_exception_in_each_frame_it_leaves() throws Exception {
        assertRecords("twoFrames", """
                call twoFrames @twoFrames
                call middle @middle
                call deepest @deepest
                c_call <init> @throw
                c_return <init> @throw
                exception deepest @deepest
                exception middle @middle
                c_call getMessage @getMessage
                c_return getMessage @getMessage
                return twoFrames @twoFrames
                """);
    }

    @Test
    void an_exception_leaving_the_program_records_exception_in_every_frame() throws Exception {
        assertRecords("escapesTwoFrames", """
                call escapesTwoFrames @escapesTwoFrames
                call middle @middle
                call deepest @deepest
                c_call <init> @throw
                c_return <init> @throw
                exception deepest @deepest
                exception middle @middle
                exception escapesTwoFrames @escapesTwoFrames
                """);
        assertRecords("escapes", """
                call escapes @escapes
                c_call parseInt @parseEscapes
                c_exception parseInt @parseEscapes
                exception escapes @escapes
                """);
    }

    /**
     * A constructor's {@code call} comes where its own body starts, after {@code super(...)}: the
     * records of the arguments it passes and of the super constructor come first. Its call of
     * Object's constructor is no {@code c_call}, nor is the construction of a woven class.
     */
    @Test
    void a_constructor_is_called_after_its_super_constructor_returns() throws Exception {
        assertRecords("construct", """
                call construct @construct
                call seven @seven
                return seven @seven
                call <init> @baseInit
                return <init> @baseInit
                call <init> @derivedInit
                c_call <init> @namesField
                c_return <init> @namesField
                return <init> @derivedInit
                c_call size @constructReturn
                c_return size @constructReturn
                return construct @construct
                """);
    }

    @Test
    void a_static_initializer_is_called_when_the_class_is_first_used() throws Exception {
        assertRecords("lazy", """
                call lazy @lazy
                call <clinit> @lazyField
                call seven @seven
                return seven @seven
                c_call abs @lazyBlock
                c_return abs @lazyBlock
                return <clinit> @lazyField
                return lazy @lazy
                """);
    }

    @Test
    void a_lambda_body_the_jdk_calls_back_is_called_inside_the_jdk_call() throws Exception {
        assertRecords("lambdaThroughJdk", """
                call lambdaThroughJdk @lambdaThroughJdk
                c_call <init> @newList
                c_return <init> @newList
                c_call of @forEach
                c_return of @forEach
                c_call forEach @forEach
                call lambda$lambdaThroughJdk$0 @forEach
                c_call add @forEach
                c_return add @forEach
                return lambda$lambdaThroughJdk$0 @forEach
                call lambda$lambdaThroughJdk$0 @forEach
                c_call add @forEach
                c_return add @forEach
                return lambda$lambdaThroughJdk$0 @forEach
                c_return forEach @forEach
                c_call size @size
                c_return size @size
                return lambdaThroughJdk @lambdaThroughJdk
                """);
    }

    /**
     * Calls are told apart by the method that runs, not the one the instruction names: an override in a
     * woven subclass records {@code call}; an enum's {@code name()}, inherited from {@code Enum}, is a
     * {@code c_call}. The enum's initialization records its constructor and {@code $values}.
     */
    @Test
    void a_call_records_call_when_a_woven_class_runs_it_and_c_call_when_the_jdk_does() throws Exception {
        assertRecords("virtualCalls", """
                call virtualCalls @virtualCalls
                call <init> @shapeClass
                return <init> @shapeClass
                call <init> @squareClass
                return <init> @squareClass
                call twice @twice
                call sides @sides
                return sides @sides
                return twice @twice
                call <clinit> @colors
                call <init> @colorClass
                return <init> @colorClass
                call <init> @colorClass
                return <init> @colorClass
                call $values @colorClass
                return $values @colorClass
                return <clinit> @colors
                call lower @lower
                c_call name @lowerBody
                c_return name @lowerBody
                c_call toLowerCase @lowerBody
                c_return toLowerCase @lowerBody
                return lower @lower
                c_call name @virtualReturn
                c_return name @virtualReturn
                return virtualCalls @virtualCalls
                """);
    }

    /**
     * A woven subclass of a JDK class: its override records {@code call} (its {@code super.add} is no
     * call-out, as AspectJ's {@code call} does not pick out super calls), the method it inherits is a
     * {@code c_call}.
     */
    @Test
    void a_woven_override_records_call_and_an_inherited_jdk_method_c_call() throws Exception {
        assertRecords("inheritedFromJdk", """
                call inheritedFromJdk @inheritedFromJdk
                call <init> @namesClass
                return <init> @namesClass
                call add @namesAdd
                c_call trim @superAdd
                c_return trim @superAdd
                return add @namesAdd
                c_call size @namesSize
                c_return size @namesSize
                return inheritedFromJdk @inheritedFromJdk
                """);
    }

    /** Each scenario returns or throws the same, woven or not, monitored or not. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void a_woven_program_returns_and_throws_exactly_what_it_did_unwoven(String scenario) throws Exception {
        String expected = outcome(plain, scenario, null);
        assertEquals(expected, outcome(woven, scenario, null), "woven, no monitor");
        assertEquals(expected, outcome(woven, scenario, new FunctionMonitor(new ListRecorder<>())),
                "woven, under a function monitor");
        assertEquals(expected, outcome(woven, scenario, new LineMonitor(new ListRecorder<>())),
                "woven, under a line monitor");
    }

    @Test
    void woven_code_with_no_monitor_enabled_records_nothing_and_runs_as_unwoven() throws Exception {
        ListRecorder<FunctionRecord> functions = new ListRecorder<>();
        ListRecorder<LineRecord> lines = new ListRecorder<>();
        try (Monitor functionMonitor = new FunctionMonitor(functions).enable();
             Monitor lineMonitor = new LineMonitor(lines).enable()) {
            // Enabled once, so that the probes' call sites have seen monitoring on, then off.
            functionMonitor.disable();
            lineMonitor.disable();
            for (String scenario : SCENARIOS) {
                assertEquals(outcome(plain, scenario, null), outcome(woven, scenario, null), scenario);
            }
            functionMonitor.enable();
            lineMonitor.enable();
        }
        assertEquals(List.of(), functions.records());
        assertEquals(List.of(), lines.records());
    }

    /** Runs a scenario of the woven program under a function monitor and compares its records. */
    private static void assertRecords(String scenario, String expected) throws Exception {
        ListRecorder<FunctionRecord> recorder = new ListRecorder<>(r -> r.filename().endsWith("fixtures/Calls.java"));
        try (URLClassLoader loader = Programs.loader(woven)) {
            Method method = Class.forName(CALLS, false, loader).getMethod(scenario);
            try {
                new FunctionMonitor(recorder).attach(() -> invoke(method)).call();
            } catch (RuntimeException e) {
                // the program's own exception: its records are compared
            }
        }
        List<String> actual = new ArrayList<>();
        for (FunctionRecord record : recorder.records()) {
            assertEquals("src/test/fixtures/fixtures/Calls.java", record.filename());
            actual.add(record.type() + " " + record.function() + " " + tags.tag(record.lineNo()));
        }
        if (!expected.strip().equals(String.join("\n", actual))) {
            fail(scenario + "\nexpected:\n" + expected.strip() + "\nrecorded:\n" + String.join("\n", actual)
                    + "\n\nwoven bytecode:\n" + Programs.bytecode(woven, name -> name.startsWith(CALLS)));
        }
    }

    /**
     * Runs a scenario in a fresh loader over {@code classes}, under {@code monitor} if not null.
     *
     * @return what it returned, or what it threw with the program's frames of the stack trace
     */
    private static String outcome(Path classes, String scenario, Monitor monitor) throws Exception {
        try (URLClassLoader loader = Programs.loader(classes)) {
            Method method = Class.forName(CALLS, false, loader).getMethod(scenario);
            Callable<Object> run = () -> invoke(method);
            try {
                return "returned " + (monitor == null ? run.call() : monitor.attach(run).call());
            } catch (RuntimeException e) {
                StringBuilder thrown = new StringBuilder("threw ").append(e);
                for (StackTraceElement frame : e.getStackTrace()) {
                    if (frame.getClassName().startsWith("fixtures.")) {
                        thrown.append("\n  at ").append(frame.getClassName()).append('.').append(frame.getMethodName())
                                .append(':').append(frame.getLineNumber());
                    }
                }
                return thrown.toString();
            }
        }
    }

    private static Object invoke(Method method) throws Exception {
        try {
            return method.invoke(null);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception exception) {
                throw exception;
            }
            throw (Error) e.getCause();
        }
    }
}
