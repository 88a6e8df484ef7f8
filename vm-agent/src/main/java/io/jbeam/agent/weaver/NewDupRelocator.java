package io.jbeam.agent.weaver;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Moves {@code NEW T; DUP} after the constructor's arguments when those contain a capturable call, because an
 * uninitialized object cannot be saved into the frame store:
 *
 * <pre>
 *   NEW T; DUP; &lt;args with a call&gt;; INVOKESPECIAL T.&lt;init&gt;
 *     becomes
 *   &lt;args with a call&gt;; xSTORE t_n..t_1; NEW T; DUP; xLOAD t_1..t_n; INVOKESPECIAL T.&lt;init&gt;
 * </pre>
 * Only the plain {@code NEW; DUP} shape with a self-contained argument region (no jump in or out, the two copies
 * never touched) is moved. One visible difference: T's static initializer now runs after the arguments are
 * evaluated rather than before. A call site that still sees an uninitialized value is made non-capturable later.
 */
public final class NewDupRelocator {
    private NewDupRelocator() {
    }

    /** Relocates what it can; returns how many constructions it moved. */
    public static int relocate(ClassNode owner, MethodNode m, TypeOracle types, CallSiteKinds kinds)
            throws AnalyzerException {
        if (!hasNewAndCapturableCall(m, kinds)) {
            return 0;
        }
        Frame<BasicValue>[] frames = FrameAnalyzer.analyze(owner, m, types);
        InsnList insns = m.instructions;
        AbstractInsnNode[] all = insns.toArray();
        List<AbstractInsnNode[]> moves = new ArrayList<>();
        for (int n = 0; n < all.length; n++) {
            if (all[n].getOpcode() != Opcodes.NEW || frames[n] == null) continue;
            int dup = nextReal(all, n + 1);
            if (dup < 0 || all[dup].getOpcode() != Opcodes.DUP || frames[dup] == null) {
                continue;
            }
            int init = findInit(all, frames, n, dup);
            if (init < 0 || !selfContained(insns, all, frames, n, dup, init) || !hasCapturableCall(all, kinds, dup, init)) {
                continue;
            }
            moves.add(new AbstractInsnNode[] {all[n], all[dup], all[init]});
        }
        for (AbstractInsnNode[] mv : moves) {
            move(m, (TypeInsnNode) mv[0], mv[1], (MethodInsnNode) mv[2]);
        }
        return moves.size();
    }

    private static boolean hasNewAndCapturableCall(MethodNode m, CallSiteKinds kinds) {
        boolean news = false;
        boolean calls = false;
        for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
            news |= i.getOpcode() == Opcodes.NEW;
            CallSiteKinds.Kind k = kinds.of(i);
            calls |= k != null && CallSiteKinds.isCapturable(k);
        }
        return news && calls;
    }

    private static int nextReal(AbstractInsnNode[] all, int from) {
        for (int i = from; i < all.length; i++) {
            if (all[i].getOpcode() >= 0) return i;
        }
        return -1;
    }

    /** The INVOKESPECIAL &lt;init&gt; consuming the value NEW at {@code n} pushed, seen through the DUP. */
    private static int findInit(AbstractInsnNode[] all, Frame<BasicValue>[] frames, int n, int dup) {
        Frame<BasicValue> after = frames[dup];
        BasicValue created = after.getStack(after.getStackSize() - 1);
        if (!(created instanceof HierarchyVerifier.Uninitialized)) return -1;
        int base = frames[n].getStackSize();
        for (int i = dup + 1; i < all.length; i++) {
            Frame<BasicValue> f = frames[i];
            if (f == null || f.getStackSize() < base + 2) return -1;
            if (all[i].getOpcode() == Opcodes.INVOKESPECIAL && ((MethodInsnNode) all[i]).name.equals(RuntimeNames.CTOR)) {
                MethodInsnNode mi = (MethodInsnNode) all[i];
                int argc = Type.getArgumentTypes(mi.desc).length;
                if (f.getStack(f.getStackSize() - argc - 1) == created) {
                    boolean exact = f.getStackSize() == base + 2 + argc && f.getStack(base) == created
                            && f.getStack(base + 1) == created;
                    return exact ? i : -1;
                }
            }
        }
        return -1;
    }

    /** No jump enters or leaves (n, init]; every instruction in it is reachable with both copies on the stack. */
    private static boolean selfContained(InsnList insns, AbstractInsnNode[] all, Frame<BasicValue>[] frames,
            int n, int dup, int init) {
        int base = frames[n].getStackSize();
        for (int i = dup + 1; i <= init; i++) {
            if (frames[i] == null || frames[i].getStackSize() < base + 2) return false;
        }
        for (int i = 0; i < all.length; i++) {
            boolean inside = i > n && i < init;
            for (LabelNode target : targets(all[i])) {
                int t = insns.indexOf(target);
                boolean targetInside = t > n && t <= init;
                if (inside != targetInside) return false;
            }
        }
        return true;
    }

    private static List<LabelNode> targets(AbstractInsnNode insn) {
        List<LabelNode> l = new ArrayList<>();
        if (insn instanceof JumpInsnNode) {
            l.add(((JumpInsnNode) insn).label);
        } else if (insn instanceof TableSwitchInsnNode) {
            l.add(((TableSwitchInsnNode) insn).dflt);
            l.addAll(((TableSwitchInsnNode) insn).labels);
        } else if (insn instanceof LookupSwitchInsnNode) {
            l.add(((LookupSwitchInsnNode) insn).dflt);
            l.addAll(((LookupSwitchInsnNode) insn).labels);
        }
        return l;
    }

    private static boolean hasCapturableCall(AbstractInsnNode[] all, CallSiteKinds kinds, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            CallSiteKinds.Kind k = kinds.of(all[i]);
            if (k != null && CallSiteKinds.isCapturable(k)) return true;
        }
        return false;
    }

    private static void move(MethodNode m, TypeInsnNode newInsn, AbstractInsnNode dup, MethodInsnNode init) {
        Type[] args = Type.getArgumentTypes(init.desc);
        int[] slots = new int[args.length];
        for (int k = 0; k < args.length; k++) {
            slots[k] = m.maxLocals;
            m.maxLocals += args[k].getSize();
        }
        InsnList seq = new InsnList();
        for (int k = args.length - 1; k >= 0; k--) {
            seq.add(new VarInsnNode(args[k].getOpcode(Opcodes.ISTORE), slots[k]));    // ... args     -> ...
        }
        seq.add(new TypeInsnNode(Opcodes.NEW, newInsn.desc));                          // ...          -> ... u
        seq.add(new InsnNode(Opcodes.DUP));                                            // ... u        -> ... u u
        for (int k = 0; k < args.length; k++) {
            seq.add(new VarInsnNode(args[k].getOpcode(Opcodes.ILOAD), slots[k]));     // ... u u      -> ... u u args
        }
        m.instructions.insertBefore(init, seq);
        m.instructions.remove(newInsn);
        m.instructions.remove(dup);
        m.maxStack += 2;
    }
}
