package io.pikos.weaver.internal.build;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A build step of this module, run on its own aspects after ajc compiled them: makes each singleton
 * aspect's instance field {@code final}, so that the JIT folds {@code aspectOf()} to a constant.
 *
 * <p>Woven code reaches every piece of advice through {@code MethodHooks.aspectOf()}, which ajc writes
 * as a read of the static field {@code ajc$perSingletonInstance} and a null check. The field is not
 * final (ajc assigns it in {@code ajc$postClinit()}, called from the static initializer), so the JIT
 * must load and test it at every hook even when no monitor is enabled and the advice itself folds to
 * nothing. This step moves the assignment into the static initializer, where the JVM allows a final
 * static field to be assigned, inside the same try block (a failure is still kept in
 * {@code ajc$initFailureCause} and reported by {@code aspectOf()}), empties {@code ajc$postClinit()},
 * and marks the field final. A class already changed, or not shaped as ajc writes a singleton aspect,
 * is left as it is (a message says so); the step can run any number of times.
 */
public final class ConstantAspectSingletons {

    private static final String INSTANCE = "ajc$perSingletonInstance";
    private static final String POST_CLINIT = "ajc$postClinit";

    private ConstantAspectSingletons() {
    }

    /**
     * Rewrites aspect class files in place.
     *
     * @param args the class files of singleton aspects
     * @throws IOException if a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        for (String file : args) {
            Path path = Path.of(file);
            byte[] rewritten = rewrite(Files.readAllBytes(path));
            if (rewritten == null) {
                System.out.println("constant aspect singletons: " + path.getFileName() + " left as it is");
            } else {
                Files.write(path, rewritten);
            }
        }
    }

    /**
     * Rewrites one class.
     *
     * @param classFile the class file of a singleton aspect compiled by ajc
     * @return the rewritten class file, or {@code null} if it is already rewritten or not ajc's shape
     */
    static byte[] rewrite(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassNode aspect = new ClassNode();
        reader.accept(aspect, 0);
        FieldNode instance = field(aspect, INSTANCE);
        MethodNode clinit = method(aspect, "<clinit>");
        MethodNode postClinit = method(aspect, POST_CLINIT);
        if (instance == null || (instance.access & Opcodes.ACC_FINAL) != 0 || clinit == null || postClinit == null) {
            return null;
        }
        MethodInsnNode call = null;
        for (AbstractInsnNode insn : clinit.instructions) {
            if (insn instanceof MethodInsnNode m && m.getOpcode() == Opcodes.INVOKESTATIC
                    && m.owner.equals(aspect.name) && m.name.equals(POST_CLINIT)) {
                call = m;
            }
        }
        if (call == null) {
            return null;
        }
        InsnList create = new InsnList();
        create.add(new TypeInsnNode(Opcodes.NEW, aspect.name));
        create.add(new InsnNode(Opcodes.DUP));
        create.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, aspect.name, "<init>", "()V", false));
        create.add(new FieldInsnNode(Opcodes.PUTSTATIC, aspect.name, INSTANCE, instance.desc));
        clinit.instructions.insert(call, create);
        clinit.instructions.remove(call);
        postClinit.instructions.clear();
        postClinit.instructions.add(new InsnNode(Opcodes.RETURN));
        postClinit.tryCatchBlocks.clear();
        postClinit.localVariables = null;
        instance.access |= Opcodes.ACC_FINAL;
        // The inserted code is straight-line inside one block: the existing stack map frames still hold.
        // The writer starts from the reader's constant pool, so that ajc's own attributes, which point
        // into it by index, still read right.
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        aspect.accept(writer);
        return writer.toByteArray();
    }

    private static FieldNode field(ClassNode type, String name) {
        return type.fields.stream().filter(f -> f.name.equals(name)).findFirst().orElse(null);
    }

    private static MethodNode method(ClassNode type, String name) {
        return type.methods.stream().filter(m -> m.name.equals(name) && m.desc.equals("()V")).findFirst().orElse(null);
    }
}
