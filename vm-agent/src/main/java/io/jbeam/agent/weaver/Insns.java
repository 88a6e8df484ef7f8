package io.jbeam.agent.weaver;

import static io.jbeam.agent.weaver.RuntimeNames.*;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.BasicValue;

/** Small instruction sequences the emitters share. Stack comments: before -> after. */
final class Insns implements Opcodes {
    private Insns() {
    }

    static AbstractInsnNode iconst(int v) {
        if (v >= -1 && v <= 5) return new InsnNode(ICONST_0 + v);
        if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) return new IntInsnNode(BIPUSH, v);
        if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) return new IntInsnNode(SIPUSH, v);
        return new LdcInsnNode(v);
    }

    /**
     * The labels control can reach other than by falling through: jump and switch targets, handlers. Between two of
     * them, code runs straight, so an {@code expect = 0} stored before a call that is not capturable still holds at
     * the next one (what such a call reaches is pinned, and pinned code stores only 0).
     */
    static java.util.Set<LabelNode> jumpTargets(MethodNode m) {
        java.util.Set<LabelNode> targets = new java.util.HashSet<>();
        for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn instanceof JumpInsnNode) {
                targets.add(((JumpInsnNode) insn).label);
            } else if (insn instanceof TableSwitchInsnNode) {
                targets.add(((TableSwitchInsnNode) insn).dflt);
                targets.addAll(((TableSwitchInsnNode) insn).labels);
            } else if (insn instanceof LookupSwitchInsnNode) {
                targets.add(((LookupSwitchInsnNode) insn).dflt);
                targets.addAll(((LookupSwitchInsnNode) insn).labels);
            }
        }
        for (TryCatchBlockNode t : m.tryCatchBlocks) {
            targets.add(t.handler);
        }
        return targets;
    }

    /** {@code f.expect = 0}. */
    static void storeExpectZero(InsnList l, int fiber) {
        l.add(new VarInsnNode(ALOAD, fiber));                              // f
        l.add(new InsnNode(ICONST_0));                                     // f 0
        l.add(new FieldInsnNode(PUTFIELD, FIBER, EXPECT, "I"));            // -
    }

    /** The value on top of the stack goes into the frame store: {@code v -> }. */
    static void pushValue(InsnList l, BasicValue v, int fiber) {
        Type t = v.getType();
        if (HierarchyVerifier.isNull(v)) {
            l.add(new InsnNode(POP));                                      // v -> (null is restored as a constant)
            return;
        }
        l.add(new VarInsnNode(ALOAD, fiber));                              // v f
        switch (t.getSort()) {
            case Type.LONG:
                l.add(new MethodInsnNode(INVOKESTATIC, FIBER, PUSH_LONG, PUSH_LONG_DESC, false));
                break;
            case Type.DOUBLE:
                l.add(new MethodInsnNode(INVOKESTATIC, FIBER, PUSH_DOUBLE, PUSH_DOUBLE_DESC, false));
                break;
            case Type.FLOAT:
                l.add(new MethodInsnNode(INVOKESTATIC, FIBER, PUSH_FLOAT, PUSH_FLOAT_DESC, false));
                break;
            case Type.OBJECT:
            case Type.ARRAY:
                l.add(new MethodInsnNode(INVOKESTATIC, FIBER, PUSH_REF, PUSH_REF_DESC, false));
                break;
            default:
                l.add(new MethodInsnNode(INVOKESTATIC, FIBER, PUSH_INT, PUSH_INT_DESC, false));
        }                                                                  // -
    }

    /** Pops a value of the analysed type from the frame store onto the stack: {@code -> v}. */
    static void popValue(InsnList l, BasicValue v, int fiber) {
        Type t = v.getType();
        if (HierarchyVerifier.isNull(v)) {
            l.add(new InsnNode(ACONST_NULL));                              // null
            return;
        }
        l.add(new VarInsnNode(ALOAD, fiber));                              // f
        switch (t.getSort()) {
            case Type.LONG:
                l.add(new MethodInsnNode(INVOKEVIRTUAL, FIBER, POP_LONG, POP_LONG_DESC, false));
                break;
            case Type.DOUBLE:
                l.add(new MethodInsnNode(INVOKEVIRTUAL, FIBER, POP_DOUBLE, POP_DOUBLE_DESC, false));
                break;
            case Type.FLOAT:
                l.add(new MethodInsnNode(INVOKEVIRTUAL, FIBER, POP_FLOAT, POP_FLOAT_DESC, false));
                break;
            case Type.OBJECT:
            case Type.ARRAY:
                l.add(new MethodInsnNode(INVOKEVIRTUAL, FIBER, POP_REF, POP_REF_DESC, false));
                if (!t.getInternalName().equals(OBJECT)) {
                    l.add(new TypeInsnNode(CHECKCAST, t.getInternalName()));
                }
                break;
            default:
                l.add(new MethodInsnNode(INVOKEVIRTUAL, FIBER, POP_INT, POP_INT_DESC, false));
        }                                                                  // v
    }

    /** True for a value worth saving: a defined slot (not TOP, not the second half of a long/double). */
    static boolean isDefined(BasicValue v) {
        return v != null && v.getType() != null;
    }

    static Type loadType(BasicValue v) {
        Type t = v.getType();
        switch (t.getSort()) {
            case Type.LONG: case Type.DOUBLE: case Type.FLOAT: return t;
            case Type.OBJECT: case Type.ARRAY: return Type.getObjectType(OBJECT);
            default: return Type.INT_TYPE;
        }
    }

    /** Pushes the zero of a value's type (null for a reference): {@code -> 0}. */
    static void pushZero(InsnList l, Type t) {
        switch (t.getSort()) {
            case Type.VOID: break;
            case Type.LONG: l.add(new InsnNode(LCONST_0)); break;
            case Type.DOUBLE: l.add(new InsnNode(DCONST_0)); break;
            case Type.FLOAT: l.add(new InsnNode(FCONST_0)); break;
            case Type.OBJECT: case Type.ARRAY: l.add(new InsnNode(ACONST_NULL)); break;
            default: l.add(new InsnNode(ICONST_0));
        }
    }

    /** Returns a default value of the method's return type: {@code -> }. */
    static void returnDummy(InsnList l, Type ret) {
        pushZero(l, ret);
        l.add(new InsnNode(ret.getOpcode(IRETURN)));
    }
}
