package io.pikos.weaver;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A woven class looks exactly like the class the compiler wrote, to reflection and to serialization:
 * the probes add no field, no method, no constructor and no static initializer, so the default
 * {@code serialVersionUID} stays the same. The class is {@code src/test/fixtures/fixtures/Catalog.java}:
 * serializable without a {@code serialVersionUID}, with every kind of member javac adds.
 */
class TransparencyTest {

    private static final Path SOURCE = Programs.FIXTURES.resolve("fixtures/Catalog.java");

    @TempDir
    static Path work;

    private static Path plain;
    private static Path woven;
    private static List<String> classNames;

    @BeforeAll
    static void compileAndWeave() throws Exception {
        plain = Programs.javac(work.resolve("plain"), List.of(SOURCE), "-g");
        woven = work.resolve("woven");
        Programs.weave(Instrumenter.builder().build(), plain, woven);
        classNames = Programs.classFiles(plain).keySet().stream().filter(n -> !n.endsWith("_PikosSource")).toList();
        assertEquals(List.of("fixtures.Catalog", "fixtures.Catalog$1", "fixtures.Catalog$1Local", "fixtures.Catalog$2",
                "fixtures.Catalog$Entry", "fixtures.Catalog$Kind", "fixtures.Catalog$Nested"), classNames);
        for (String name : classNames) {
            assertTrue(Instrumenter.isWoven(Programs.classFile(woven, name)), name + " is woven");
        }
    }

    @Test
    void woven_class_has_the_same_members_and_serial_version_uid() throws Exception {
        List<String> serializable = new ArrayList<>();
        try (URLClassLoader plainLoader = Programs.loader(plain); URLClassLoader wovenLoader = Programs.loader(woven)) {
            for (String name : classNames) {
                Class<?> original = Class.forName(name, false, plainLoader);
                Class<?> instrumented = Class.forName(name, false, wovenLoader);
                try {
                    assertEquals(shape(original), shape(instrumented), name);
                    assertEquals(members(original.getDeclaredFields()), members(instrumented.getDeclaredFields()),
                            name + ": declared fields");
                    assertEquals(members(original.getDeclaredMethods()), members(instrumented.getDeclaredMethods()),
                            name + ": declared methods");
                    assertEquals(members(original.getDeclaredConstructors()),
                            members(instrumented.getDeclaredConstructors()), name + ": declared constructors");
                    if (Serializable.class.isAssignableFrom(original)) {
                        serializable.add(name);
                        assertEquals(ObjectStreamClass.lookup(original).getSerialVersionUID(),
                                ObjectStreamClass.lookup(instrumented).getSerialVersionUID(),
                                name + ": serialVersionUID");
                    }
                } catch (AssertionError e) {
                    fail(e.getMessage() + "\n\nwoven bytecode:\n" + Programs.bytecode(Programs.classFile(woven, name)), e);
                }
            }
        }
        assertEquals(List.of("fixtures.Catalog", "fixtures.Catalog$Entry", "fixtures.Catalog$Kind",
                "fixtures.Catalog$Nested"), serializable);
    }

    /** Below reflection: the class file declares the same fields and methods, {@code <clinit>} included. */
    @Test
    void woven_class_file_declares_the_same_fields_and_methods_and_no_static_initializer_of_its_own()
            throws Exception {
        Map<String, byte[]> originals = Programs.classFiles(plain);
        Map<String, byte[]> wovenClasses = Programs.classFiles(woven);
        for (String name : classNames) {
            ClassNode original = node(originals.get(name));
            ClassNode instrumented = node(wovenClasses.get(name));
            assertEquals(declarations(original), declarations(instrumented), name);
            assertEquals(original.access, instrumented.access, name);
            assertEquals(original.interfaces, instrumented.interfaces, name);
            assertEquals(original.signature, instrumented.signature, name);
            assertEquals(original.nestMembers, instrumented.nestMembers, name);
            assertEquals(original.nestHostClass, instrumented.nestHostClass, name);
        }
    }

    /** The point of an unchanged serialVersionUID: an object serialized unwoven reads back woven. */
    @Test
    void an_object_serialized_by_the_unwoven_class_is_read_back_by_the_woven_one() throws Exception {
        try (URLClassLoader plainLoader = Programs.loader(plain); URLClassLoader wovenLoader = Programs.loader(woven)) {
            Class<?> original = Class.forName("fixtures.Catalog", true, plainLoader);
            Constructor<?> constructor = original.getDeclaredConstructor(int.class, String[].class);
            constructor.setAccessible(true);
            Object catalog = constructor.newInstance(3, new String[] {"a", "b"});

            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(catalog);
            }
            Object read;
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())) {
                @Override
                protected Class<?> resolveClass(ObjectStreamClass description) throws ClassNotFoundException {
                    return Class.forName(description.getName(), false, wovenLoader);
                }
            }) {
                read = in.readObject();
            }
            Class<?> instrumented = read.getClass();
            assertSame(wovenLoader, instrumented.getClassLoader());
            Field count = instrumented.getDeclaredField("count");
            Field names = instrumented.getDeclaredField("names");
            count.setAccessible(true);
            names.setAccessible(true);
            assertEquals(3, count.getInt(read));
            assertEquals(List.of("a", "b"), names.get(read));
        }
    }

    private static String shape(Class<?> type) {
        return Integer.toHexString(type.getModifiers()) + " " + type.getName() + " extends "
                + (type.getSuperclass() == null ? "-" : type.getSuperclass().getName()) + " implements "
                + Arrays.stream(type.getInterfaces()).map(Class::getName).toList() + " declares "
                + Arrays.stream(type.getDeclaredClasses()).map(Class::getName).sorted().toList()
                + (type.isSynthetic() ? " synthetic" : "") + (type.isAnonymousClass() ? " anonymous" : "")
                + (type.isLocalClass() ? " local" : "");
    }

    /**
     * Members by name, modifiers (with the synthetic, bridge and varargs bits) and types, generic ones
     * included; a class's types are named, as the two versions are loaded by two loaders.
     */
    private static List<String> members(Member[] members) {
        return Stream.of(members).map(member -> {
            String generic = member instanceof Field field ? field.toGenericString()
                    : ((Executable) member).toGenericString();
            return Integer.toHexString(member.getModifiers()) + (member.isSynthetic() ? " synthetic " : " ") + generic;
        }).sorted().toList();
    }

    private static ClassNode node(byte[] classFile) {
        ClassNode node = new ClassNode();
        new ClassReader(classFile).accept(node, ClassReader.SKIP_CODE);
        return node;
    }

    private static List<String> declarations(ClassNode type) {
        List<String> declarations = new ArrayList<>();
        type.fields.forEach(f -> declarations.add("field " + f.access + " " + f.name + " " + f.desc + " " + f.signature
                + " " + f.value));
        type.methods.forEach(m -> declarations.add("method " + m.access + " " + m.name + m.desc + " " + m.signature
                + " " + m.exceptions));
        return declarations;
    }
}
