package io.jbeam.agent.weaver;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.Interpreter;

/**
 * The types of every local and stack slot before each instruction of a method, with uninitialized objects tracked
 * (ASM's {@link Frame} does not turn the copies of a {@code NEW} value into an initialized one when its
 * constructor runs; {@link InitFrame} does).
 */
public final class FrameAnalyzer {
    private FrameAnalyzer() {
    }

    /** Frames indexed like {@code method.instructions}; null for unreachable instructions. */
    public static Frame<BasicValue>[] analyze(ClassNode owner, MethodNode method, TypeOracle types)
            throws AnalyzerException {
        HierarchyVerifier verifier = new HierarchyVerifier(owner, types);
        Analyzer<BasicValue> analyzer = new Analyzer<>(verifier) {
            @Override
            protected Frame<BasicValue> newFrame(int numLocals, int numStack) {
                return new InitFrame(numLocals, numStack);
            }

            @Override
            protected Frame<BasicValue> newFrame(Frame<? extends BasicValue> frame) {
                return new InitFrame(frame);
            }
        };
        return analyzer.analyze(owner.name, method);
    }

    /** True when the frame holds an uninitialized object or a return address anywhere (such a frame cannot be saved). */
    public static boolean hasUnsavableValue(Frame<BasicValue> f) {
        for (int i = 0; i < f.getLocals(); i++) {
            if (unsavable(f.getLocal(i))) return true;
        }
        for (int i = 0; i < f.getStackSize(); i++) {
            if (unsavable(f.getStack(i))) return true;
        }
        return false;
    }

    private static boolean unsavable(BasicValue v) {
        return v instanceof HierarchyVerifier.Uninitialized || v == BasicValue.RETURNADDRESS_VALUE;
    }

    /** A frame that marks every copy of an object initialized once its constructor returned. */
    static final class InitFrame extends Frame<BasicValue> {
        InitFrame(int numLocals, int numStack) {
            super(numLocals, numStack);
        }

        InitFrame(Frame<? extends BasicValue> frame) {
            super(frame);
        }

        @Override
        public void execute(AbstractInsnNode insn, Interpreter<BasicValue> interpreter) throws AnalyzerException {
            if (insn.getOpcode() == Opcodes.INVOKESPECIAL && ((MethodInsnNode) insn).name.equals(RuntimeNames.CTOR)) {
                int argc = Type.getArgumentTypes(((MethodInsnNode) insn).desc).length;
                BasicValue receiver = getStack(getStackSize() - argc - 1);
                super.execute(insn, interpreter);
                if (receiver instanceof HierarchyVerifier.Uninitialized) {
                    BasicValue done = interpreter.newValue(receiver.getType());
                    for (int i = 0; i < getLocals(); i++) {
                        if (getLocal(i) == receiver) setLocal(i, done);
                    }
                    for (int i = 0; i < getStackSize(); i++) {
                        if (getStack(i) == receiver) setStack(i, done);
                    }
                }
                return;
            }
            super.execute(insn, interpreter);
        }
    }
}
