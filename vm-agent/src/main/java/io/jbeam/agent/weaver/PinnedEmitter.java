package io.jbeam.agent.weaver;

import static io.jbeam.agent.weaver.RuntimeNames.*;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Weaves a method that never suspends (constructor, static initializer, synchronized code, a method too large for
 * the capture code): it loads the fiber once and stores {@code expect = 0} before each call, so every woven method
 * it calls runs pinned. A static initializer runs between a caller's handshake and the callee that triggered it,
 * so it puts back the {@code expect} it found when it returns.
 */
final class PinnedEmitter implements Opcodes {
    private PinnedEmitter() {
    }

    static void emit(MethodNode m, CallSiteKinds kinds) {
        int fiber = m.maxLocals;
        int saved = m.maxLocals + 1;
        boolean clinit = m.name.equals(CLINIT);
        java.util.Set<org.objectweb.asm.tree.LabelNode> targets = Insns.jumpTargets(m);
        boolean expectZero = false; // stored since the last jump target (see Insns.jumpTargets)
        for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn instanceof org.objectweb.asm.tree.LabelNode && targets.contains(insn)) {
                expectZero = false;
            }
            CallSiteKinds.Kind k = kinds.of(insn);
            if (k != null && k != CallSiteKinds.Kind.INERT) {
                if (!expectZero) {
                    InsnList l = new InsnList();
                    Insns.storeExpectZero(l, fiber);
                    m.instructions.insertBefore(insn, l);
                    expectZero = true;
                }
            } else if (clinit && insn.getOpcode() >= IRETURN && insn.getOpcode() <= RETURN) {
                InsnList l = new InsnList();
                l.add(new VarInsnNode(ALOAD, fiber));                              // f
                l.add(new VarInsnNode(ILOAD, saved));                              // f expect
                l.add(new FieldInsnNode(PUTFIELD, FIBER, EXPECT, "I"));            // -
                m.instructions.insertBefore(insn, l);
            }
        }
        InsnList entry = new InsnList();
        entry.add(new MethodInsnNode(INVOKESTATIC, FIBER, CURRENT, CURRENT_DESC, false)); // f
        entry.add(new VarInsnNode(ASTORE, fiber));                                         // -
        if (clinit) {
            entry.add(new VarInsnNode(ALOAD, fiber));                                      // f
            entry.add(new FieldInsnNode(GETFIELD, FIBER, EXPECT, "I"));                    // expect
            entry.add(new VarInsnNode(ISTORE, saved));                                     // -
        }
        m.instructions.insert(entry);
        m.maxLocals += clinit ? 2 : 1;
    }
}
