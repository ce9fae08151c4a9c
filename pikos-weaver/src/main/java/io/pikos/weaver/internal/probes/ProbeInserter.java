package io.pikos.weaver.internal.probes;

import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.AnalyzerAdapter;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodInsnNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a method's code with the probes its {@link ProbePlan} places. It sits behind an
 * {@link AnalyzerAdapter} that follows the original code, so that the stack map frame the JVM needs
 * after each probe's branch is exactly the original code's state at that point, without loading any
 * class to merge types.
 *
 * <p>Every probe is an {@code invokedynamic} behind a guard (see {@code Probes}). What a method gets,
 * with {@code g} and {@code t} new local variables after all of the method's own:
 * <pre>
 *   invokedynamic linesOn()Z          // on entry, with line probes: whether any monitor wants lines
 *   istore g
 *   iconst_m1; istore t               // on entry, with call-out probes
 *   invokedynamic methodsOn()Z        // where the body starts (after super(...) in a constructor)
 *   ifeq L0
 *   invokedynamic enter()V            // records call
 *   L0:
 *   ...
 *   iload g; ifeq L1                  // before each line, where the plan says
 *   invokedynamic line()V
 *   L1:
 *   ...
 *   iconst_m1; istore t               // before each call-out: [.. receiver, args]
 *   invokedynamic methodsOn()Z; ifeq L2
 *   (args to spare locals); dup       // an instance call only: the probe takes the receiver
 *   invokedynamic callOut(Object)I    // records c_call; the call's id, or -1 if its callee is woven
 *   istore t; (args back)
 *   L2: S: invokevirtual ... E:        // a handler of S..E only, first in the exception table
 *   iload t; iflt L3; iload t; invokestatic Probes.callOutReturn(I)V
 *   L3: goto L4
 *   H: iload t; invokestatic Probes.callOutThrow(I)V; athrow   // covered by the call's own handlers
 *   L4:
 *   ...
 *   invokedynamic methodsOn()Z; ifeq L5; invokedynamic return()V; L5: ireturn   // each return
 *   ...
 *   X: invokedynamic methodsOn()Z; ifeq L6; invokedynamic throw()V; L6: athrow
 *                                     // handler of the whole body, last in the exception table
 * </pre>
 * The line guard is read once per call, as Python's tracer starts tracing a frame when it is entered;
 * the method guard at each probe, as a monitor enabled while a method runs sees its calls and return.
 * With no monitor enabled both are constants the JIT folds to {@code false}, {@code t} stays -1, and
 * every probe is dead code.
 */
final class ProbeInserter extends MethodVisitor {

    private static final String PROBES = "io/pikos/probe/Probes";
    private static final String BOOTSTRAP_PREFIX =
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;";
    private static final String SITE_ARGUMENTS = "Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;I";
    private static final String CALL_SITE = ")Ljava/lang/invoke/CallSite;";
    /** {@code Probes.bootstrapLinesOn}. */
    static final Handle LINES_ON = new Handle(Opcodes.H_INVOKESTATIC, PROBES, "bootstrapLinesOn",
            BOOTSTRAP_PREFIX + CALL_SITE, false);
    /** {@code Probes.bootstrapLine}. */
    static final Handle LINE = new Handle(Opcodes.H_INVOKESTATIC, PROBES, "bootstrapLine",
            BOOTSTRAP_PREFIX + SITE_ARGUMENTS + "I" + CALL_SITE, false);
    /** {@code Probes.bootstrapMethodsOn}. */
    static final Handle METHODS_ON = new Handle(Opcodes.H_INVOKESTATIC, PROBES, "bootstrapMethodsOn",
            BOOTSTRAP_PREFIX + CALL_SITE, false);
    /** {@code Probes.bootstrapMethod}. */
    static final Handle METHOD = new Handle(Opcodes.H_INVOKESTATIC, PROBES, "bootstrapMethod",
            BOOTSTRAP_PREFIX + SITE_ARGUMENTS + CALL_SITE, false);
    /** {@code Probes.bootstrapCallOut}. */
    static final Handle CALL_OUT = new Handle(Opcodes.H_INVOKESTATIC, PROBES, "bootstrapCallOut",
            BOOTSTRAP_PREFIX + SITE_ARGUMENTS + "Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;I" + CALL_SITE,
            false);
    private static final Object[] THROWABLE = {"java/lang/Throwable"};

