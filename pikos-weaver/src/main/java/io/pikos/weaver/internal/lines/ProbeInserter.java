package io.pikos.weaver.internal.lines;

import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.AnalyzerAdapter;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.LabelNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a method's code with the line probes its {@link ProbePlan} places. It sits behind an
 * {@link AnalyzerAdapter} that follows the original code, so that the stack map frame the JVM needs
 * after each probe's branch is exactly the original code's state at that point, without loading any
 * class to merge types.
 *
 * <p>What a method gets, with {@code g} a new local variable after all of the method's own:
 * <pre>
 *   invokedynamic linesOn()Z        // once, on entry: whether any monitor wants lines
 *   istore g
 *   ...
 *   iload g                         // before each line, where the plan says
 *   ifeq skip
 *   invokedynamic line()V           // records the line; bootstrap arguments say which
 *   skip:
 * </pre>
 * The guard is an {@code invokedynamic} call site shared by every method, whose target is a constant
 * that the runtime swaps when line monitoring starts or stops (see {@code Probes.bootstrapLinesOn}).
 * The JIT folds such a constant: with no line monitor enabled, {@code g} is a known {@code false} and
 * every probe is dead code, which is what keeps a disabled probe free inside a tight loop. A plain
 * static field would not be folded, and a volatile one would cost a load per line.
 */
final class ProbeInserter extends MethodVisitor {

    private static final String PROBES = "io/pikos/probe/Probes";
    private static final String BOOTSTRAP_PREFIX =
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;";
    /** {@code Probes.bootstrapLinesOn}. */
    static final Handle LINES_ON = new Handle(Opcodes.H_INVOKESTATIC, PROBES, "bootstrapLinesOn",
            BOOTSTRAP_PREFIX + ")Ljava/lang/invoke/CallSite;", false);
    /** {@code Probes.bootstrapLine}. */
    static final Handle LINE = new Handle(Opcodes.H_INVOKESTATIC, PROBES, "bootstrapLine",
            BOOTSTRAP_PREFIX + "Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;II)Ljava/lang/invoke/CallSite;",
            false);

    private final ProbePlan plan;
    private final int guard;
    private final String sourceFile;
    private final String methodName;
    private final String methodDescriptor;
    private AnalyzerAdapter analyzer;
    private int nextIndex;
    private boolean frameBeforeNextInstruction;

    /**
     * @param next             where the instrumented method goes
     * @param plan             where its probes go
     * @param guardSlot        the local variable for the guard: the method's original {@code maxLocals}
     * @param sourceFile       the class's source file name, or an empty string
     * @param methodName       the method's name
     * @param methodDescriptor the method's descriptor
     */
    ProbeInserter(MethodVisitor next, ProbePlan plan, int guardSlot, String sourceFile, String methodName,
                  String methodDescriptor) {
        super(Opcodes.ASM9, next);
        this.plan = plan;
        this.guard = guardSlot;
        this.sourceFile = sourceFile;
        this.methodName = methodName;
        this.methodDescriptor = methodDescriptor;
    }

    /** Connects the analyzer that feeds this visitor: its state is the original code's frame at each point. */
    void follow(AnalyzerAdapter analyzer) {
        this.analyzer = analyzer;
    }

    @Override
    public void visitCode() {
        super.visitCode();
        super.visitInvokeDynamicInsn("linesOn", "()Z", LINES_ON);
        super.visitVarInsn(Opcodes.ISTORE, guard);
        if (plan.entryLine() > 0) {
            Label skip = new Label();
            probe(skip, plan.entryLine());
            super.visitLabel(skip);
            if (!plan.firstHasFrame()) {
                stateFrame();
            }
        }
    }

