package io.jbeam.agent.weaver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.jbeam.shapes.FiberPassing;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Which calls go to a fiber-passing copy: only calls bound at weave time, even when another call reaches the same
 * method bound; and a copy's descriptor appends the fiber and the mask, and maps back to its original's.
 */
class FiberPassingPlanTest {
    private static final String FIBER = "Lio/jbeam/scheduler/Fiber;";

    /**
     * {@code call()} is public and not final in a class that is not final: an {@code invokespecial} of it (valid
     * bytecode, though javac does not write it) is bound and gets the copy; an {@code invokevirtual} of the same
     * method may run an override, so it must keep calling the method itself.
     */
    @Test
    void anOverridableCallNeverGoesToTheCopyThatABoundCallToTheSameMethodGets() throws Exception {
        ClassNode cn = new ClassNode();
        try (InputStream in = FiberPassing.class.getResourceAsStream("FiberPassing.class")) {
            new ClassReader(in).accept(cn, 0);
        }
        String owner = cn.name;
        MethodInsnNode bound = new MethodInsnNode(Opcodes.INVOKESPECIAL, owner, "call", "()Ljava/lang/Object;");
        MethodInsnNode virtual = new MethodInsnNode(Opcodes.INVOKEVIRTUAL, owner, "call", "()Ljava/lang/Object;");
        MethodNode both = new MethodNode(Opcodes.ACC_PUBLIC, "both", "()Ljava/lang/Object;", null, null);
        both.instructions.add(new VarInsnNode(Opcodes.ALOAD, 0));
        both.instructions.add(bound);
        both.instructions.add(new InsnNode(Opcodes.POP));
        both.instructions.add(new VarInsnNode(Opcodes.ALOAD, 0));
        both.instructions.add(virtual);
        both.instructions.add(new InsnNode(Opcodes.ARETURN));
        both.maxLocals = 1;
        both.maxStack = 1;
        cn.methods.add(both);
        TypeOracle types = new TypeOracle(ClassHierarchy.of(getClass().getClassLoader()), ClassHierarchy.Info.of(cn));
        CallSiteKinds kinds = new CallSiteKinds(new WeavePolicy(List.of("io/jbeam/shapes/"), List.of()), types, cn);
        FiberPassingCopies copies = FiberPassingCopies.plan(cn, kinds, Set.of());

        assertNotNull(copies.copyOf("call", "()Ljava/lang/Object;"), "call() reached by a bound call has a copy");
        assertEquals("(" + FIBER + "I)Ljava/lang/Object;", copies.copyCalledBy(bound));
        assertNull(copies.copyCalledBy(virtual), "the overridable call goes to the copy");
    }

    @Test
    void copyDescriptorsRoundTrip() {
        String copy = FiberPassingCopies.copyDesc("(JD[Ljava/lang/String;)V");
        assertEquals("(JD[Ljava/lang/String;" + FIBER + "I)V", copy);
        assertEquals("(JD[Ljava/lang/String;)V", FiberPassingCopies.originalDesc(copy));
        assertEquals("()I", FiberPassingCopies.originalDesc(FiberPassingCopies.copyDesc("()I")));
        assertNull(FiberPassingCopies.originalDesc("(I)V"));
        assertNull(FiberPassingCopies.originalDesc("(I)" + FIBER));
        assertNull(FiberPassingCopies.originalDesc("(" + FIBER + ")I"));
    }

    @Test
    void thePassedFiberFollowsTheParameters() {
        assertEquals(5, FiberPassingCopies.fiberSlot("(JDI)D", true));
        assertEquals(2, FiberPassingCopies.fiberSlot("(I)J", false));
        assertEquals(0, FiberPassingCopies.fiberSlot("()V", true));
    }
}
