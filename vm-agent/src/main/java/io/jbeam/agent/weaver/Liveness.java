package io.jbeam.agent.weaver;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The locals live before each instruction of a method: a local is live when some path from there reads it before
 * writing it. A backward dataflow over the instructions; an instruction inside a try range also keeps alive what
 * its handlers read (an exception may leave from anywhere in the range). Slots are counted by their first index:
 * {@code LLOAD 3} reads slot 3 (its second half, slot 4, never holds a value of its own).
 */
final class Liveness implements Opcodes {
    private Liveness() {
    }

    /** Successors of each instruction (not counting handlers), and the handlers covering it (null if none). */
    private static final class Flow {
        final List<Integer>[] succ;
        final List<Integer>[] handlers;

        @SuppressWarnings("unchecked")
        Flow(MethodNode m) {
            InsnList insns = m.instructions;
            int n = insns.size();
            AbstractInsnNode[] all = insns.toArray();
            succ = new List[n];
            handlers = new List[n];
            for (int i = 0; i < n; i++) {
                succ[i] = new ArrayList<>(2);
                AbstractInsnNode insn = all[i];
                int op = insn.getOpcode();
                if (insn instanceof JumpInsnNode) {
                    succ[i].add(insns.indexOf(((JumpInsnNode) insn).label));
                    if (op != GOTO && op != JSR && i + 1 < n) succ[i].add(i + 1);
                } else if (insn instanceof TableSwitchInsnNode) {
                    TableSwitchInsnNode s = (TableSwitchInsnNode) insn;
                    succ[i].add(insns.indexOf(s.dflt));
                    for (LabelNode l : s.labels) succ[i].add(insns.indexOf(l));
                } else if (insn instanceof LookupSwitchInsnNode) {
                    LookupSwitchInsnNode s = (LookupSwitchInsnNode) insn;
                    succ[i].add(insns.indexOf(s.dflt));
                    for (LabelNode l : s.labels) succ[i].add(insns.indexOf(l));
                } else if (!isExit(op) && i + 1 < n) {
                    succ[i].add(i + 1);
                }
            }
            for (TryCatchBlockNode t : m.tryCatchBlocks) {
                int start = insns.indexOf(t.start);
                int end = insns.indexOf(t.end);
                int h = insns.indexOf(t.handler);
                for (int i = start; i < end; i++) {
                    if (handlers[i] == null) handlers[i] = new ArrayList<>(1);
                    handlers[i].add(h);
                }
            }
        }
    }

    /** Live locals (below {@code locals}) before each instruction, indexed like {@code m.instructions}. */
    static BitSet[] analyze(MethodNode m, int locals) {
        InsnList insns = m.instructions;
        int n = insns.size();
        AbstractInsnNode[] all = insns.toArray();
        Flow flow = new Flow(m);
        List<Integer>[] succ = flow.succ;
        List<Integer>[] handlers = flow.handlers;
        BitSet[] live = new BitSet[n];
        for (int i = 0; i < n; i++) live[i] = new BitSet(locals);
        // Iterate to a fixed point, backwards (converges in a few passes for structured code).
        boolean changed = true;
        BitSet scratch = new BitSet(locals);
        while (changed) {
            changed = false;
            for (int i = n - 1; i >= 0; i--) {
                scratch.clear();
                for (int s : succ[i]) scratch.or(live[s]);
                AbstractInsnNode insn = all[i];
                int op = insn.getOpcode();
                if (insn instanceof VarInsnNode) {
                    int v = ((VarInsnNode) insn).var;
                    if (op >= ISTORE && op <= ASTORE) {
                        scratch.clear(v);
                    } else {
                        scratch.set(v); // xLOAD, RET
                    }
                } else if (insn instanceof IincInsnNode) {
                    scratch.set(((IincInsnNode) insn).var);
                }
                if (handlers[i] != null) {
                    for (int h : handlers[i]) scratch.or(live[h]);
                }
                if (!scratch.equals(live[i])) {
                    live[i].clear();
                    live[i].or(scratch);
                    changed = true;
                }
            }
        }
        return live;
    }

    /**
     * The locals that hold a value before each instruction in the woven method, where a resume point's rewind path
     * joins with only the locals live there restored: a forward must-analysis (intersection at joins) in which a
     * store defines a local and a resume point keeps only what its rewind restores, for the code after it:
     * {@code kept[i]} for the resume point at instruction {@code i} (null elsewhere; the entry, at 0, is one).
     * Intersect with the analysed frame.
     */
    static BitSet[] surelyDefined(MethodNode m, int locals, BitSet[] kept) {
        int n = m.instructions.size();
        AbstractInsnNode[] all = m.instructions.toArray();
        Flow flow = new Flow(m);
        BitSet[] in = new BitSet[n];
        java.util.ArrayDeque<Integer> work = new java.util.ArrayDeque<>();
        BitSet[] queued = {new BitSet(n)};
        in[0] = kept[0] == null ? new BitSet(locals) : (BitSet) kept[0].clone();
        work.add(0);
        queued[0].set(0);
        while (!work.isEmpty()) {
            int i = work.poll();
            queued[0].clear(i);
            BitSet out = (BitSet) in[i].clone();
            if (kept[i] != null) out.and(kept[i]);
            AbstractInsnNode insn = all[i];
            int op = insn.getOpcode();
            if (insn instanceof VarInsnNode && op >= ISTORE && op <= ASTORE) {
                out.set(((VarInsnNode) insn).var);
            } else if (insn instanceof IincInsnNode) {
                out.set(((IincInsnNode) insn).var);
            }
            for (int s : flow.succ[i]) {
                if (meet(in, s, out) && !queued[0].get(s)) {
                    queued[0].set(s);
                    work.add(s);
                }
            }
            if (flow.handlers[i] != null) {
                BitSet both = (BitSet) in[i].clone();
                both.and(out);
                for (int h : flow.handlers[i]) {
                    if (meet(in, h, both) && !queued[0].get(h)) {
                        queued[0].set(h);
                        work.add(h);
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (in[i] == null) in[i] = new BitSet(locals);
        }
        return in;
    }

    /** {@code in[s] &= v} (or {@code = v} on first visit); true when it changed. */
    private static boolean meet(BitSet[] in, int s, BitSet v) {
        if (in[s] == null) {
            in[s] = (BitSet) v.clone();
            return true;
        }
        BitSet before = (BitSet) in[s].clone();
        in[s].and(v);
        return !in[s].equals(before);
    }

    private static boolean isExit(int op) {
        return (op >= IRETURN && op <= RETURN) || op == ATHROW || op == RET;
    }
}
