package io.pikos.weaver.internal.probes;

import io.pikos.weaver.internal.PikosPackages;
import org.objectweb.asm.Label;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Where a method's probes go, decided on the method's original code before anything is inserted: the
 * line probes, the call-out probes, and where the method's own body starts (in a constructor, after
 * the call of {@code super(...)} or {@code this(...)}).
 *
 * <h2>Line probes</h2>
 *
 * <p>A line event happens on an edge of the control-flow graph, as in Python's tracer: when control
 * reaches an instruction from an instruction of another line, when it jumps backwards (a loop's
 * header line is reported again at each iteration, even a loop written on one line), when the method
 * starts and when an exception is caught. Edges that stay on one line going forwards are silent, so a
 * condition, a ternary or a statement that javac splits into several line-table entries produces no
 * duplicate events.
 *
 * <p>A probe sits where it runs for exactly the edges that fire:
 * <ul>
 *   <li>the <b>entry</b> probe, before all of the method's code;</li>
 *   <li><b>inline</b>, at the instruction itself, when every edge into it fires;</li>
 *   <li><b>before the instruction's labels</b>, for a firing fall-through edge: jumps to the label skip it;</li>
 *   <li>in a <b>trampoline</b> at the end of the method, for a firing jump whose target other edges
 *       reach silently: the jump is redirected to the trampoline, which runs the probe and jumps on.</li>
 * </ul>
 * Instructions are counted in the order {@link MethodNode#accept} visits them, which is how
 * {@link ProbeInserter} finds them again.
 */
final class ProbePlan {

    /** A firing jump, redirected to a trampoline that reports {@code line} and goes on to {@code target}. */
    record Trampoline(Label entry, Label target, int line, FrameNode targetFrame) {
    }

    /**
     * A call that may go into code that is not woven, with the labels of the handler that reports a
     * throw out of it: {@code start} and {@code end} enclose the call instruction alone.
     *
     * @param instance whether the method that runs depends on the object called (invokevirtual,
     *                 invokeinterface); otherwise the instruction names it (invokestatic, a constructor)
     */
    record CallOut(boolean instance, MethodInsnNode call, int line, Label start, Label end, Label handler) {
    }

    private final Map<Integer, Integer> inline = new HashMap<>();
    private final Map<Label, Integer> beforeLabel = new HashMap<>();
    private final Map<Label, Boolean> labelHasFrame = new HashMap<>();
    private final Map<Integer, Map<Label, Trampoline>> trampolinesBySource = new HashMap<>();
    private final List<Trampoline> trampolines = new ArrayList<>();
    private final Map<Integer, CallOut> callOuts = new LinkedHashMap<>();
    private final int firstLine;
    private int entryLine;
    private boolean firstHasFrame;
    private int bodyStart;

    private ProbePlan(int firstLine) {
        this.firstLine = firstLine;
    }

    /** @return whether the method gets no line probe (it has no line numbers) */
    boolean hasNoLines() {
        return entryLine == 0 && inline.isEmpty() && beforeLabel.isEmpty() && trampolines.isEmpty();
    }

    /**
     * Returns where the method's own body starts, which is where its {@code call} is reported and its
     * {@code exception} handler begins: 0 for a method, the instruction after {@code super(...)} or
     * {@code this(...)} for a constructor (before it, {@code this} cannot be used, nor may a handler
     * cover the code). -1 for a constructor in which no such call is found: it gets no method probes.
     *
     * @return the number of the instruction the body starts at
     */
    int bodyStart() {
        return bodyStart;
    }

    /** @return the call-out probe of the instruction numbered {@code index}, or null */
    CallOut callOut(int index) {
        return callOuts.get(index);
    }

    /** @return the call-out probes in the order of their instructions */
    Collection<CallOut> callOuts() {
        return callOuts.values();
    }

    /**
     * Returns the line reported when the method starts, by a probe placed before all of its code (so
     * that loops back to the first instruction do not run it).
     *
     * @return the line of the first instruction, or 0 if it has none
     */
    int entryLine() {
        return entryLine;
    }

    /** @return whether the first instruction has a stack map frame in the original code */
    boolean firstHasFrame() {
        return firstHasFrame;
    }

    /** @return the first line of the method's code, as the runtime registers the method */
    int firstLine() {
        return firstLine;
    }

    /** @return the line to report inline before the instruction numbered {@code index}, or 0 */
    int inlineLine(int index) {
        return inline.getOrDefault(index, 0);
    }

    /** @return the line to report before {@code label} on the fall-through edge, or 0 */
    int lineBefore(Label label) {
        return beforeLabel.getOrDefault(label, 0);
    }

    /** @return whether the instruction that {@code label} marks has a stack map frame in the original code */
    boolean hasFrame(Label label) {
        return labelHasFrame.get(label);
    }

    /** @return the trampoline that the jump numbered {@code index} takes to {@code target}, or null */
    Trampoline trampoline(int index, Label target) {
        Map<Label, Trampoline> bySource = trampolinesBySource.get(index);
        return bySource == null ? null : bySource.get(target);
    }

    List<Trampoline> trampolines() {
        return trampolines;
    }

    /**
     * Plans a method's probes.
     *
     * @param method    a method read with expanded frames; the plan keeps its labels, which are the ones
     *                  its replay visits
     * @param owner     the internal name of the class that declares it
     * @param lines     whether to plan line probes
     * @param callOuts  whether to plan call-out probes
     * @param runsOwnCode tells whether an instance call certainly runs a method of the class being woven
     *                  (so woven code): it then needs no call-out probe
     * @return the plan
     */
    static ProbePlan of(MethodNode method, String owner, boolean lines, boolean callOuts,
                        Predicate<MethodInsnNode> runsOwnCode) {
        Flow flow = new Flow(method);
        ProbePlan plan = new ProbePlan(flow.firstLine);
        plan.bodyStart = method.name.equals("<init>") ? flow.afterSuperCall() : 0;
        if (callOuts && plan.bodyStart >= 0) {
            plan.planCallOuts(flow, owner, runsOwnCode);
        }
        if (flow.firstLine == 0 || !lines) {
            return plan;
        }
        plan.entryLine = flow.lines.get(0);
        plan.firstHasFrame = flow.frames.get(0) != null;
        for (int i = 0; i < flow.code.size(); i++) {
            int line = flow.lines.get(i);
            List<Edge> edges = flow.edgesInto.get(i);
            if (line == 0 || edges.isEmpty()) {
                continue;
            }
            List<Edge> firing = new ArrayList<>();
            for (Edge edge : edges) {
                if (flow.fires(edge, i)) {
                    firing.add(edge);
                }
            }
            if (firing.isEmpty()) {
                continue;
            }
            // An inline probe would come between a NEW and the label that frames use to name the object
            // it creates: such an instruction gets its probes on the edges instead.
            List<LabelNode> labels = flow.labels.get(i);
            if ((firing.size() == edges.size() || labels.isEmpty()) && flow.code.get(i).getOpcode() != Opcodes.NEW) {
                plan.inline.put(i, line);
                continue;
            }
            for (Edge edge : firing) {
                if (edge.kind == Edge.FALL) {
                    Label first = labels.get(0).getLabel(); // a line change always starts at a label
                    plan.beforeLabel.put(first, line);
                    plan.labelHasFrame.put(first, flow.frames.get(i) != null);
                } else if (edge.kind == Edge.JUMP) {
                    plan.addTrampoline(edge.source, edge.target.getLabel(), line, flow.frames.get(i));
                }
                // A handler's first instruction stores or pops the exception, so an EXCEPTION edge always
                // leads to an inline probe.
            }
        }
        return plan;
    }

    /**
     * A call gets a probe unless the code it runs is known at build time to be woven (this class's own
     * static, private and final methods, and its methods if it is final) or to be pikos' own, or it is not a call of a method by Java's rules
     * ({@code super.m()}, {@code invokedynamic}). Calls before a constructor's body starts get none.
     */
    private void planCallOuts(Flow flow, String owner, Predicate<MethodInsnNode> runsOwnCode) {
        for (int i = bodyStart; i < flow.code.size(); i++) {
            if (!(flow.code.get(i) instanceof MethodInsnNode call) || PikosPackages.containsClass(call.owner)) {
                continue;
            }
            boolean instance;
            int line = flow.lines.get(i);
            switch (call.getOpcode()) {
                case Opcodes.INVOKEVIRTUAL, Opcodes.INVOKEINTERFACE -> {
                    if (runsOwnCode.test(call)) {
                        continue;
                    }
                    instance = true;
                }
                case Opcodes.INVOKESTATIC -> {
                    if (call.owner.equals(owner)) {
                        continue;
                    }
                    instance = false;
                }
                case Opcodes.INVOKESPECIAL -> {
                    if (!call.name.equals("<init>") || call.owner.equals(owner)) {
                        continue; // super.m() or a private method; this(...) or new of this very class
                    }
                    instance = false;
                    line = flow.lines.get(flow.newOf(i));
                }
                default -> {
                    continue;
                }
            }
            callOuts.put(i, new CallOut(instance, call, line, new Label(), new Label(), new Label()));
        }
    }

    private void addTrampoline(int source, Label target, int line, FrameNode targetFrame) {
        Map<Label, Trampoline> bySource = trampolinesBySource.computeIfAbsent(source, k -> new LinkedHashMap<>());
        if (!bySource.containsKey(target)) {
            Trampoline trampoline = new Trampoline(new Label(), target, line, targetFrame);
            bySource.put(target, trampoline);
            trampolines.add(trampoline);
        }
    }

    private static boolean fallsThrough(AbstractInsnNode insn) {
        int opcode = insn.getOpcode();
        return switch (opcode) {
            case Opcodes.GOTO, Opcodes.ATHROW, Opcodes.TABLESWITCH, Opcodes.LOOKUPSWITCH, Opcodes.RET,
                 Opcodes.IRETURN, Opcodes.LRETURN, Opcodes.FRETURN, Opcodes.DRETURN, Opcodes.ARETURN,
                 Opcodes.RETURN -> false;
            default -> true;
        };
    }

    private static List<LabelNode> targets(AbstractInsnNode insn) {
        if (insn instanceof JumpInsnNode jump) {
            return List.of(jump.label);
        }
        List<LabelNode> targets = new ArrayList<>();
        if (insn instanceof TableSwitchInsnNode table) {
            targets.add(table.dflt);
            targets.addAll(table.labels);
        } else if (insn instanceof LookupSwitchInsnNode lookup) {
            targets.add(lookup.dflt);
            targets.addAll(lookup.labels);
        }
        return targets;
    }

    /** One way into an instruction: from the previous one, by a jump, or from a throw. */
    private record Edge(int kind, int source, LabelNode target, int sourceLine) {
        static final int EXCEPTION = 1;
        static final int FALL = 2;
        static final int JUMP = 3;
    }

    /** A method's real instructions with their lines, and the edges between them. */
    private static final class Flow {

        final List<AbstractInsnNode> code = new ArrayList<>();
        final List<Integer> lines = new ArrayList<>(); // the line in effect at each instruction, 0 if none
        final List<Boolean> startsLine = new ArrayList<>(); // whether a line-table entry starts at it
        final List<List<LabelNode>> labels = new ArrayList<>(); // the labels just before it
        final List<FrameNode> frames = new ArrayList<>(); // the frame just before it, or null
        final List<List<Edge>> edgesInto = new ArrayList<>();
        int firstLine;

        Flow(MethodNode method) {
            Map<LabelNode, Integer> indexOf = new HashMap<>();
            int line = 0;
            boolean entry = false;
            List<LabelNode> pendingLabels = new ArrayList<>();
            FrameNode pendingFrame = null;
            for (AbstractInsnNode node : method.instructions) {
                if (node instanceof LabelNode label) {
                    pendingLabels.add(label);
                } else if (node instanceof LineNumberNode number) {
                    line = number.line;
                    entry = true;
                } else if (node instanceof FrameNode frame) {
                    pendingFrame = frame;
                } else if (node.getOpcode() >= 0) {
                    if (entry && isAjcPreClinit(method, node)) {
                        line = 0; // code ajc adds to a class without a static initializer: line 1, no source
                    }
                    if (firstLine == 0) {
                        firstLine = line;
                    }
                    for (LabelNode label : pendingLabels) {
                        indexOf.put(label, code.size());
                    }
                    code.add(node);
                    lines.add(line);
                    startsLine.add(entry);
                    labels.add(pendingLabels);
                    frames.add(pendingFrame);
                    edgesInto.add(new ArrayList<>());
                    pendingLabels = new ArrayList<>();
                    pendingFrame = null;
                    entry = false;
                }
            }
            for (int i = 1; i < code.size(); i++) {
                if (isLeadInGoto(i - 1)) {
                    // ECJ starts the line of "} else ..." or "} catch (...)" at the jump that ends the
                    // block before it: the jump still belongs to that block's line, the line starts after it.
                    if (i > 1 && fallsThrough(code.get(i - 2))) {
                        lines.set(i - 1, lines.get(i - 2));
                    }
                    startsLine.set(i - 1, false);
                    startsLine.set(i, true);
                }
            }
            for (TryCatchBlockNode block : method.tryCatchBlocks) {
                int handler = indexOf.get(block.handler);
                if (!isAspectJHandler(handler)) {
                    edgesInto.get(handler).add(new Edge(Edge.EXCEPTION, -1, null, 0));
                }
            }
            for (int i = 0; i < code.size(); i++) {
                AbstractInsnNode insn = code.get(i);
                if (i + 1 < code.size() && fallsThrough(insn)) {
                    edgesInto.get(i + 1).add(new Edge(Edge.FALL, i, null, lines.get(i)));
                }
                for (LabelNode target : targets(insn)) {
                    edgesInto.get(indexOf.get(target)).add(new Edge(Edge.JUMP, i, target, lines.get(i)));
                }
            }
        }

        /**
         * Tells whether taking an edge into instruction {@code i} is a line event. It is when an
         * exception is caught, when control passes from another line to the start of a line-table
         * entry, and when a loop jumps back. A jump into the middle of an entry is not: the compiler
         * marked no line there (javac's join after a ternary, the common exit AspectJ gives a
         * method's returns), so the code belongs to the line already running.
         */
        boolean fires(Edge edge, int i) {
            int line = lines.get(i);
            return switch (edge.kind) {
                case Edge.EXCEPTION -> true;
                case Edge.FALL -> edge.sourceLine != line;
                default -> edge.sourceLine != line
                        ? startsLine.get(i) || i <= edge.source
                        : i <= edge.source && !reportedBefore(edge.source, line);
            };
        }

        /**
         * A jump back to its own line is a new iteration of a loop, and an event, unless every way to
         * the jump already passed an event of that line since control came from another line: javac
         * compiles {@code for (...; i < n; i++)} into an increment at the bottom and a test at the top,
         * both of the header's line, joined by a jump back, and the increment's probe reports the
         * header once per iteration. Searches backwards from the jump through instructions of its
         * line; a path that comes round to the jump itself has seen no event, which makes a loop written
         * on one line report its line at each iteration.
         */
        private boolean reportedBefore(int jump, int line) {
            Deque<Integer> pending = new ArrayDeque<>(List.of(jump));
            Set<Integer> seen = new HashSet<>(pending);
            while (!pending.isEmpty()) {
                int k = pending.pop(); // reached at method entry too, where the entry probe reports the line
                for (Edge edge : edgesInto.get(k)) {
                    if (edge.kind == Edge.EXCEPTION || edge.sourceLine != line) {
                        continue; // an event
                    }
                    if (edge.source == jump) {
                        return false; // round the loop without an event
                    }
                    if (seen.add(edge.source)) {
                        pending.push(edge.source);
                    }
                }
            }
            return true;
        }

        /**
         * In a constructor, the instruction after its call of {@code super(...)} or {@code this(...)}:
         * the first {@code invokespecial <init>} that no {@code new} of this constructor's own opened,
         * as AspectJ finds it. -1 if there is none, or if there may be more than one (each {@code new}
         * has its {@code <init>}, and one more is the call on {@code this}: more than that means that
         * the constructor calls {@code super(...)} on several paths, as Groovy's do, and no one place
         * starts its body).
         */
        int afterSuperCall() {
            int news = 0;
            int inits = 0;
            int first = -1;
            int open = 0;
            for (int i = 0; i < code.size(); i++) {
                AbstractInsnNode insn = code.get(i);
                if (insn.getOpcode() == Opcodes.NEW) {
                    news++;
                    open++;
                } else if (insn.getOpcode() == Opcodes.INVOKESPECIAL && ((MethodInsnNode) insn).name.equals("<init>")) {
                    inits++;
                    if (open-- == 0 && first < 0) {
                        first = i;
                    }
                }
            }
            return first < 0 || inits != news + 1 || first + 1 >= code.size() ? -1 : first + 1;
        }

        /** The {@code new} whose object the constructor call at instruction {@code init} initializes. */
        int newOf(int init) {
            int open = 0;
            for (int i = init - 1; i >= 0; i--) {
                int opcode = code.get(i).getOpcode();
                if (opcode == Opcodes.INVOKESPECIAL && ((MethodInsnNode) code.get(i)).name.equals("<init>")) {
                    open++;
                } else if (opcode == Opcodes.NEW && open-- == 0) {
                    return i;
                }
            }
            return init;
        }

        /** A jump that starts a line-table entry which goes on after it. */
        private boolean isLeadInGoto(int i) {
            return code.get(i).getOpcode() == Opcodes.GOTO && startsLine.get(i) && !startsLine.get(i + 1)
                    && lines.get(i).equals(lines.get(i + 1));
        }

        /**
         * An AspectJ after-throwing advice's handler: it runs the advice and rethrows, and is not a
         * {@code catch} of the program, so entering it is no line event.
         */
        private boolean isAspectJHandler(int handler) {
            for (int i = handler; i < code.size(); i++) {
                if (code.get(i) instanceof MethodInsnNode call && call.name.startsWith("ajc$afterThrowing")) {
                    return true;
                }
                if (!fallsThrough(code.get(i))) {
                    return false;
                }
            }
            return false;
        }

        private static boolean isAjcPreClinit(MethodNode method, AbstractInsnNode insn) {
            return method.name.equals("<clinit>") && insn instanceof MethodInsnNode call
                    && call.getOpcode() == Opcodes.INVOKESTATIC && call.name.equals("ajc$preClinit");
        }
    }
}