    private final ProbePlan plan;
    private final boolean methods; // false in a constructor without super(...)
    private final int firstProbeLocal;
    private final int guard; // -1 without line probes
    private final int token; // -1 without call-out probes
    private final int spare; // where an instance call's arguments are set aside
    private final String sourceFile;
    private final String methodName;
    private final String methodDescriptor;
    private final Label bodyStart = new Label();
    private AnalyzerAdapter analyzer;
    private int nextIndex;
    private int spareSize;
    private boolean frameBeforeNextInstruction;
    private ProbePlan.CallOut callEnding; // the call just written, whose return and handler follow it
    private List<Object> localsAtCall; // and the locals it was made with
    private boolean bodyStarting; // a constructor's super(...) was just written

    /**
     * @param next             where the instrumented method goes
     * @param plan             where its probes go
     * @param firstProbeLocal  the first local variable the probes may use: the method's original {@code maxLocals}
     * @param sourceFile       the class's source file name, or an empty string
     * @param methodName       the method's name
     * @param methodDescriptor the method's descriptor
     */
    ProbeInserter(MethodVisitor next, ProbePlan plan, int firstProbeLocal, String sourceFile, String methodName,
                  String methodDescriptor) {
        super(Opcodes.ASM9, next);
        this.plan = plan;
        this.methods = plan.bodyStart() >= 0;
        this.firstProbeLocal = firstProbeLocal;
        int local = firstProbeLocal;
        this.guard = plan.hasNoLines() ? -1 : local++;
        this.token = plan.callOuts().isEmpty() ? -1 : local++;
        this.spare = local;
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
        // Each call-out's handler covers its call alone and comes before the method's own handlers.
        for (ProbePlan.CallOut call : plan.callOuts()) {
            super.visitTryCatchBlock(call.start(), call.end(), call.handler(), null);
        }
        if (guard >= 0) {
            super.visitInvokeDynamicInsn("linesOn", "()Z", LINES_ON);
            super.visitVarInsn(Opcodes.ISTORE, guard);
        }
        if (token >= 0) {
            super.visitInsn(Opcodes.ICONST_M1);
            super.visitVarInsn(Opcodes.ISTORE, token);
        }
        if (methods && plan.bodyStart() == 0) {
            startBody();
        }
        if (plan.entryLine() > 0) {
            Label skip = new Label();
            lineProbe(skip, plan.entryLine());
            super.visitLabel(skip);
            frameBeforeNextInstruction = true; // unless the first instruction has a frame of its own
        }
    }

