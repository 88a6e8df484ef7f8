package io.jbeam.agent.weaver;

import static io.jbeam.agent.weaver.RuntimeNames.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Weaves one capturable method: entry handshake, yield points, capture after capturable calls, rewind dispatch.
 * {@code F} and {@code MASK} are two new locals; {@code t..} are the temps a call site spills its receiver and
 * arguments into; {@code k} numbers the method's resume points (yield points and call sites).
 *
 * <pre>
 *  entry ─────────────────────────────────────────────────────────────────────────────────────────────
 *   F = Fiber.current()
 *   if F.status == REWINDING ──────────────────────────────────────────────┐
 *   MASK = F.expect ∈ {my id, SAM ids} ? -1 : 0      (0: entered pinned)  │
 *   yield point 0                                                         │
 *  call site k (capturable) ─────────────────────────────────────────────── │ ─────────────────────────
 *   [below] recv args    → xSTORE t..              stack: [below]         │
 *  RESUME_k:               xLOAD t..               stack: [below] recv args   &lt;──────────┐
 *   F.expect = id &amp; MASK; invoke                  stack: [below] result            │
 *   if F.status == CAPTURING goto CAPTURE_k                                │          │
 *  yield point k (entry, loop headers) ──────────────────────────────────── │ ──────── │ ───────────────
 *   if --F.reductions &lt;= 0 &amp;&amp; F.budgetExhausted(MASK != 0) goto CAPTURE_k  │          │
 *  AFTER_k:                                              &lt;─────────────┐  │          │
 *   ...                                                               │  │          │
 *  ══ after the last instruction: outside every try range ════════════ │ ═│══════════│════════════════
 *  CAPTURE_k:  pop the dummy result; push [below] top first;          │  │          │
 *              push locals 0..n, t..; pushPc(k); return a dummy       │  │          │
 *  REWIND:     MASK = -1; switch (F.popPc())  &lt;─────────────────────── │ ─┘          │
 *  REWIND_k:   pop t.., locals n..0; pop [below] bottom first ──── call site ────────┘
 *              (yield point:) F.resumedAtYieldPoint(); goto AFTER_k ──┘
 *  default:    throw IllegalStateException (corrupt frame store)
 * </pre>
 * A call site or yield point whose frame holds an uninitialized object is not a resume point: the call stores
 * {@code expect = 0} (its callee runs pinned) and the yield point is dropped.
 */
final class ContinuationEmitter implements Opcodes {
    /** One place the method may leave from and come back to. */
    private static final class ResumePoint {
        final int index;
        final AbstractInsnNode at;
        final Frame<BasicValue> frame;
        final CallSiteKinds.Kind kind; // null for a yield point
        final LabelNode capture = new LabelNode();
        final LabelNode rewind = new LabelNode();
        final LabelNode resume = new LabelNode();
        int temps = -1;

        ResumePoint(int index, AbstractInsnNode at, Frame<BasicValue> frame, CallSiteKinds.Kind kind) {
            this.index = index;
            this.at = at;
            this.frame = frame;
            this.kind = kind;
        }
    }

    private final MethodNode m;
    private final Frame<BasicValue>[] frames;
    private final CallSiteKinds kinds;
    private final LambdaIndex.HandshakeIds ids;
    private final int[] accepted;
    private final int userLocals;
    private final int fiber;
    private final int mask;
    private final int tempBase;
    private final InsnList tail = new InsnList();
    private final List<ResumePoint> points = new ArrayList<>();
    /** Statistics for the weaving report. */
    int callSites;
    int pinnedCallSites;

    ContinuationEmitter(MethodNode m, Frame<BasicValue>[] frames, CallSiteKinds kinds, LambdaIndex.HandshakeIds ids,
            int[] accepted) {
        this.m = m;
        this.frames = frames;
        this.kinds = kinds;
        this.ids = ids;
        this.accepted = accepted;
        this.userLocals = m.maxLocals;
        this.fiber = m.maxLocals;
        this.mask = m.maxLocals + 1;
        this.tempBase = m.maxLocals + 2;
    }