    @Override
    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
        List<Object> locals = withGuard(new ArrayList<>(Arrays.asList(local).subList(0, numLocal)));
        super.visitFrame(Opcodes.F_NEW, locals.size(), locals.toArray(), numStack, stack);
    }

    @Override
    public void visitLabel(Label label) {
        int line = plan.lineBefore(label);
        if (line > 0) {
            // Runs on the fall-through edge only: jumps to the label skip it.
            probe(label, line);
            frameBeforeNextInstruction = !plan.hasFrame(label);
        }
        super.visitLabel(label);
    }

    @Override
    public void visitInsn(int opcode) {
        beforeInstruction();
        super.visitInsn(opcode);
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
        beforeInstruction();
        super.visitIntInsn(opcode, operand);
    }

    @Override
    public void visitVarInsn(int opcode, int varIndex) {
        beforeInstruction();
        super.visitVarInsn(opcode, varIndex);
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        beforeInstruction();
        super.visitTypeInsn(opcode, type);
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        beforeInstruction();
        super.visitFieldInsn(opcode, owner, name, descriptor);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        beforeInstruction();
        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
        beforeInstruction();
        super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        int index = beforeInstruction();
        super.visitJumpInsn(opcode, target(index, label));
    }

    @Override
    public void visitLdcInsn(Object value) {
        beforeInstruction();
        super.visitLdcInsn(value);
    }

    @Override
    public void visitIincInsn(int varIndex, int increment) {
        beforeInstruction();
        super.visitIincInsn(varIndex, increment);
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
        int index = beforeInstruction();
        super.visitTableSwitchInsn(min, max, target(index, dflt), targets(index, labels));
    }

    @Override
    public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
        int index = beforeInstruction();
        super.visitLookupSwitchInsn(target(index, dflt), keys, targets(index, labels));
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
        beforeInstruction();
        super.visitMultiANewArrayInsn(descriptor, numDimensions);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        // Trampolines follow the method's last instruction, which never falls through.
        for (ProbePlan.Trampoline trampoline : plan.trampolines()) {
            FrameNode frame = trampoline.targetFrame();
            if (frame == null) {
                throw new IllegalStateException("a jump target has no stack map frame");
            }
            super.visitLabel(trampoline.entry());
            List<Object> locals = withGuard(labelsOf(frame.local));
            List<Object> stack = labelsOf(frame.stack);
            super.visitFrame(Opcodes.F_NEW, locals.size(), locals.toArray(), stack.size(), stack.toArray());
            probe(trampoline.target(), trampoline.line());
            super.visitJumpInsn(Opcodes.GOTO, trampoline.target());
        }
        // A probe pushes one int over whatever the line has on the stack; the guard takes one more local.
        super.visitMaxs(maxStack + 1, Math.max(maxLocals, guard + 1));
    }

    /** Runs before each original instruction: inline probe and frames. @return the instruction's number */
    private int beforeInstruction() {
        if (frameBeforeNextInstruction) {
            stateFrame();
            frameBeforeNextInstruction = false;
        }
        int index = nextIndex++;
        int line = plan.inlineLine(index);
        if (line > 0 && analyzer.locals != null) {
            Label skip = new Label();
            probe(skip, line);
            super.visitLabel(skip);
            stateFrame();
        }
        return index;
    }

    /** {@code iload g; ifeq skip; invokedynamic line()V}: the caller places {@code skip}. */
    private void probe(Label skip, int line) {
        super.visitVarInsn(Opcodes.ILOAD, guard);
        super.visitJumpInsn(Opcodes.IFEQ, skip);
        super.visitInvokeDynamicInsn("line", "()V", LINE, sourceFile, methodName, methodDescriptor,
                plan.firstLine(), line);
    }

    /** The frame of the original code at this point, as the analyzer follows it, plus the guard. */
    private void stateFrame() {
        List<Object> locals = withGuard(frameTypes(analyzer.locals));
        List<Object> stack = frameTypes(analyzer.stack);
        super.visitFrame(Opcodes.F_NEW, locals.size(), locals.toArray(), stack.size(), stack.toArray());
    }

    private Label target(int index, Label label) {
        ProbePlan.Trampoline trampoline = plan.trampoline(index, label);
        return trampoline == null ? label : trampoline.entry();
    }

    private Label[] targets(int index, Label[] labels) {
        Label[] targets = new Label[labels.length];
        for (int i = 0; i < labels.length; i++) {
            targets[i] = target(index, labels[i]);
        }
        return targets;
    }

    /** Frame types after the original ones, padded to the guard's slot, then the guard's {@code int}. */
    private List<Object> withGuard(List<Object> types) {
        int slots = 0;
        for (Object type : types) {
            slots += type == Opcodes.LONG || type == Opcodes.DOUBLE ? 2 : 1;
        }
        for (; slots < guard; slots++) {
            types.add(Opcodes.TOP);
        }
        types.add(Opcodes.INTEGER);
        return types;
    }

    /** The analyzer keeps one entry per slot, {@code TOP} after a long or double; frames keep one per value. */
    private static List<Object> frameTypes(List<Object> slots) {
        List<Object> types = new ArrayList<>(slots.size());
        for (int i = 0; i < slots.size(); i++) {
            Object type = slots.get(i);
            types.add(type);
            if (type == Opcodes.LONG || type == Opcodes.DOUBLE) {
                i++;
            }
        }
        return types;
    }

    /** A frame node names an uninitialized object by the label node of its {@code NEW}; a visitor, by the label. */
    private static List<Object> labelsOf(List<Object> types) {
        List<Object> converted = new ArrayList<>(types == null ? 0 : types.size());
        if (types != null) {
            for (Object type : types) {
                converted.add(type instanceof LabelNode node ? node.getLabel() : type);
            }
        }
        return converted;
    }
}