    @Override
    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
        endCall();
        List<Object> locals = withProbeLocals(new ArrayList<>(Arrays.asList(local).subList(0, numLocal)));
        super.visitFrame(Opcodes.F_NEW, locals.size(), locals.toArray(), numStack, stack);
        frameBeforeNextInstruction = false;
    }

    @Override
    public void visitLabel(Label label) {
        endCall();
        int line = plan.lineBefore(label);
        if (line > 0) {
            // Runs on the fall-through edge only: jumps to the label skip it.
            lineProbe(label, line);
            frameBeforeNextInstruction = !plan.hasFrame(label);
        }
        super.visitLabel(label);
    }

    @Override
    public void visitInsn(int opcode) {
        beforeInstruction();
        if (methods && opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN && analyzer.locals != null) {
            Label skip = new Label();
            methodProbe(skip, "return");
            super.visitLabel(skip);
            stateFrame();
        }
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
        int index = beforeInstruction();
        ProbePlan.CallOut call = plan.callOut(index);
        if (call == null) {
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            bodyStarting = methods && index + 1 == plan.bodyStart();
            return;
        }
        if (analyzer.locals == null) {
            throw new ProbeClassVisitor.MethodRefused(methodName + methodDescriptor, "a call in unreachable code");
        }
        // Stack: [.. receiver?, arguments]
        super.visitInsn(Opcodes.ICONST_M1);
        super.visitVarInsn(Opcodes.ISTORE, token);
        Label unguarded = new Label();
        super.visitInvokeDynamicInsn("methodsOn", "()Z", METHODS_ON);
        super.visitJumpInsn(Opcodes.IFEQ, unguarded);
        if (call.instance()) {
            Type[] arguments = Type.getArgumentTypes(descriptor);
            int[] slots = spareSlots(arguments);
            for (int i = arguments.length - 1; i >= 0; i--) {
                super.visitVarInsn(arguments[i].getOpcode(Opcodes.ISTORE), slots[i]);
            }
            // Stack: [.. receiver]
            super.visitInsn(Opcodes.DUP);
            callOutProbe(call, "(Ljava/lang/Object;)I");
            for (int i = 0; i < arguments.length; i++) {
                super.visitVarInsn(arguments[i].getOpcode(Opcodes.ILOAD), slots[i]);
            }
        } else {
            callOutProbe(call, "()I");
        }
        super.visitLabel(unguarded);
        stateFrame();
        super.visitLabel(call.start());
        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        super.visitLabel(call.end());
        callEnding = call;
        localsAtCall = frameTypes(analyzer.locals); // the analyzer has not seen the call yet

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
        endCall();
        // What follows the method's last instruction, which never falls through, is reached only by jumps
        // and throws. First the handler of the whole body: every throw that leaves the method reaches it.
        if (methods) {
            Label bodyEnd = new Label();
            Label handler = new Label();
            Label rethrow = new Label();
            super.visitLabel(bodyEnd);
            super.visitTryCatchBlock(bodyStart, bodyEnd, handler, null);
            super.visitLabel(handler);
            super.visitFrame(Opcodes.F_NEW, 0, new Object[0], 1, THROWABLE);
            methodProbe(rethrow, "throw");
            super.visitLabel(rethrow);
            super.visitFrame(Opcodes.F_NEW, 0, new Object[0], 1, THROWABLE);
            super.visitInsn(Opcodes.ATHROW);
        }
        for (ProbePlan.Trampoline trampoline : plan.trampolines()) {
            FrameNode frame = trampoline.targetFrame();
            if (frame == null) {
                throw new IllegalStateException("a jump target has no stack map frame");
            }
            super.visitLabel(trampoline.entry());
            List<Object> locals = withProbeLocals(labelsOf(frame.local));
            List<Object> stack = labelsOf(frame.stack);
            super.visitFrame(Opcodes.F_NEW, locals.size(), locals.toArray(), stack.size(), stack.toArray());
            lineProbe(trampoline.target(), trampoline.line());
            super.visitJumpInsn(Opcodes.GOTO, trampoline.target());
        }
        // A guard pushes one int over whatever the code has on the stack; a call-out's handler holds the
        // exception and t; an instance call's receiver is pushed twice once its arguments are set aside.
        super.visitMaxs(maxStack + 2, Math.max(maxLocals, spare + spareSize));
    }

    /** Runs before each original instruction: what the last one left pending, frames, inline probe. */
    private int beforeInstruction() {
        endCall();
        ownCode();
        int index = nextIndex++;
        int line = plan.inlineLine(index);
        if (line > 0 && analyzer.locals != null) {
            Label skip = new Label();
            lineProbe(skip, line);
            super.visitLabel(skip);
            stateFrame();
        }
        return index;
    }

    /** Before code of pikos' own: the frame that a label just visited needs, if it has none yet. */
    private void ownCode() {
        if (frameBeforeNextInstruction) {
            stateFrame();
            frameBeforeNextInstruction = false;
        }
    }

    /**
     * After a call-out's instruction, before anything else (a label after the call may start another
     * handler's range or be a jump target): its return probe and its handler. Also where a
     * constructor's body starts, after its super(...).
     */
    private void endCall() {
        if (bodyStarting) {
            bodyStarting = false;
            startBody();
            return;
        }
        ProbePlan.CallOut call = callEnding;
        if (call == null) {
            return;
        }
        callEnding = null;
        // Stack: [.. result?] as the call left it, which the analyzer now follows.
        Label returned = new Label();
        Label after = new Label();
        super.visitVarInsn(Opcodes.ILOAD, token);
        super.visitJumpInsn(Opcodes.IFLT, returned);
        super.visitVarInsn(Opcodes.ILOAD, token);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, PROBES, "callOutReturn", "(I)V", false);
        super.visitLabel(returned);
        stateFrame();
        super.visitJumpInsn(Opcodes.GOTO, after);
        // Placed right after the call, this handler is covered by exactly the handlers that cover the
        // call, so that its rethrow goes where the call's exception would have gone.
        super.visitLabel(call.handler());
        List<Object> locals = withProbeLocals(localsAtCall);
        super.visitFrame(Opcodes.F_NEW, locals.size(), locals.toArray(), 1, THROWABLE);
        super.visitVarInsn(Opcodes.ILOAD, token);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, PROBES, "callOutThrow", "(I)V", false);
        super.visitInsn(Opcodes.ATHROW);
        super.visitLabel(after);
        frameBeforeNextInstruction = true;
    }

    /** Where the method's own body starts: its {@code call}, and the start of its {@code exception} handler. */
    private void startBody() {
        super.visitLabel(bodyStart);
        Label skip = new Label();
        methodProbe(skip, "enter");
        super.visitLabel(skip);
        frameBeforeNextInstruction = true;
    }

    /** {@code invokedynamic methodsOn()Z; ifeq skip; invokedynamic event()V}: the caller places {@code skip}. */
    private void methodProbe(Label skip, String event) {
        ownCode();
        super.visitInvokeDynamicInsn("methodsOn", "()Z", METHODS_ON);
        super.visitJumpInsn(Opcodes.IFEQ, skip);
        super.visitInvokeDynamicInsn(event, "()V", METHOD, sourceFile, methodName, methodDescriptor,
                plan.firstLine());
    }

    /** {@code invokedynamic callOut()I; istore t}, with the call's description as bootstrap arguments. */
    private void callOutProbe(ProbePlan.CallOut call, String descriptor) {
        MethodInsnNode instruction = call.call();
        super.visitInvokeDynamicInsn("callOut", descriptor, CALL_OUT, sourceFile, methodName, methodDescriptor,
                plan.firstLine(), instruction.owner, instruction.name, instruction.desc, call.line());
        super.visitVarInsn(Opcodes.ISTORE, token);
    }

    /** {@code iload g; ifeq skip; invokedynamic line()V}: the caller places {@code skip}. */
    private void lineProbe(Label skip, int line) {
        ownCode();
        super.visitVarInsn(Opcodes.ILOAD, guard);
        super.visitJumpInsn(Opcodes.IFEQ, skip);
        super.visitInvokeDynamicInsn("line", "()V", LINE, sourceFile, methodName, methodDescriptor,
                plan.firstLine(), line);
    }

    /** The local variables an instance call's arguments are set aside in, one after the other. */
    private int[] spareSlots(Type[] arguments) {
        int[] slots = new int[arguments.length];
        int size = 0;
        for (int i = 0; i < arguments.length; i++) {
            slots[i] = spare + size;
            size += arguments[i].getSize();
        }
        spareSize = Math.max(spareSize, size);
        return slots;
    }

    /** The frame of the original code at this point, as the analyzer follows it, plus the probes' locals. */
    private void stateFrame() {
        List<Object> locals = withProbeLocals(frameTypes(analyzer.locals));
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

    /**
     * Frame types after the original ones, padded to the probes' first local, then {@code g} and
     * {@code t} as {@code int}s where the method has them. The spare locals are never in a frame.
     */
    private List<Object> withProbeLocals(List<Object> types) {
        if (guard < 0 && token < 0) {
            return types;
        }
        int slots = 0;
        for (Object type : types) {
            slots += type == Opcodes.LONG || type == Opcodes.DOUBLE ? 2 : 1;
        }
        for (; slots < firstProbeLocal; slots++) {
            types.add(Opcodes.TOP);
        }
        if (guard >= 0) {
            types.add(Opcodes.INTEGER);
        }
        if (token >= 0) {
            types.add(Opcodes.INTEGER);
        }
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
