package io.jbeam.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbeam.shapes.SameClassLeaves;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/** Calls bound at weave time to methods of the same class that the weaver leaves alone carry no capture code. */
class InertCallsTest {
    private static final String FIBER = "io/jbeam/scheduler/Fiber";

    @Test
    void callsToSameClassLeavesHaveNoCaptureCode() throws Exception {
        ShapeRunner.Run run = ShapeRunner.check(SameClassLeaves.class);
        byte[] woven = run.loader().reports.get(SameClassLeaves.class.getName()).bytes;

        MethodNode decode = CaptureCodeTest.method(woven, "decode");
        // Capturable: overridable and Y.i only; clamp, scale and mix are left bare.
        assertEquals(2, count(decode, Opcodes.PUTFIELD, "expect"), "handshake stores in decode");
        assertEquals(3, count(decode, Opcodes.GETFIELD, "status"), "status checks in decode (entry and 2 calls)");
        // Resume points: the entry, the loop header and the two calls; at most one pushPc each.
        assertTrue(pushPcs(decode) <= 4, "pushPc calls in decode: " + pushPcs(decode));
        for (String leaf : new String[] {"clamp", "scale", "mix"}) {
            assertEquals(0, fiberUses(CaptureCodeTest.method(woven, leaf)), leaf + " is woven");
        }
        // The recursive call is still capturable.
        assertEquals(1, count(CaptureCodeTest.method(woven, "depth"), Opcodes.PUTFIELD, "expect"));
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
