package io.pikos.weaver;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The instrumenter fed broken class files: truncated at every length and with bytes flipped at random
 * (a fixed seed, so a failure repeats). It never throws: it skips the class with a problem that names
 * the class where it can and hands back the bytes it was given, or returns a class file that reads
 * back whole. The samples are classes it weaves whole: the fixture programs, compiled by javac, and
 * one of JUnit's (pikos' own classes it would leave unchanged without reading them).
 */
class MalformedClassFilesTest {

    @TempDir
    static Path work;

    private static final Map<String, byte[]> SAMPLES = new LinkedHashMap<>();

    private final Instrumenter instrumenter = Instrumenter.builder().build();

    @BeforeAll
    static void compileSamples() throws IOException {
        Path classes = Programs.javac(work.resolve("classes"), List.of(Programs.FIXTURES.resolve("fixtures/Calls.java"),
                Programs.FIXTURES.resolve("fixtures/Catalog.java")), "-g");
        for (String name : List.of("fixtures.Calls", "fixtures.Calls$Color", "fixtures.Catalog$Entry")) {
            SAMPLES.put(name, Programs.classFile(classes, name));
        }
        // A Java 8 class file, with lambdas, from a jar
        try (InputStream in = Assertions.class.getResourceAsStream("AssertThrows.class")) {
            SAMPLES.put("org.junit.jupiter.api.AssertThrows", in.readAllBytes());
        }
    }

    @Test
    void each_sample_is_woven_whole() {
        SAMPLES.forEach((name, whole) -> {
            Instrumenter.Result result = instrumenter.instrument(whole);
            assertEquals(new Instrumenter.Result(name, Instrumenter.Status.WOVEN, result.classFile(), List.of()), result);
        });
    }

    @Test
    void a_truncated_class_file_is_skipped_by_name_at_every_length() {
        SAMPLES.forEach((name, whole) -> {
            for (int length = 0; length < whole.length; length++) {
                byte[] truncated = Arrays.copyOf(whole, length);
                Instrumenter.Result result;
                try {
                    result = instrumenter.instrument(truncated);
                } catch (RuntimeException | Error e) {
                    fail(name + " truncated to " + length + " bytes: " + e, e);
                    return;
                }
                String where = name + " truncated to " + length + " bytes: " + result;
                assertEquals(Instrumenter.Status.SKIPPED, result.status(), where);
                assertSame(truncated, result.classFile(), where);
                assertEquals(1, result.problems().size(), where);
                String problem = result.problems().get(0);
                if (result.className().equals(name)) {
                    assertTrue(problem.startsWith(name + ": left as it was: not a valid class file: "), where);
                } else {
                    assertEquals("(not a class file)", result.className(), where);
                    assertTrue(problem.startsWith("not a class file this weaver can read: "), where);
                }
            }
        });
    }

    /**
     * Every attempt is made and every failure listed: an exception out of {@code instrument}, or a woven
     * class file that ASM cannot read back. Each attempt says which bytes it flipped, to repeat it.
     */
    @Test
    void flipped_bytes_are_skipped_or_give_a_class_file_that_reads_back() {
        Random random = new Random(20261129);
        List<String> failures = new ArrayList<>();
        SAMPLES.forEach((name, whole) -> {
            for (int attempt = 0; attempt < 500; attempt++) {
                byte[] broken = whole.clone();
                List<String> flipped = new ArrayList<>();
                for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                    int at = random.nextInt(broken.length);
                    int mask = 1 + random.nextInt(255);
                    flipped.add("byte " + at + " " + (broken[at] & 0xFF) + " -> " + ((broken[at] ^ mask) & 0xFF));
                    broken[at] ^= (byte) mask;
                }
                String where = name + ", attempt " + attempt + " (" + String.join(", ", flipped) + ")";
                Instrumenter.Result result;
                try {
                    result = instrumenter.instrument(broken);
                } catch (RuntimeException | Error e) {
                    failures.add(where + ": instrument threw " + e + " at " + e.getStackTrace()[0]);
                    continue;
                }
                switch (result.status()) {
                    case SKIPPED, UNCHANGED, ALREADY_WOVEN -> {
                        assertSame(broken, result.classFile(), where);
                        if (result.status() == Instrumenter.Status.SKIPPED) {
                            assertEquals(1, result.problems().size(), where);
                        }
                    }
                    case WOVEN -> {
                        try {
                            new ClassReader(result.classFile()).accept(new ClassWriter(0), 0);
                        } catch (RuntimeException e) {
                            failures.add(where + ": woven into a class file that does not read back: " + e);
                        }
                    }
                }
            }
        });
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + 500 * SAMPLES.size() + " attempts failed:\n" + String.join("\n", failures));
        }
    }

    /**
     * A call whose descriptor is not one (here {@code xI)V}, one argument on the stack): ASM's
     * {@code AnalyzerAdapter} throws an {@link AssertionError}, which must not leave {@code instrument}.
     */
    @Test
    void a_call_with_a_malformed_descriptor_is_skipped_not_thrown() {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "demo/Bad", null, "java/lang/Object", null);
        MethodVisitor method = writer.visitMethod(Opcodes.ACC_STATIC, "run", "()V", null, null);
        method.visitCode();
        method.visitInsn(Opcodes.ICONST_0);
        method.visitMethodInsn(Opcodes.INVOKESTATIC, "demo/Other", "m", "xI)V", false);
        method.visitInsn(Opcodes.RETURN);
        method.visitMaxs(1, 0);
        method.visitEnd();
        writer.visitEnd();
        byte[] bad = writer.toByteArray();

        Instrumenter.Result result;
        try {
            result = instrumenter.instrument(bad);
        } catch (Throwable e) {
            throw new AssertionError("instrument threw " + e, e);
        }
        assertEquals(Instrumenter.Status.SKIPPED, result.status());
        assertSame(bad, result.classFile());
        assertEquals(1, result.problems().size());
        assertTrue(result.problems().get(0).startsWith("demo.Bad: left as it was: "), result.problems().get(0));
    }
}