    void emit() {
        AbstractInsnNode[] all = m.instructions.toArray();
        Set<LabelNode> headers = YieldPoints.loopHeaders(m);
        LabelNode start = new LabelNode();
        points.add(new ResumePoint(0, start, frames[0], null));
        Set<LabelNode> targets = Insns.jumpTargets(m);
        boolean expectZero = false; // expect = 0 stored since the last label, capturable call or entry
        for (int i = 0; i < all.length; i++) {
            AbstractInsnNode insn = all[i];
            Frame<BasicValue> fr = frames[i];
            boolean savable = fr != null && !FrameAnalyzer.hasUnsavableValue(fr);
            if (insn instanceof LabelNode && targets.contains(insn)) {
                expectZero = false;
            }
            if (insn instanceof LabelNode && headers.contains(insn) && savable) {
                points.add(new ResumePoint(points.size(), insn, fr, null));
                continue;
            }
            CallSiteKinds.Kind kind = kinds.of(insn);
            if (kind == null || kind == CallSiteKinds.Kind.INERT) continue;
            if (CallSiteKinds.isCapturable(kind) && savable) {
                points.add(new ResumePoint(points.size(), insn, fr, kind));
                callSites++;
                expectZero = false;
            } else {
                if (CallSiteKinds.isCapturable(kind)) pinnedCallSites++;
                if (!expectZero) {
                    InsnList l = new InsnList();
                    Insns.storeExpectZero(l, fiber);
                    m.instructions.insertBefore(insn, l);
                    expectZero = true;
                }
            }
        }
        m.instructions.insert(entry(start));
        for (ResumePoint p : points) {
            if (p.kind == null) {
                yieldPoint(p);
            } else {
                callSite(p);
            }
        }
        dispatch();
        m.instructions.add(tail);
        m.maxLocals = tempBase + maxTemps();
    }

    private int maxTemps() {
        int n = 0;
        for (ResumePoint p : points) n = Math.max(n, p.temps);
        return n;
    }

    // ---------------------------------------------------------------- entry

    private InsnList entry(LabelNode start) {
        InsnList l = new InsnList();
        LabelNode rewinding = new LabelNode();
        LabelNode match = new LabelNode();
        LabelNode set = new LabelNode();
        l.add(new MethodInsnNode(INVOKESTATIC, FIBER, CURRENT, CURRENT_DESC, false)); // f
        l.add(new VarInsnNode(ASTORE, fiber));                                        // -
        l.add(new VarInsnNode(ALOAD, fiber));                                         // f
        l.add(new FieldInsnNode(GETFIELD, FIBER, STATUS, "I"));                       // status
        l.add(Insns.iconst(REWINDING));                                               // status 2
        l.add(new JumpInsnNode(IF_ICMPEQ, rewinding));                                // -
        for (int id : accepted) {
            l.add(new VarInsnNode(ALOAD, fiber));                                     // f
            l.add(new FieldInsnNode(GETFIELD, FIBER, EXPECT, "I"));                   // expect
            l.add(Insns.iconst(id));                                                  // expect id
            l.add(new JumpInsnNode(IF_ICMPEQ, match));                                // -
        }
        l.add(new InsnNode(ICONST_0));                                                // 0: entered pinned
        l.add(new JumpInsnNode(GOTO, set));
        l.add(match);
        l.add(new InsnNode(ICONST_M1));                                               // -1: capturable
        l.add(set);
        l.add(new VarInsnNode(ISTORE, mask));                                         // -
        l.add(start);
        tail.add(rewinding);
        return l;
    }

    // ---------------------------------------------------------------- yield points

