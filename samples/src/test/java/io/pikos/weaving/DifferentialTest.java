package io.pikos.weaving;

import io.pikos.monitors.FunctionMonitor;
import io.pikos.monitors.Monitor;
import io.pikos.recorders.ListRecorder;
import io.pikos.weaving.fixtures.Constructs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The woven fixture behaves exactly as the same source compiled by plain javac: same results, same
 * exceptions with the same stack frames in fixture code, with no monitor and under a monitor; and
 * reflection sees the same members, apart from what AspectJ adds ({@code ajc$} members).
 */
class DifferentialTest {

    private static final String FIXTURE = "io.pikos.weaving.fixtures.Constructs";

    @TempDir
    static Path unwovenClasses;

    private static ClassLoader unwoven;

    @BeforeAll
    static void compileTheFixtureUnwoven() throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-proc:none", "-d", unwovenClasses.toString(),
                Path.of("src/test/java", FIXTURE.replace('.', '/') + ".java").toString());
        assertEquals(0, status, "javac failed on the fixture");
        unwoven = new URLClassLoader(new URL[] {unwovenClasses.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }

    private static List<Method> scenarios(Class<?> fixture) {
        return Arrays.stream(fixture.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && m.getParameterCount() == 0)
                .sorted((a, b) -> a.getName().compareTo(b.getName()))
                .toList();
    }

    /** What a scenario did: its result, or its exception with the fixture's frames. */
    private static String outcome(Method scenario) {
        try {
            return "returned " + scenario.invoke(null);
        } catch (InvocationTargetException e) {
            Throwable thrown = e.getCause();
            List<String> frames = new ArrayList<>();
            for (StackTraceElement frame : thrown.getStackTrace()) {
                if (frame.getClassName().startsWith(FIXTURE)) {
                    frames.add(frame.getClassName() + "." + frame.getMethodName() + ":" + frame.getLineNumber());
                }
            }
            return "threw " + thrown + " at " + frames;
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> outcomes(Class<?> fixture) {
        return scenarios(fixture).stream().map(m -> m.getName() + " " + outcome(m)).toList();
    }

    @Test
    void woven_code_gives_the_same_results_and_exceptions_as_unwoven_code() throws Exception {
        List<String> expected = outcomes(unwoven.loadClass(FIXTURE));
        assertEquals(8, expected.size(), expected.toString());
        assertEquals(expected, outcomes(Constructs.class));
    }

    @Test
    void woven_code_under_a_monitor_gives_the_same_results_and_exceptions() throws Exception {
        List<String> expected = outcomes(unwoven.loadClass(FIXTURE));
        List<String> actual;
        try (Monitor monitor = new FunctionMonitor(new ListRecorder<>()).enable()) {
            actual = outcomes(Constructs.class);
        }
        assertEquals(expected, actual);
    }

    @Test
    void reflection_sees_the_same_members_apart_from_aspectj_ones() throws Exception {
        for (String name : List.of("", "$Counter", "$Color", "$Point", "$Shape", "$Initialized")) {
            assertEquals(members(unwoven.loadClass(FIXTURE + name)), members(Class.forName(FIXTURE + name)), name);
        }
    }

    private static TreeSet<String> members(Class<?> type) {
        TreeSet<String> members = new TreeSet<>();
        Stream.of(type.getDeclaredFields(), type.getDeclaredMethods(), type.getDeclaredConstructors())
                .flatMap(Arrays::stream)
                .map(Member.class::cast)
                .filter(m -> !m.getName().startsWith("ajc$") && !m.getName().startsWith("lambda$")
                        && !m.getName().equals("$values"))
                .forEach(m -> members.add(Modifier.toString(m.getModifiers()) + " " + m.getName()));
        members.add("interfaces " + Arrays.toString(type.getInterfaces()).replace(type.getClassLoader() + "", ""));
        members.add("record " + type.isRecord() + ", enum " + type.isEnum() + ", super "
                + (type.getSuperclass() == null ? null : type.getSuperclass().getName()));
        return members;
    }
}
