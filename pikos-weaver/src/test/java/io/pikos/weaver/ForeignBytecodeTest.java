package io.pikos.weaver;

import io.pikos.monitors.FunctionMonitor;
import io.pikos.monitors.Monitor;
import io.pikos.recorders.ListRecorder;
import io.pikos.records.FunctionRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.lang.reflect.Constructor;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Valid bytecode that javac never writes but other compilers do, assembled with ASM: the woven class
 * must still verify and run, whether the weaver puts probes into the odd method or leaves it without
 * and says so. On a failure the test prints the woven bytecode.
 */
class ForeignBytecodeTest {

    @TempDir
    Path dir;

    private final Instrumenter instrumenter = Instrumenter.builder().build();

    /**
     * Groovy compiles a constructor's {@code super(...)} into a switch over the super constructors, one
     * {@code invokespecial} per branch (see {@code groovy.cli.CliBuilderException(Throwable)} in
     * groovy-4.0.31.jar), so code after the first branch's call still runs with {@code this}
     * uninitialized. Here: {@code Branchy(boolean one)} calls {@code super("one")} on one branch and,
     * after a call into the JDK, {@code super()} on the other.
     */
    @Test
    void a_constructor_that_calls_super_on_two_branches_still_verifies_and_runs() throws Exception {
        byte[] branchy = branchyConstructor();
        Path plain = Programs.write(Files.createDirectories(dir.resolve("plain")), Map.of("demo.Branchy", branchy));
        try (URLClassLoader loader = Programs.loader(plain)) {
            Constructor<?> constructor = Class.forName("demo.Branchy", false, loader).getConstructor(boolean.class);
            assertEquals("one", ((RuntimeException) constructor.newInstance(true)).getMessage(), "unwoven");
            assertNull(((RuntimeException) constructor.newInstance(false)).getMessage(), "unwoven");
        }

        Instrumenter.Result result = instrumenter.instrument(branchy);
        String bytecode = Programs.bytecode(result.classFile());
        assertEquals(Instrumenter.Status.WOVEN, result.status(), bytecode);
        assertEquals(List.of("demo.Branchy.<init>(Z)V: left without method probes: no single call of super(...) or "
                + "this(...) starts its body"), result.problems(), bytecode);

        Path classes = Programs.write(Files.createDirectories(dir.resolve("classes")),
                Map.of("demo.Branchy", result.classFile()));
        try (URLClassLoader loader = Programs.loader(classes)) {
            Class<?> type = Class.forName("demo.Branchy", false, loader);
            Constructor<?> constructor;
            try {
                constructor = type.getConstructor(boolean.class); // links the class: the verifier runs
            } catch (VerifyError e) {
                fail("the woven class does not verify: " + e + "\n" + bytecode, e);
                return;
            }
            ListRecorder<FunctionRecord> recorder = new ListRecorder<>();
            try (Monitor monitor = new FunctionMonitor(recorder).enable()) {
                assertEquals("one", ((RuntimeException) constructor.newInstance(true)).getMessage());
                assertNull(((RuntimeException) constructor.newInstance(false)).getMessage());
                assertEquals(8, type.getMethod("twice", int.class).invoke(null, 4));
            }
            assertTrue(recorder.records().stream().anyMatch(r -> r.function().equals("twice")), bytecode);
        }
    }

    /** {@code demo.Branchy extends RuntimeException}, its two-branch constructor and {@code static int twice(int)}. */
    private static byte[] branchyConstructor() {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "demo/Branchy", null,
                "java/lang/RuntimeException", null);
        writer.visitSource("Branchy.groovy", null);

        MethodVisitor init = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "(Z)V", null, null);
        init.visitCode();
        Label first = new Label();
        init.visitLabel(first);
        init.visitLineNumber(3, first);
        Label other = new Label();
        Label end = new Label();
        init.visitVarInsn(Opcodes.ILOAD, 1);
        init.visitJumpInsn(Opcodes.IFEQ, other);
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitLdcInsn("one");
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/RuntimeException", "<init>", "(Ljava/lang/String;)V",
                false);
        init.visitJumpInsn(Opcodes.GOTO, end);
        init.visitLabel(other);
        init.visitLineNumber(4, other);
        init.visitFrame(Opcodes.F_NEW, 2, new Object[] {Opcodes.UNINITIALIZED_THIS, Opcodes.INTEGER}, 0,
                new Object[0]);
        init.visitLdcInsn("two");
        init.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/String", "length", "()I", false);
        init.visitInsn(Opcodes.POP);
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/RuntimeException", "<init>", "()V", false);
        init.visitLabel(end);
        init.visitLineNumber(5, end);
        init.visitFrame(Opcodes.F_NEW, 2, new Object[] {"demo/Branchy", Opcodes.INTEGER}, 0, new Object[0]);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();

        MethodVisitor twice = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "twice", "(I)I", null, null);
        twice.visitCode();
        Label body = new Label();
        twice.visitLabel(body);
        twice.visitLineNumber(8, body);
        twice.visitVarInsn(Opcodes.ILOAD, 0);
        twice.visitInsn(Opcodes.ICONST_2);
        twice.visitInsn(Opcodes.IMUL);
        twice.visitInsn(Opcodes.IRETURN);
        twice.visitMaxs(0, 0);
        twice.visitEnd();

        writer.visitEnd();
        return writer.toByteArray();
    }
}
