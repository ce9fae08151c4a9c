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
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
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
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The woven fixture behaves exactly as the same source compiled by plain javac: same results, same
 * exceptions with the same stack frames in fixture code, with no monitor and under a monitor; and
 * reflection sees the same members, synthetic ones included, and the same default
 * {@code serialVersionUID}: weaving adds nothing to a class.
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
    void reflection_sees_exactly_the_members_of_the_unwoven_class_synthetic_ones_included() throws Exception {
        for (String name : List.of("", "$Counter", "$Color", "$Point", "$Shape", "$Initialized")) {
            Class<?> plain = unwoven.loadClass(FIXTURE + name);
            Class<?> woven = Class.forName(FIXTURE + name);
            assertEquals(nonSyntheticMembers(plain), nonSyntheticMembers(woven), name);
            assertEquals(declaredMembers(plain).keySet(), declaredMembers(woven).keySet(), name);
            if (Serializable.class.isAssignableFrom(plain)) {
                assertEquals(ObjectStreamClass.lookup(plain).getSerialVersionUID(),
                        ObjectStreamClass.lookup(woven).getSerialVersionUID(), name);
            }
        }
    }

    /**
     * The declared fields, methods and constructors, by kind, name and parameter types. Synthetic ones
     * included: javac and ajc (Eclipse's compiler) name lambda bodies differently, and javac writes an
     * enum's {@code $values}, but both mark them synthetic.
     */
    private static Map<String, Member> declaredMembers(Class<?> type) {
        Map<String, Member> members = new TreeMap<>();
        for (Field field : type.getDeclaredFields()) {
            members.put("field " + field.getName(), field);
        }
        for (Method method : type.getDeclaredMethods()) {
            members.put("method " + method.getName() + parameters(method), method);
        }
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            members.put("constructor " + parameters(constructor), constructor);
        }
        return members;
    }

    private static String parameters(Executable executable) {
        return Arrays.stream(executable.getParameterTypes()).map(Class::getTypeName)
                .collect(Collectors.joining(",", "(", ")"));
    }

    private static TreeSet<String> nonSyntheticMembers(Class<?> type) {
        TreeSet<String> members = new TreeSet<>();
        Stream.of(type.getDeclaredFields(), type.getDeclaredMethods(), type.getDeclaredConstructors())
                .flatMap(Arrays::stream)
                .map(Member.class::cast)
                .filter(m -> !m.isSynthetic())
                .forEach(m -> members.add(Modifier.toString(m.getModifiers()) + " " + m.getName()));
        members.add("interfaces " + Arrays.toString(type.getInterfaces()).replace(type.getClassLoader() + "", ""));
        members.add("record " + type.isRecord() + ", enum " + type.isEnum() + ", super "
                + (type.getSuperclass() == null ? null : type.getSuperclass().getName()));
        return members;
    }
}
