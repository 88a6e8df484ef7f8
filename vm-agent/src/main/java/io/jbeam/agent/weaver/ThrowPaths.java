package io.jbeam.agent.weaver;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The calls of a method that lie on a branch which only builds and throws an exception: the straight run of
 * instructions that a branch enters (a conditional jump falling through into it, or a jump, switch or handler
 * landing at its start) and that ends in {@code athrow}, with no other way in or out.
 *
 * <pre>
 *   iload n; aload this; getfield max; if_icmple OK      a branch ...
 *   aload this; ldc "length %d exceeds %d"; ...          ┐
 *   invokestatic String.format                           │ ... into a run that ends in athrow:
 *   invokevirtual _constructException                    │ its calls are cold
 *   athrow                                               ┘
 *   OK: return
 * </pre>
 *
 * Such a call is woven pinned ({@code expect = 0} before it) instead of capturable. Capture code for it would be
 * bytecode on a path that runs when something has gone wrong, and that bytecode counts against HotSpot's inlining
 * limits as if it ran: a 46-byte check that throws on bad input grows past 325 bytes (C2's limit for a hot call)
 * when its two message-building calls are capturable, and its callers then pay a real call for it. Pinning is always
 * safe: the callee runs to its end on the carrier, counting reductions but never suspending.
 *
 * <p>Not cold: a run that begins at the method's entry (a method whose whole body ends in a throw may do its real
 * work before it, such as a process body that receives and then crashes), and the runtime's leaves
 * ({@code receive}, {@code sleep}, {@code yield}), which are where a process waits and must stay able to suspend.
 */
final class ThrowPaths {
    private ThrowPaths() {
    }

    /** The cold calls of {@code m}, by identity. */
    static Set<AbstractInsnNode> coldCalls(MethodNode m, CallSiteKinds kinds) {
        Set<AbstractInsnNode> cold = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<LabelNode> targets = Insns.jumpTargets(m);
        for (AbstractInsnNode end = m.instructions.getFirst(); end != null; end = end.getNext()) {
            if (end.getOpcode() != Opcodes.ATHROW) continue;
            Set<AbstractInsnNode> calls = Collections.newSetFromMap(new IdentityHashMap<>());
            AbstractInsnNode i = end.getPrevious();
            boolean enteredByBranch = false;
            for (; i != null; i = i.getPrevious()) {
                if (i instanceof LabelNode && targets.contains(i)) {
                    enteredByBranch = true;                           // a jump, switch or handler lands here
                    break;
                }
                if (i instanceof JumpInsnNode) {
                    enteredByBranch = i.getOpcode() != Opcodes.GOTO && i.getOpcode() != Opcodes.JSR;
                    break;                                            // a conditional jump falls through into it
                }
                if (endsFlow(i.getOpcode())) {
                    break;                                            // unreachable but through a label: not a run
                }
                if (i instanceof MethodInsnNode && kinds.of(i) != CallSiteKinds.Kind.LEAF) {
                    calls.add(i);
                }
            }
            if (enteredByBranch) cold.addAll(calls);
        }
        return cold;
    }

    /** True when a capturable call {@code insn} of {@code kind} is to be woven capturable, not pinned as cold. */
    static boolean capturable(CallSiteKinds.Kind kind, AbstractInsnNode insn, Set<AbstractInsnNode> cold) {
        return CallSiteKinds.isCapturable(kind) && !cold.contains(insn);
    }

    private static boolean endsFlow(int op) {
        return (op >= Opcodes.IRETURN && op <= Opcodes.RETURN) || op == Opcodes.ATHROW
                || op == Opcodes.TABLESWITCH || op == Opcodes.LOOKUPSWITCH || op == Opcodes.RET;
    }
}
