package io.pikos.weaver.internal.lines;

import org.objectweb.asm.Label;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a method's line probes go, decided on the method's original code before anything is inserted.
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

    private final Map<Integer, Integer> inline = new HashMap<>();
    private final Map<Label, Integer> beforeLabel = new HashMap<>();
    private final Map<Label, Boolean> labelHasFrame = new HashMap<>();
    private final Map<Integer, Map<Label, Trampoline>> trampolinesBySource = new HashMap<>();
    private final List<Trampoline> trampolines = new ArrayList<>();
    private final int firstLine;
    private int entryLine;
    private boolean firstHasFrame;

    private ProbePlan(int firstLine) {
        this.firstLine = firstLine;
    }

    /** @return whether the method gets no probe at all (it has no line numbers) */
    boolean isEmpty() {
        return entryLine == 0 && inline.isEmpty() && beforeLabel.isEmpty() && trampolines.isEmpty();
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
     * @param method a method read with expanded frames; its labels are not reset afterwards, so that
     *               the plan's labels are the ones its replay visits
     * @return the plan
     */
    static ProbePlan of(MethodNode method) {
        List<AbstractInsnNode> code = new ArrayList<>(); // real instructions, in order
        List<Integer> lines = new ArrayList<>(); // the line in effect at each
        List<List<LabelNode>> labels = new ArrayList<>(); // the labels just before each
        List<FrameNode> frames = new ArrayList<>(); // the frame just before each, or null
        Map<LabelNode, Integer> indexOf = new HashMap<>();
        int line = 0;
        int firstLine = 0;
        List<LabelNode> pendingLabels = new ArrayList<>();
        FrameNode pendingFrame = null;
        for (AbstractInsnNode node : method.instructions) {
            if (node instanceof LabelNode label) {
                pendingLabels.add(label);
            } else if (node instanceof LineNumberNode number) {
                line = number.line;
                if (firstLine == 0) {
                    firstLine = line;
                }
            } else if (node instanceof FrameNode frame) {
                pendingFrame = frame;
            } else if (node.getOpcode() >= 0) {
                for (LabelNode label : pendingLabels) {
                    indexOf.put(label, code.size());
                }
                code.add(node);
                lines.add(line);
                labels.add(pendingLabels);
                frames.add(pendingFrame);
                pendingLabels = new ArrayList<>();
                pendingFrame = null;
            }
        }

        ProbePlan plan = new ProbePlan(firstLine);
        if (firstLine == 0) {
            return plan;
        }
        plan.entryLine = lines.get(0);
        plan.firstHasFrame = frames.get(0) != null;
        List<List<Edge>> edgesInto = new ArrayList<>();
        for (int i = 0; i < code.size(); i++) {
            edgesInto.add(new ArrayList<>());
        }
        for (TryCatchBlockNode block : method.tryCatchBlocks) {
            edgesInto.get(indexOf.get(block.handler)).add(new Edge(Edge.EXCEPTION, -1, null, 0));
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

        for (int i = 0; i < code.size(); i++) {
            int lineHere = lines.get(i);
            List<Edge> edges = edgesInto.get(i);
            if (lineHere == 0 || edges.isEmpty()) {
                continue;
            }
            List<Edge> firing = new ArrayList<>();
            for (Edge edge : edges) {
                if (edge.changesLine(lineHere) || edge.loopsBack(i, lineHere, lines, edgesInto)) {
                    firing.add(edge);
                }
            }
            if (firing.isEmpty()) {
                continue;
            }
            // An inline probe would come between a NEW and the label that frames use to name the object
            // it creates: such an instruction gets its probes on the edges instead.
            if ((firing.size() == edges.size() || labels.get(i).isEmpty()) && code.get(i).getOpcode() != Opcodes.NEW) {
                plan.inline.put(i, lineHere);
                continue;
            }
            for (Edge edge : firing) {
                if (edge.kind == Edge.FALL) {
                    Label first = labels.get(i).get(0).getLabel(); // a line change always starts at a label
                    plan.beforeLabel.put(first, lineHere);
                    plan.labelHasFrame.put(first, frames.get(i) != null);
                } else if (edge.kind == Edge.JUMP) {
                    plan.addTrampoline(edge.source, edge.target.getLabel(), lineHere, frames.get(i));
                }
                // A handler's first instruction stores or pops the exception, so an EXCEPTION edge always
                // leads to an inline probe.
            }
        }
        return plan;
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

        /** An exception caught, or control passing from another line: always an event. */
        boolean changesLine(int line) {
            return kind == EXCEPTION || sourceLine != line;
        }

        /**
         * A jump back to an instruction of its own line is a new iteration of a loop, and an event,
         * unless the line was already reported on the way to the jump: javac compiles
         * {@code for (...; i < n; i++)} into an increment at the bottom and a test at the top, both of
         * the header's line, and the increment's probe already reports the header once per iteration.
         */
        boolean loopsBack(int index, int line, List<Integer> lines, List<List<Edge>> edgesInto) {
            return kind == JUMP && index <= source && !reportedBefore(source, line, lines, edgesInto);
        }

        /**
         * Tells whether every path to the instruction {@code at} passes a probe of {@code line} after
         * the last instruction of another line: walking back through instructions of that line, the
         * first one with a way in from elsewhere must have a probe on every way in.
         */
        private static boolean reportedBefore(int at, int line, List<Integer> lines, List<List<Edge>> edgesInto) {
            for (int k = at; k >= 0 && lines.get(k) == line; k--) {
                List<Edge> edges = edgesInto.get(k);
                boolean onlyFallThrough = k > 0 && edges.size() == 1 && edges.get(0).kind == FALL;
                if (!onlyFallThrough) {
                    // Control also arrives by jumps or throws: reported only if every way in is an event.
                    // The method's start (k == 0) is reported by the entry probe, so there the others count.
                    return (k == 0 || !edges.isEmpty()) && edges.stream().allMatch(e -> e.changesLine(line));
                }
                if (edges.get(0).changesLine(line)) {
                    return true;
                }
            }
            return false;
        }
    }
}
