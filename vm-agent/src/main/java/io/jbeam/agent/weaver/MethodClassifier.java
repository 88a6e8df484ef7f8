package io.jbeam.agent.weaver;

import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/** Decides how a method is woven. */
public final class MethodClassifier {
    /** How a method is woven. */
    public enum Treatment {
        /** No code (abstract, native), or no loops and no calls but inert ones: left untouched. */
        SKIP,
        /**
         * Never suspends: constructors, initializers, synchronized code, and methods with no loop and no capturable
         * call (they have nothing to suspend in: a yield point at their entry would only bloat them past the JIT's
         * inlining limits; a call on a branch that only throws is not capturable, see {@link ThrowPaths}). Their
         * calls store {@code expect = 0}.
         */
        PINNED,
        /** Entry handshake, yield points, capture after capturable calls, rewind dispatch. */
        CAPTURABLE
    }

    private MethodClassifier() {
    }

    public static Treatment classify(MethodNode m, CallSiteKinds kinds) {
        if ((m.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0 || m.instructions.size() == 0) {
            return Treatment.SKIP;
        }
        boolean calls = false;
        boolean capturableCalls = false;
        boolean monitor = false;
        Set<AbstractInsnNode> cold = ThrowPaths.coldCalls(m, kinds);
        for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn instanceof MethodInsnNode || insn instanceof InvokeDynamicInsnNode) {
                CallSiteKinds.Kind k = kinds.of(insn);
                calls |= k != CallSiteKinds.Kind.INERT;
                capturableCalls |= ThrowPaths.capturable(k, insn, cold);
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
        if (!loops && !capturableCalls) {
            return Treatment.PINNED;
        }
        return Treatment.CAPTURABLE;
    }
}