    private void yieldPoint(ResumePoint p) {
        LabelNode after = new LabelNode();
        InsnList l = new InsnList();
        l.add(new VarInsnNode(ALOAD, fiber));                                         // f
        l.add(new InsnNode(DUP));                                                     // f f
        l.add(new FieldInsnNode(GETFIELD, FIBER, REDUCTIONS, "I"));                   // f r
        l.add(new InsnNode(ICONST_1));                                                // f r 1
        l.add(new InsnNode(ISUB));                                                    // f r-1
        l.add(new InsnNode(DUP_X1));                                                  // r-1 f r-1
        l.add(new FieldInsnNode(PUTFIELD, FIBER, REDUCTIONS, "I"));                   // r-1
        l.add(new JumpInsnNode(IFGT, after));                                         // -
        l.add(new VarInsnNode(ALOAD, fiber));                                         // f
        l.add(new VarInsnNode(ILOAD, mask));                                          // f mask
        l.add(new InsnNode(ICONST_1));                                                // f mask 1
        l.add(new InsnNode(IAND));                                                    // f capturable
        l.add(new MethodInsnNode(INVOKEVIRTUAL, FIBER, BUDGET_EXHAUSTED, BUDGET_EXHAUSTED_DESC, false)); // z
        l.add(new JumpInsnNode(IFNE, p.capture));                                     // -
        l.add(after);
        m.instructions.insert(p.at, l);

        // CAPTURE_k: [stack] -> return
        tail.add(p.capture);
        saveStack(p.frame, p.frame.getStackSize());
        saveLocals(p.frame);
        closeFrame(p.index);
        // REWIND_k: -> [stack], then continue after the check
        tail.add(p.rewind);
        restoreLocals(p.frame);
        restoreStack(p.frame, p.frame.getStackSize());
        tail.add(new VarInsnNode(ALOAD, fiber));                                      // [stack] f
        tail.add(new MethodInsnNode(INVOKEVIRTUAL, FIBER, RESUMED_AT_YIELD_POINT, VOID_DESC, false)); // [stack]
        tail.add(new JumpInsnNode(GOTO, after));
    }

    // ---------------------------------------------------------------- call sites

    private void callSite(ResumePoint p) {
        MethodInsnNode call = (MethodInsnNode) p.at;
        Frame<BasicValue> fr = p.frame;
        int argc = Type.getArgumentTypes(call.desc).length;
        boolean hasReceiver = call.getOpcode() != INVOKESTATIC;
        int spilled = argc + (hasReceiver ? 1 : 0);
        int below = fr.getStackSize() - spilled;
        // The receiver and arguments, in stack order, and their temps.
        BasicValue[] values = new BasicValue[spilled];
        int[] slots = new int[spilled];
        int next = tempBase;
        for (int j = 0; j < spilled; j++) {
            values[j] = fr.getStack(below + j);
            slots[j] = next;
            next += values[j].getSize();
        }
        p.temps = next - tempBase;

        InsnList before = new InsnList();
        for (int j = spilled - 1; j >= 0; j--) {                                      // [below] recv args
            before.add(new VarInsnNode(Insns.loadType(values[j]).getOpcode(ISTORE), slots[j]));
        }                                                                             // [below]
        before.add(p.resume);
        for (int j = 0; j < spilled; j++) {
            // No CHECKCAST: the rewind path restored the temps with the analysed types already.
            before.add(new VarInsnNode(Insns.loadType(values[j]).getOpcode(ILOAD), slots[j]));
        }                                                                             // [below] recv args
        int id = ids.of(call.name, call.desc);
        before.add(new VarInsnNode(ALOAD, fiber));                                    // ... f
        if (p.kind == CallSiteKinds.Kind.FUNCTIONAL) {
            before.add(new VarInsnNode(ALOAD, slots[0]));                             // ... f recv
            before.add(new TypeInsnNode(INSTANCEOF, WOVEN_LAMBDA));                   // ... f 0|1
            before.add(new InsnNode(INEG));                                           // ... f 0|-1
            before.add(new VarInsnNode(ILOAD, mask));                                 // ... f 0|-1 mask
            before.add(new InsnNode(IAND));                                           // ... f 0|-1
            before.add(Insns.iconst(id));                                             // ... f 0|-1 id
            before.add(new InsnNode(IAND));                                           // ... f 0|id
        } else {
            before.add(Insns.iconst(id));                                             // ... f id
            before.add(new VarInsnNode(ILOAD, mask));                                 // ... f id mask
            before.add(new InsnNode(IAND));                                           // ... f 0|id
        }
        before.add(new FieldInsnNode(PUTFIELD, FIBER, EXPECT, "I"));                  // [below] recv args
        m.instructions.insertBefore(call, before);

        InsnList after = new InsnList();                                              // [below] result
        after.add(new VarInsnNode(ALOAD, fiber));                                     // [below] result f
        after.add(new FieldInsnNode(GETFIELD, FIBER, STATUS, "I"));                   // [below] result status
        after.add(Insns.iconst(CAPTURING));                                           // [below] result status 1
        after.add(new JumpInsnNode(IF_ICMPEQ, p.capture));                            // [below] result
        m.instructions.insert(call, after);

        // CAPTURE_k: [below] dummy -> return
        tail.add(p.capture);
        int resultSize = Type.getReturnType(call.desc).getSize();
        if (resultSize == 1) tail.add(new InsnNode(POP));
        else if (resultSize == 2) tail.add(new InsnNode(POP2));                       // [below]
        saveStack(fr, below);                                                         // -
        saveLocals(fr);
        for (int j = 0; j < spilled; j++) {
            saveLocal(values[j], slots[j]);
        }
        closeFrame(p.index);
        // REWIND_k: -> [below], temps and locals restored, then re-invoke
        tail.add(p.rewind);
        for (int j = spilled - 1; j >= 0; j--) {
            restoreLocal(values[j], slots[j]);
        }
        restoreLocals(fr);
        restoreStack(fr, below);                                                      // [below]
        tail.add(new JumpInsnNode(GOTO, p.resume));
    }

