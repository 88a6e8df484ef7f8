package io.jbeam.agent.weaver;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/** Decides how a method is woven. */
public final class MethodClassifier {
    /** How a method is woven. */
    public enum Treatment {
        /** No code (abstract, native), or no calls and no loops: left untouched. */
        SKIP,
        /** Never suspends: constructors, initializers, synchronized code. Its calls store {@code expect = 0}. */
        PINNED,
        /** Entry handshake, yield points, capture after capturable calls, rewind dispatch. */
        CAPTURABLE
    }

    private MethodClassifier() {
    }

    public static Treatment classify(MethodNode m) {
        if ((m.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0 || m.instructions.size() == 0) {
            return Treatment.SKIP;
        }
        boolean calls = false;
        boolean monitor = false;
        for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn instanceof MethodInsnNode || insn instanceof InvokeDynamicInsnNode) {
                calls = true;
            } else if (insn.getOpcode() == Opcodes.MONITORENTER) {
                monitor = true;
            }
        }
        boolean loops = !YieldPoints.loopHeaders(m).isEmpty();
        if (!calls && !loops) {
            return Treatment.SKIP;
        }
        if (m.name.equals(RuntimeNames.CTOR) || m.name.equals(RuntimeNames.CLINIT)
                || (m.access & Opcodes.ACC_SYNCHRONIZED) != 0 || monitor) {
            return calls ? Treatment.PINNED : Treatment.SKIP;
        }
        return Treatment.CAPTURABLE;
    }
}
