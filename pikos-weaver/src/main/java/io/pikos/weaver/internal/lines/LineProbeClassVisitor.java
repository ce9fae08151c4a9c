package io.pikos.weaver.internal.lines;

import io.pikos.weaver.internal.PikosPackages;
import org.objectweb.asm.Attribute;
import org.objectweb.asm.ByteVector;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.AnalyzerAdapter;
import org.objectweb.asm.tree.MethodNode;

/**
 * Puts line probes into every method of a class that has source lines, and marks the class so that it
 * is never instrumented twice.
 *
 * <p>Left alone: pikos' own packages, the metadata classes the annotation processor generates, class
 * files older than Java 7 (a probe is an {@code invokedynamic}), abstract and native methods, bridges,
 * AspectJ's own {@code ajc$} members and synthetic methods other than lambda bodies (they have no
 * source lines of their own). Lambda bodies, constructors, static initializers and the code ajc
 * weaves into methods are instrumented like any method.
 */
public final class LineProbeClassVisitor extends ClassVisitor {

    /** The class attribute that marks an instrumented class; the JVM ignores attributes it does not know. */
    public static final String MARKER = "io.pikos.LineProbes";

    private static final String METADATA_SUFFIX = "_PikosSource";

    private String className;
    private String sourceFile = "";
    private boolean eligible;
    private boolean instrumented;

    /** @param next where the instrumented class goes */
    public LineProbeClassVisitor(ClassVisitor next) {
        super(Opcodes.ASM9, next);
    }

    /** @return the internal name of the class visited, or null before {@code visit} */
    public String className() {
        return className;
    }

    /** @return whether at least one probe was put in */
    public boolean instrumented() {
        return instrumented;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName,
                      String[] interfaces) {
        className = name;
        int slash = name.lastIndexOf('/');
        String packageName = slash < 0 ? "" : name.substring(0, slash).replace('/', '.');
        eligible = (version & 0xFFFF) >= Opcodes.V1_7
                && (access & Opcodes.ACC_MODULE) == 0
                && !name.endsWith(METADATA_SUFFIX)
                && !PikosPackages.contains(packageName);
        super.visit(version, access, name, signature, superName, interfaces);
    }

    @Override
    public void visitSource(String source, String debug) {
        sourceFile = source == null ? "" : source;
        super.visitSource(source, debug);
    }

    @Override
    public void visitAttribute(Attribute attribute) {
        if (MARKER.equals(attribute.type)) {
            throw new AlreadyInstrumented();
        }
        super.visitAttribute(attribute);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                     String[] exceptions) {
        MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
        if (!eligible || !hasSourceLines(access, name)) {
            return next;
        }
        return new MethodNode(Opcodes.ASM9, access, name, descriptor, signature, exceptions) {
            @Override
            public void visitEnd() {
                ProbePlan plan = ProbePlan.of(this);
                if (plan.isEmpty()) {
                    accept(next);
                    return;
                }
                ProbeInserter inserter = new ProbeInserter(next, plan, maxLocals, sourceFile, name, descriptor);
                AnalyzerAdapter analyzer = new AnalyzerAdapter(className, access, name, descriptor, inserter);
                inserter.follow(analyzer);
                accept(analyzer);
                instrumented = true;
            }
        };
    }

    @Override
    public void visitEnd() {
        if (instrumented) {
            super.visitAttribute(new Marker());
        }
        super.visitEnd();
    }

    private static boolean hasSourceLines(int access, String name) {
        if ((access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_BRIDGE)) != 0
                || name.startsWith("ajc$")) {
            return false;
        }
        return (access & Opcodes.ACC_SYNTHETIC) == 0 || name.startsWith("lambda$");
    }

    /** Thrown while reading a class that carries {@link #MARKER}. */
    public static final class AlreadyInstrumented extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AlreadyInstrumented() {
            super(null, null, false, false);
        }
    }

    /** The marker: one byte, the format version of the probes. */
    private static final class Marker extends Attribute {
        Marker() {
            super(MARKER);
        }

        @Override
        protected ByteVector write(ClassWriter classWriter, byte[] code, int codeLength, int maxStack,
                                   int maxLocals) {
            return new ByteVector(1).putByte(1);
        }
    }
}