    // ---------------------------------------------------------------- rewind dispatch

    private void dispatch() {
        // The entry jumped to the label at the head of the tail: REWIND.
        LabelNode corrupt = new LabelNode();
        LabelNode[] cases = new LabelNode[points.size()];
        for (int k = 0; k < cases.length; k++) cases[k] = points.get(k).rewind;
        InsnList d = new InsnList();
        d.add(new InsnNode(ICONST_M1));                                               // -1
        d.add(new VarInsnNode(ISTORE, mask));                                         // -
        d.add(new VarInsnNode(ALOAD, fiber));                                         // f
        d.add(new MethodInsnNode(INVOKEVIRTUAL, FIBER, POP_PC, "()I", false));        // pc
        d.add(new TableSwitchInsnNode(0, cases.length - 1, corrupt, cases));          // -
        d.add(corrupt);
        d.add(new TypeInsnNode(NEW, ILLEGAL_STATE));                                  // e
        d.add(new InsnNode(DUP));                                                     // e e
        d.add(new LdcInsnNode("jbeam: corrupt frame store, no resume point with that pc in " + m.name + m.desc));
        d.add(new MethodInsnNode(INVOKESPECIAL, ILLEGAL_STATE, CTOR, STRING_CTOR_DESC, false)); // e
        d.add(new InsnNode(ATHROW));
        // The REWIND label is the first node of the tail; put the dispatch right after it.
        tail.insert(tail.getFirst(), d);
    }

    // ---------------------------------------------------------------- saving and restoring

    /** Pushes the top {@code count} stack values, top first: {@code [stack] -> [stack minus count]}. */
    private void saveStack(Frame<BasicValue> fr, int count) {
        for (int j = count - 1; j >= 0; j--) {
            Insns.pushValue(tail, fr.getStack(j), fiber);
        }
    }

    /** Pops the values {@link #saveStack} pushed, bottom first: {@code -> [stack]}. */
    private void restoreStack(Frame<BasicValue> fr, int count) {
        for (int j = 0; j < count; j++) {
            Insns.popValue(tail, fr.getStack(j), fiber);
        }
    }

    private void saveLocals(Frame<BasicValue> fr) {
        for (int i = 0; i < userLocals; i++) {
            saveLocal(fr.getLocal(i), i);
        }
    }

    private void restoreLocals(Frame<BasicValue> fr) {
        for (int i = userLocals - 1; i >= 0; i--) {
            restoreLocal(fr.getLocal(i), i);
        }
    }

    private void saveLocal(BasicValue v, int slot) {
        if (!Insns.isDefined(v) || HierarchyVerifier.isNull(v)) return;
        tail.add(new VarInsnNode(Insns.loadType(v).getOpcode(ILOAD), slot));          // v
        Insns.pushValue(tail, v, fiber);                                              // -
    }

    private void restoreLocal(BasicValue v, int slot) {
        if (!Insns.isDefined(v)) return;
        Insns.popValue(tail, v, fiber);                                               // v
        tail.add(new VarInsnNode(Insns.loadType(v).getOpcode(ISTORE), slot));         // -
    }

    /** {@code pushPc(k); return dummy}. */
    private void closeFrame(int index) {
        tail.add(Insns.iconst(index));                                                // k
        tail.add(new VarInsnNode(ALOAD, fiber));                                      // k f
        tail.add(new MethodInsnNode(INVOKESTATIC, FIBER, PUSH_PC, PUSH_PC_DESC, false)); // -
        Insns.returnDummy(tail, Type.getReturnType(m.desc));
    }
}
