package io.pikos.cli.internal;

import io.pikos.cli.demo.Greeter;
import org.apache.commons.lang3.JavaVersion;
import org.apache.commons.lang3.StringUtils;
import org.apache.commons.lang3.function.FailableFunction;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * What in-process weaving adds to a class, seen in its class file: no field, no method, no static
 * initializer; the class's own members keep their names, descriptors and modifiers.
 */
class InProcessWeaverTest {

    /** A class, a nested class, a library's big class, an interface with default methods, an enum. */
    private static final List<Class<?>> TARGETS = List.of(Greeter.class, nested(Greeter.class, "Phrases"),
            StringUtils.class, FailableFunction.class, JavaVersion.class);

    @Test
    void weaving_adds_no_member_and_changes_none() throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InProcessWeaver weaver = new InProcessWeaver(
                List.of(location(Greeter.class), location(StringUtils.class)), new PrintStream(err, true, StandardCharsets.UTF_8));
        for (Class<?> target : TARGETS) {
            byte[] original = classFile(target);
            byte[] woven = weaver.weave(target.getName(), original);
            assertNotEquals(original.length, woven.length, target + " was not woven: " + err);
            assertEquals(members(original), members(woven), target.getName());
        }
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    /** Fields and methods, {@code field NAME DESCRIPTOR}, with their access flags. */
    private static Map<String, Integer> members(byte[] classFile) {
        Map<String, Integer> members = new TreeMap<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                members.put("field " + name + " " + descriptor, access);
                return null;
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                members.put("method " + name + descriptor, access);
                return null;
            }
        }, ClassReader.SKIP_CODE);
        return members;
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream("/" + type.getName().replace('.', '/') + ".class")) {
            if (in == null) {
                throw new IOException("no class file for " + type);
            }
            return in.readAllBytes();
        }
    }

    private static URL location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }

    private static Class<?> nested(Class<?> outer, String simpleName) {
        for (Class<?> member : outer.getDeclaredClasses()) {
            if (member.getSimpleName().equals(simpleName)) {
                return member;
            }
        }
        throw new IllegalArgumentException(outer + " has no nested class " + simpleName);
    }
}
