package io.jbeam.agent.weaver;

import java.util.LinkedHashSet;
import java.util.Set;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;

/**
 * Where a method counts reductions besides its entry: loop headers, the labels some jump reaches backwards
 * (in instruction order). Every loop of structured bytecode has one, so a loop without calls is preempted too.
 */
public final class YieldPoints {
    private YieldPoints() {
    }

    /** Loop headers in instruction order. */
    public static Set<LabelNode> loopHeaders(MethodNode m) {
        InsnList insns = m.instructions;
        Set<LabelNode> headers = new LinkedHashSet<>();
        for (AbstractInsnNode insn = insns.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn instanceof JumpInsnNode) {
                backward(insns, insn, ((JumpInsnNode) insn).label, headers);
            } else if (insn instanceof TableSwitchInsnNode) {
                TableSwitchInsnNode s = (TableSwitchInsnNode) insn;
                backward(insns, insn, s.dflt, headers);
                for (LabelNode l : s.labels) backward(insns, insn, l, headers);
            } else if (insn instanceof LookupSwitchInsnNode) {
                LookupSwitchInsnNode s = (LookupSwitchInsnNode) insn;
                backward(insns, insn, s.dflt, headers);
                for (LabelNode l : s.labels) backward(insns, insn, l, headers);
            }
        }
        Set<LabelNode> ordered = new LinkedHashSet<>();
        for (AbstractInsnNode insn = insns.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn instanceof LabelNode && headers.contains(insn)) ordered.add((LabelNode) insn);
        }
        return ordered;
    }

    private static void backward(InsnList insns, AbstractInsnNode from, LabelNode to, Set<LabelNode> headers) {
        if (insns.indexOf(to) <= insns.indexOf(from)) {
            headers.add(to);
        }
    }
}
