package io.jbeam.agent.weaver;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * What a call site is to the weaver, decided by the static owner of the invoke instruction.
 */
public final class CallSiteKinds {
    /** The kinds of call site. */
    public enum Kind {
        /** A method of a woven class: capturable. */
        WOVEN,
        /** A runtime leaf that may suspend ({@code Erlang.receive/sleep/yield}, {@code Coroutine.yieldNow}). */
        LEAF,
        /** The abstract method of a JDK functional interface: capturable when the receiver is a woven lambda. */
        FUNCTIONAL,
        /** Anything else: not capturable; {@code expect = 0} is stored before it so that its callees run pinned. */
        OPAQUE,
        /** Not capturable and cannot call back into woven code ({@code Math}, lambda creation): left as it is. */
        INERT
    }

    private final WeavePolicy policy;

    public CallSiteKinds(WeavePolicy policy) {
        this.policy = policy;
    }

    /** The kind of an invoke instruction; null for any other instruction. */
    public Kind of(AbstractInsnNode insn) {
        if (insn instanceof InvokeDynamicInsnNode) {
            return LambdaIndex.isLambdaFactory(((InvokeDynamicInsnNode) insn).bsm) ? Kind.INERT : Kind.OPAQUE;
        }
        if (!(insn instanceof MethodInsnNode)) {
            return null;
        }
        MethodInsnNode m = (MethodInsnNode) insn;
        if (m.owner.equals(RuntimeNames.MATH) || m.owner.equals(RuntimeNames.STRICT_MATH)) {
            return Kind.INERT;
        }
        if (m.name.equals(RuntimeNames.CTOR)) {
            return Kind.OPAQUE;
        }
        if (isLeaf(m)) {
            return Kind.LEAF;
        }
        if (policy.isWeavable(m.owner)) {
            return Kind.WOVEN;
        }
        if (m.getOpcode() == Opcodes.INVOKEINTERFACE && WeavePolicy.isJdk(m.owner)
                && FunctionalInterfaces.isSam(m.owner, m.name, m.desc)) {
            return Kind.FUNCTIONAL;
        }
        return Kind.OPAQUE;
    }

    public static boolean isCapturable(Kind k) {
        return k == Kind.WOVEN || k == Kind.LEAF || k == Kind.FUNCTIONAL;
    }

    static boolean isLeaf(MethodInsnNode m) {
        if (m.owner.equals(RuntimeNames.ERLANG)) {
            return m.name.equals(RuntimeNames.ERLANG_RECEIVE) || m.name.equals(RuntimeNames.ERLANG_SLEEP)
                    || m.name.equals(RuntimeNames.ERLANG_YIELD);
        }
        return m.owner.equals(RuntimeNames.COROUTINE) && m.name.equals(RuntimeNames.YIELD_NOW)
                && m.desc.equals(RuntimeNames.VOID_DESC);
    }
}
