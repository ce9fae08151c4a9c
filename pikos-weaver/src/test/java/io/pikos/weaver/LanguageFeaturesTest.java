package io.pikos.weaver;

import io.pikos.monitors.FunctionMonitor;
import io.pikos.monitors.LineMonitor;
import io.pikos.monitors.Monitor;
import io.pikos.recorders.ListRecorder;
import io.pikos.records.FunctionRecord;
import org.aspectj.bridge.IMessage;
import org.aspectj.bridge.MessageHandler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The constructs of Java 17 in {@code src/test/fixtures/fixtures/Features.java} (patterns, records,
 * sealed types, switch expressions, try-with-resources, finally, synchronized, wide arguments, calls
 * made while objects are half constructed, streams, recursion to a stack overflow), compiled by javac
 * and by ajc (Eclipse's compiler): woven, each returns what it returned unwoven, with no monitor and
 * under a function and a line monitor at once, and its function records nest. On a failure the test
 * prints the woven bytecode.
 */
class LanguageFeaturesTest {

    private static final Path SOURCE = Programs.FIXTURES.resolve("fixtures/Features.java");
    private static final List<String> SCENARIOS = List.of("arrays", "comparators", "constructorArguments",
            "constructorThatThrows", "deepRecursion", "loops", "nullReceiver", "patterns", "recordsEqualAndThrow",
            "streams", "superCalls", "switches", "synchronizedThrow", "tryFinally", "tryWithResources",
            "wideArguments");

    @TempDir
    static Path work;

    private static Map<String, Path> plain;
    private static Map<String, Path> woven;

    @BeforeAll
    static void compileAndWeave() throws Exception {
        Path javac = Programs.javac(work.resolve("javac"), List.of(SOURCE), "-g");
        Path ecj = Files.createDirectories(work.resolve("ecj"));
        MessageHandler messages = new MessageHandler();
        new org.aspectj.tools.ajc.Main().run(new String[] {"-17", "-g", "-d", ecj.toString(), "-classpath",
                System.getProperty("java.class.path"), SOURCE.toString()}, messages);
        assertEquals(List.of(), Arrays.stream(messages.getMessages(IMessage.ERROR, true)).map(IMessage::getMessage)
                .toList());
        plain = Map.of("javac", javac, "ecj", ecj);
        woven = Map.of("javac", work.resolve("javac-woven"), "ecj", work.resolve("ecj-woven"));
        for (String compiler : plain.keySet()) {
            Instrumenter.Summary summary = Programs.weave(Instrumenter.builder().build(), plain.get(compiler),
                    woven.get(compiler));
            assertTrue(summary.woven() >= 6, compiler + ": " + summary);
        }
    }

    static Stream<Arguments> scenarios() {
        return Stream.of("javac", "ecj").flatMap(compiler -> SCENARIOS.stream().map(s -> Arguments.of(s, compiler)));
    }

    @Test
    void the_scenarios_are_the_public_static_methods_of_the_program() throws Exception {
        try (URLClassLoader loader = Programs.loader(plain.get("javac"))) {
            assertEquals(SCENARIOS, Arrays.stream(Class.forName("fixtures.Features", false, loader).getDeclaredMethods())
                    .filter(m -> Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers()))
                    .map(Method::getName).sorted().toList());
        }
    }

    @ParameterizedTest(name = "{0} compiled by {1}")
    @MethodSource("scenarios")
    void a_woven_construct_runs_as_unwoven_and_its_records_nest(String scenario, String compiler) throws Exception {
        String expected = outcome(plain.get(compiler), scenario, null);
        String bytecode = "\n\nwoven bytecode:\n" + Programs.bytecode(woven.get(compiler), n -> n.startsWith("fixtures."));
        assertEquals(expected, outcome(woven.get(compiler), scenario, null), () -> "no monitor" + bytecode);
        ListRecorder<FunctionRecord> functions = new ListRecorder<>();
        assertEquals(expected, outcome(woven.get(compiler), scenario, functions), () -> "under monitors" + bytecode);

        List<FunctionRecord> records = functions.records();
        assertTrue(records.stream().anyMatch(r -> r.type().equals("call") && r.function().equals(scenario)),
                () -> "no call of " + scenario + ": " + records.stream().limit(50).toList());
        // A stack overflow also strikes inside pikos' own code, where a probe records an event: the records of
        // the frames it unwinds are not whole (the runtime's affair, not the weaver's). Its result is compared.
        String nesting = scenario.equals("deepRecursion") ? null : Programs.nesting(records);
        if (nesting != null) {
            fail(nesting + "\n" + String.join("\n", records.stream().limit(500)
                    .map(r -> r.index() + " " + r.type() + " " + r.function() + " " + r.lineNo()).toList()) + bytecode);
        }
    }

    /** Runs a scenario in a fresh loader; under a function and a line monitor if {@code functions} is not null. */
    private static String outcome(Path classes, String scenario, ListRecorder<FunctionRecord> functions)
            throws Exception {
        try (URLClassLoader loader = Programs.loader(classes)) {
            Method method = Class.forName("fixtures.Features", false, loader).getMethod(scenario);
            if (functions == null) {
                return run(method);
            }
            try (Monitor methods = new FunctionMonitor(functions).enable();
                 Monitor lines = new LineMonitor(new ListRecorder<>()).enable()) {
                return run(method);
            }
        }
    }

    private static String run(Method method) throws IllegalAccessException {
        try {
            return "returned " + method.invoke(null);
        } catch (InvocationTargetException e) {
            return "threw " + e.getCause();
        }
    }
}
