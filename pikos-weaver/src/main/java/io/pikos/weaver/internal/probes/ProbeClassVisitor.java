package io.pikos.weaver.internal.probes;

import io.pikos.weaver.internal.PikosPackages;
import org.objectweb.asm.Attribute;
import org.objectweb.asm.ByteVector;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.AnalyzerAdapter;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts probes into the methods of a class, and marks the class so that it is never woven twice: method
 * probes ({@code call}, {@code return}, {@code exception}) and call-out probes into every method with
 * code, line probes into every method with source lines. The class gains no field, no method and no
 * static initializer: every probe is an {@code invokedynamic} whose bootstrap arguments say what it
 * reports (see {@link ProbeInserter}).
 *
 * <p>Left alone: pikos' own packages, the metadata classes the annotation processor generates, class
 * files older than Java 7 (a probe is an {@code invokedynamic}), modules, abstract and native methods,
 * bridges, and AspectJ's own {@code ajc$} members. Line probes also skip synthetic methods other than
 * lambda bodies, which have no source lines of their own; method probes do not (an enum's
 * {@code $values}, a lambda body are reported as AspectJ reports their executions).
 */
public final class ProbeClassVisitor extends ClassVisitor {

    /**
     * The class attribute that marks a woven class; the JVM ignores attributes it does not know. The
     * runtime reads it to tell woven classes from others ({@code io.pikos.probe.WovenClasses}).
     */
    public static final String MARKER = "io.pikos.Probes";

    private static final String METADATA_SUFFIX = "_PikosSource";
    /** What ECJ names the switch-on-enum helpers it adds; AspectJ does not report them either. */
    private static final String SWITCH_TABLE_PREFIX = "$SWITCH_TABLE$";

    private final boolean lines;
    private final Set<String> refused;
    private final Map<String, Integer> declared;
    private final List<String> notes = new ArrayList<>();
    private String className;
    private boolean finalClass;
    private String sourceFile = "";
    private boolean eligible;
    private boolean woven;

    /**
     * @param next     where the woven class goes
     * @param lines    whether to put in line probes
     * @param refused  methods ({@code name + descriptor}) to leave without probes
     * @param declared the methods the class declares ({@code name + descriptor}) with their access flags
     */
    public ProbeClassVisitor(ClassVisitor next, boolean lines, Set<String> refused, Map<String, Integer> declared) {
        super(Opcodes.ASM9, next);
        this.lines = lines;
        this.refused = refused;
        this.declared = declared;
    }

    /**
     * Lists the methods a class declares.
     *
     * @param reader the class
     * @return their access flags by {@code name + descriptor}
     */
    public static Map<String, Integer> declaredMethods(ClassReader reader) {
        Map<String, Integer> methods = new HashMap<>();
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                methods.put(name + descriptor, access);
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return methods;
    }

    /**
     * Tells whether the weaver leaves a class alone by its name and version, before reading it.
     *
     * @param version  the class file's version
     * @param access   the class's access flags
     * @param name     its internal name
     * @return why it is left alone, or null if it is woven
     */
    public static String notWoven(int version, int access, String name) {
        int slash = name.lastIndexOf('/');
        if ((access & Opcodes.ACC_MODULE) != 0 || name.endsWith(METADATA_SUFFIX)
                || PikosPackages.contains(slash < 0 ? "" : name.substring(0, slash).replace('/', '.'))) {
            return "";
        }
        if ((version & 0xFFFF) < Opcodes.V1_7) {
            return "class file version " + (version & 0xFFFF) + " predates invokedynamic (Java 7)";
        }
        return null;
    }

    /** @return the internal name of the class visited, or null before {@code visit} */
    public String className() {
        return className;
    }

    /** @return whether at least one probe was put in */
    public boolean woven() {
        return woven;
    }

    /** @return one line per method that got line probes but no method probes, and why */
    public List<String> notes() {
        return notes;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName,
                      String[] interfaces) {
        className = name;
        finalClass = (access & Opcodes.ACC_FINAL) != 0;
        eligible = notWoven(version, access, name) == null;
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
            throw new AlreadyWoven();
        }
        super.visitAttribute(attribute);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                     String[] exceptions) {
        MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
        boolean methodProbes = eligible && hasCode(access, name) && !refused.contains(name + descriptor);
        if (!methodProbes) {
            return next;
        }
        boolean lineProbes = lines && hasSourceLines(access, name);
        return new MethodNode(Opcodes.ASM9, access, name, descriptor, signature, exceptions) {
            @Override
            public void visitEnd() {
                ProbePlan plan = ProbePlan.of(this, className, lineProbes, true, ProbeClassVisitor.this::runsOwnCode);
                if (plan.bodyStart() < 0) {
                    notes.add(className.replace('/', '.') + "." + name + descriptor + ": left without method probes: "
                            + "no single call of super(...) or this(...) starts its body");
                }
                ProbeInserter inserter = new ProbeInserter(next, plan, maxLocals, sourceFile, name, descriptor);
                AnalyzerAdapter analyzer = new AnalyzerAdapter(className, access, name, descriptor, inserter);
                inserter.follow(analyzer);
                accept(analyzer);
                woven = true;
            }
        };
    }

    @Override
    public void visitEnd() {
        if (woven) {
            super.visitAttribute(new Marker());
        }
        super.visitEnd();
    }

    /**
     * An instance call on this class of a method it declares runs that very method when nothing can
     * override it: the class is final, or the method private or final. That method is woven.
     */
    private boolean runsOwnCode(MethodInsnNode call) {
        Integer access = call.owner.equals(className) ? declared.get(call.name + call.desc) : null;
        return access != null && (finalClass || (access & (Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL)) != 0)
                && hasCode(access, call.name);
    }

    private static boolean hasCode(int access, String name) {
        return (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_BRIDGE)) == 0
                && !name.startsWith("ajc$") && !name.startsWith(SWITCH_TABLE_PREFIX);
    }

    private static boolean hasSourceLines(int access, String name) {
        return (access & Opcodes.ACC_SYNTHETIC) == 0 || name.startsWith("lambda$");
    }

    /** Thrown while reading a class that carries {@link #MARKER}. */
    public static final class AlreadyWoven extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AlreadyWoven() {
            super(null, null, false, false);
        }
    }

    /**
     * Thrown when a method cannot take probes (see {@link ProbeInserter}); the class can be woven again
     * with that method in {@code refused}.
     */
    public static final class MethodRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final String method;

        MethodRefused(String method, String reason) {
            super(reason, null, false, false);
            this.method = method;
        }

        /** @return the method, {@code name + descriptor} */
        public String method() {
            return method;
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
            return new ByteVector(1).putByte(2);
        }
    }
}
