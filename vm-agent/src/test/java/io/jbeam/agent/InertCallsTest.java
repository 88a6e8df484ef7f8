package io.jbeam.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbeam.agent.weaver.CallSiteKinds;
import io.jbeam.agent.weaver.CallSiteKinds.Kind;
import io.jbeam.agent.weaver.ClassHierarchy;
import io.jbeam.agent.weaver.TypeOracle;
import io.jbeam.agent.weaver.WeavePolicy;
import io.jbeam.shapes.SameClassLeaves;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Calls that cannot reach woven code carry no capture code and no handshake store: calls bound at weave time to
 * methods of the same class that the weaver leaves alone, JDK exceptions and string concatenation built from
 * primitives and strings.
 */
class InertCallsTest {
    private static final String FIBER = "io/jbeam/scheduler/Fiber";

    @Test
    void callsToSameClassLeavesHaveNoCaptureCode() throws Exception {
        ShapeRunner.Run run = ShapeRunner.check(SameClassLeaves.class);
        byte[] woven = run.loader().reports.get(SameClassLeaves.class.getName()).bytes;

        MethodNode decode = CaptureCodeTest.method(woven, "decode");
        // Capturable: overridable and Y.i only; clamp, checkBounds (it throws JDK exceptions with concatenated
        // messages), scale and mix are left bare.
        assertEquals(2, count(decode, Opcodes.PUTFIELD, "expect"), "handshake stores in decode");
        assertEquals(3, count(decode, Opcodes.GETFIELD, "status"), "status checks in decode (entry and 2 calls)");
        // Resume points: the entry, the loop header and the two calls; at most one pushPc each.
        assertTrue(pushPcs(decode) <= 4, "pushPc calls in decode: " + pushPcs(decode));
        for (String leaf : new String[] {"clamp", "checkBounds", "scale", "mix"}) {
            assertEquals(0, fiberUses(CaptureCodeTest.method(woven, leaf)), leaf + " is woven");
        }
        // The recursive call is still capturable: a bound call within the class, it calls depth's fiber-passing
        // copy, passing the fiber instead of storing a handshake.
        MethodNode depth = CaptureCodeTest.method(woven, "depth");
        assertEquals(0, count(depth, Opcodes.PUTFIELD, "expect"));
        assertEquals(1, callsTo(depth, "depth", "(I" + "L" + FIBER + ";I)I"), "calls to depth's copy");
    }

    @Test
    void jdkExceptionsAndConcatenationAreInertOnlyWithPrimitivesAndStrings() {
        CallSiteKinds kinds = new CallSiteKinds(new WeavePolicy(List.of("io/jbeam/shapes/"), List.of()),
                new TypeOracle(ClassHierarchy.of(getClass().getClassLoader()), null));
        assertEquals(Kind.INERT, kinds.of(init("java/io/IOException", "(Ljava/lang/String;)V")));
        assertEquals(Kind.INERT, kinds.of(init("java/lang/IndexOutOfBoundsException", "(I)V")));
        assertEquals(Kind.OPAQUE, kinds.of(init("java/io/IOException", "(Ljava/lang/Throwable;)V")));
        assertEquals(Kind.OPAQUE, kinds.of(init("java/io/UncheckedIOException", "(Ljava/lang/String;)V")));
        assertEquals(Kind.OPAQUE, kinds.of(init("io/jbeam/shapes/MyException", "(Ljava/lang/String;)V")));
        Handle concat = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/invoke/StringConcatFactory",
                "makeConcatWithConstants", "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;"
                        + "Ljava/lang/invoke/MethodType;Ljava/lang/String;[Ljava/lang/Object;)Ljava/lang/invoke/CallSite;",
                false);
        assertEquals(Kind.INERT, kinds.of(new InvokeDynamicInsnNode("makeConcatWithConstants",
                "(Ljava/lang/String;IJ[C)Ljava/lang/String;", concat, "\u0001\u0001\u0001\u0001")));
        assertEquals(Kind.OPAQUE, kinds.of(new InvokeDynamicInsnNode("makeConcatWithConstants",
                "(Ljava/lang/String;Ljava/lang/Object;)Ljava/lang/String;", concat, "\u0001\u0001")));
    }

    private static MethodInsnNode init(String owner, String desc) {
        return new MethodInsnNode(Opcodes.INVOKESPECIAL, owner, "<init>", desc, false);
    }

    private static int count(MethodNode m, int opcode, String field) {
        int n = 0;
        for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn.getOpcode() == opcode && ((FieldInsnNode) insn).owner.equals(FIBER)
                    && ((FieldInsnNode) insn).name.equals(field)) {
                n++;
            }
        }
        return n;
    }

    private static int callsTo(MethodNode m, String name, String desc) {
        int n = 0;
        for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn instanceof MethodInsnNode && ((MethodInsnNode) insn).name.equals(name)
                    && ((MethodInsnNode) insn).desc.equals(desc)) {
                n++;
            }
        }
        return n;
    }

    private static int pushPcs(MethodNode m) {
        int n = 0;
        for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn instanceof MethodInsnNode && ((MethodInsnNode) insn).owner.equals(FIBER)
                    && ((MethodInsnNode) insn).name.equals("pushPc")) {
                n++;
            }
        }
        return n;
    }

    private static int fiberUses(MethodNode m) {
        int n = 0;
        for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if ((insn instanceof MethodInsnNode && ((MethodInsnNode) insn).owner.equals(FIBER))
                    || (insn instanceof FieldInsnNode && ((FieldInsnNode) insn).owner.equals(FIBER))) {
                n++;
            }
        }
        return n;
    }
}
