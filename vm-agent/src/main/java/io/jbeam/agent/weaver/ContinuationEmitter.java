package io.jbeam.agent.weaver;

import static io.jbeam.agent.weaver.RuntimeNames.*;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Weaves one capturable method: entry handshake, yield points, capture after capturable calls, rewind dispatch.
 * {@code F}, {@code MASK}, {@code PC} and {@code LOOP} (a method's count of back-edges, kept in a register rather
 * than in the fiber: see {@code Fiber.loopChunk}) are four new locals; {@code t..} are the temps a call site spills its receiver and
 * arguments into; {@code k} numbers the method's resume points (yield points and call sites).
 *
 * <pre>
 *  entry ─────────────────────────────────────────────────────────────────────────────────────────────
 *   F = Fiber.current()                  (a fiber-passing copy: F = passed f)
 *   (with loops) LOOP = 0
 *   MASK = F.expect ∈ {my id, SAM ids} ? -1 : 0      (0: entered pinned; one id: F.maskFor(id))
 *                                        (a copy: MASK = passed mask)
 *   yield point 0: as an entry yield point below, with one more test when reductions are spent:
 *   if !F.charge() (--reductions &gt; 0): if F.status == REWINDING ───────────┐  (a rewind leaves reductions at 0)
 *  call site k (capturable) ─────────────────────────────────────────────── │ ─────────────────────────
 *   [below] recv args    → xSTORE t..              stack: [below]         │
 *  RESUME_k:               xLOAD t..               stack: [below] recv args   &lt;──────────┐
 *   F.expect = id &amp; MASK; invoke                  stack: [below] result            │
 *     (a bound call to a method with a copy: push F MASK; invoke the copy)            │
 *   if F.status == CAPTURING goto CAPTURE_k                                │          │
 *  yield point k (entry) ───────────────────────────────────────────────── │ ──────── │ ───────────────
 *   if !F.charge() &amp;&amp; F.budgetExhausted(MASK != 0) goto CAPTURE_k        │          │
 *  yield point k (loop header) ─────────────────────────────────────────── │ ──────── │ ───────────────
 *   if ++LOOP &gt;= F.loopChunk: z = F.loopSpent(LOOP, MASK != 0); LOOP = 0   │          │
 *                             if z goto CAPTURE_k                         │          │
 *  AFTER_k:                                              &lt;─────────────┐  │          │
 *   ...                                                               │  │          │
 *  (with loops) before each return: if LOOP != 0: F.loopExit(LOOP)     │  │          │
 *  ══ after the last instruction: outside every try range ════════════ │ ═│══════════│════════════════
 *  REWIND:     MASK = -1; PC = F.popPc(); switch (PC) &lt;──────────────── │ ─┘          │
 *               → RESTORE_L (k's layout L shared) or REWIND_k          │             │
 *               (one layout L for all points: goto RESTORE_L)          │             │
 *  RESTORE_L:  pop locals of L, highest slot first; switch (PC) → REWIND_k            │
 *  REWIND_k:   (unshared: pop locals of L); pop t..(saved), zero t..(rest); pop [below] ─┘
 *              (yield point:) F.resumedAtYieldPoint(); goto AFTER_k ──┘
 *  default:    throw IllegalStateException (corrupt frame store)
 *  CAPTURE_k:  pop the dummy result; push [below] top first; push t..(saved);
 *              PC = k; goto SAVE_L   (unshared: push locals of L; pushPc(k); return a dummy)
 *  SAVE_L:     push locals of L, lowest slot first; pushPc(PC); return a dummy
 * </pre>
 * The frame store thus holds, bottom to top: [below], t..(saved), locals, pc; the rewind pops them in mirror order.
 * A call to a woven method saves of its temps only the receiver: the callee restores its own arguments when it
 * rewinds, so it is passed zeros ({@link #calleeRestoresItsArguments}). A point saves only the locals live there
 * ({@link Liveness}); a yield point, or a call site in a method with many points, may save more to share the layout
 * {@code L} (slots and types) of another point ({@link #mayWiden}). An unsaved local is dead at the point, so its
 * rewind may leave it unset (the verifier sees TOP there, and nothing reads it on any path). Points share
 * {@code SAVE_L} when their layouts push the same slots the same way, and {@code RESTORE_L} when their layouts also
 * have the same types (the restore casts). A copy's passed fiber and mask are never saved: its caller passes them
 * again when it rewinds ({@link FiberPassingCopies}). A call site or yield point whose frame holds an uninitialized
 * object is not a resume point: the call stores {@code expect = 0} (its callee runs pinned) and the yield point is
 * dropped.
 */
final class ContinuationEmitter implements Opcodes {
    /**
     * From this many resume points a method's call sites may widen too ({@link #mayWiden}). Of three rules tried on
     * the corpus jars and the benchmark workloads (every point widens; only yield points do; this), this one gave the
     * least woven code, and no more methods pinned for size than when every point widens.
     */
    private static final int WIDEN_CALLS_FROM = 21;

    /** One place the method may leave from and come back to. */
    private static final class ResumePoint {
        final int index;
        final AbstractInsnNode at;
        final Frame<BasicValue> frame;
        final CallSiteKinds.Kind kind; // null for a yield point
        final LabelNode capture = new LabelNode();
        final LabelNode rewind = new LabelNode();
        final LabelNode resume = new LabelNode();
        /** Where a yield point continues after its check. */
        final LabelNode after = new LabelNode();
        /** The locals live here, that the frame saves. */
        final List<Integer> saved = new ArrayList<>();
        /** Stack values below the call's arguments (the whole stack at a yield point). */
        int below;
        /** A call site's receiver and arguments in stack order, and their temps. */
        BasicValue[] tempValues = new BasicValue[0];
        int[] tempSlots = new int[0];
        int temps = -1;
        /** How many of the temps, receiver first, the capture saves; the rewind zeroes the others. */
        int savedTemps;
        /** Its instruction's index before weaving; -1 for the entry. */
        int insnIndex = -1;
        Group saveGroup;
        Group restoreGroup;

        ResumePoint(int index, AbstractInsnNode at, Frame<BasicValue> frame, CallSiteKinds.Kind kind) {
            this.index = index;
            this.at = at;
            this.frame = frame;
            this.kind = kind;
        }

        /** A yield point other than the entry's: a loop header, whose back-edges count in {@code LOOP}. */
        boolean loopHeader() {
            return kind == null && index > 0;
        }
    }

    /** Resume points whose saved locals have one layout: they share the code that saves or restores those. */
    private static final class Group {
        final LabelNode label = new LabelNode();
        final List<ResumePoint> members = new ArrayList<>();
        final ResumePoint first;

        Group(ResumePoint first) {
            this.first = first;
        }

        boolean shared() {
            return members.size() > 1;
        }
    }

    private final MethodNode m;
    private final Frame<BasicValue>[] frames;
    private final CallSiteKinds kinds;
    private final LambdaIndex.HandshakeIds ids;
    private final int[] accepted;
    private final FiberPassingCopies copies;
    /** In a fiber-passing copy, the slot of the passed fiber (the passed mask follows); -1 in any other method. */
    private final int passedFiber;
    private final int userLocals;
    private final int fiber;
    private final int mask;
    private final int pc;
    private final int loop;
    private final int tempBase;
    private final InsnList tail = new InsnList();
    /** REWIND: the rewind dispatch, reached from the entry's yield point when status is REWINDING. */
    private final LabelNode rewinding = new LabelNode();
    private final List<ResumePoint> points = new ArrayList<>();
    /** Statistics for the weaving report. */
    int callSites;
    int pinnedCallSites;

    /**
     * Weaves {@code m}, which accepts the handshake ids {@code accepted}; its bound calls to methods that have a
     * fiber-passing copy in {@code copies} call the copy. When {@code m} is itself such a copy, {@code passedFiber} is
     * the slot of its passed fiber, else -1.
     */
    ContinuationEmitter(MethodNode m, Frame<BasicValue>[] frames, CallSiteKinds kinds, LambdaIndex.HandshakeIds ids,
            int[] accepted, FiberPassingCopies copies, int passedFiber) {
        this.m = m;
        this.frames = frames;
        this.kinds = kinds;
        this.ids = ids;
        this.accepted = accepted;
        this.copies = copies;
        this.passedFiber = passedFiber;
        this.userLocals = m.maxLocals;
        this.fiber = m.maxLocals;
        this.mask = m.maxLocals + 1;
        this.pc = m.maxLocals + 2;
        this.loop = m.maxLocals + 3;
        this.tempBase = m.maxLocals + 4;
    }

    void emit() {
        AbstractInsnNode[] all = m.instructions.toArray();
        BitSet[] live = Liveness.analyze(m, userLocals);
        Set<LabelNode> headers = YieldPoints.loopHeaders(m);
        LabelNode start = new LabelNode();
        points.add(liveAt(new ResumePoint(0, start, frames[0], null), live[0]));
        Set<LabelNode> targets = Insns.jumpTargets(m);
        boolean expectZero = false; // expect = 0 stored since the last label, capturable call or entry
        List<AbstractInsnNode> expectZeroAt = new ArrayList<>();
        Set<AbstractInsnNode> cold = ThrowPaths.coldCalls(m, kinds);
        for (int i = 0; i < all.length; i++) {
            AbstractInsnNode insn = all[i];
            Frame<BasicValue> fr = frames[i];
            boolean savable = fr != null && !FrameAnalyzer.hasUnsavableValue(fr);
            if (insn instanceof LabelNode && targets.contains(insn)) {
                expectZero = false;
            }
            if (insn instanceof LabelNode && headers.contains(insn) && savable) {
                points.add(liveAt(new ResumePoint(points.size(), insn, fr, null), live[i]));
                points.get(points.size() - 1).insnIndex = i;
                continue;
            }
            CallSiteKinds.Kind kind = kinds.of(insn);
            if (kind == null || kind == CallSiteKinds.Kind.INERT) continue;
            if (ThrowPaths.capturable(kind, insn, cold) && savable) {
                points.add(liveAt(new ResumePoint(points.size(), insn, fr, kind), live[i]));
                points.get(points.size() - 1).insnIndex = i;
                callSites++;
                expectZero = false;
            } else {
                if (CallSiteKinds.isCapturable(kind)) pinnedCallSites++;
                if (!expectZero) {
                    expectZeroAt.add(insn);
                    expectZero = true;
                }
            }
        }
        shareLayouts(live); // before inserting code
        for (AbstractInsnNode insn : expectZeroAt) {
            InsnList l = new InsnList();
            Insns.storeExpectZero(l, fiber);
            m.instructions.insertBefore(insn, l);
        }
        boolean loops = false;
        for (ResumePoint p : points) loops |= p.loopHeader();
        if (loops) chargeLoopsOnReturn(all);
        m.instructions.insert(entry(start, loops));
        for (ResumePoint p : points) {
            if (p.loopHeader()) {
                loopYieldPoint(p);
            } else if (p.kind == null) {
                yieldPoint(p);
            } else {
                callSite(p);
            }
        }
        captures();
        dispatch();
        m.instructions.add(tail);
        m.maxLocals = tempBase + maxTemps();
    }

    /** Records the locals to save at {@code p}: those live there, with a value. */
    private ResumePoint liveAt(ResumePoint p, BitSet live) {
        for (int i = live.nextSetBit(0); i >= 0 && i < userLocals; i = live.nextSetBit(i + 1)) {
            if (Insns.isDefined(p.frame.getLocal(i))) p.saved.add(i);
        }
        return p;
    }

    private int maxTemps() {
        int n = 0;
        for (ResumePoint p : points) n = Math.max(n, p.temps);
        return n;
    }

    // ---------------------------------------------------------------- entry

    private InsnList entry(LabelNode start, boolean loops) {
        InsnList l = new InsnList();
        LabelNode match = new LabelNode();
        LabelNode set = new LabelNode();
        if (passedFiber >= 0) {
            l.add(new VarInsnNode(ALOAD, passedFiber));                               // f
        } else {
            l.add(new MethodInsnNode(INVOKESTATIC, FIBER, CURRENT, CURRENT_DESC, false)); // f
        }
        l.add(new VarInsnNode(ASTORE, fiber));                                        // -
        if (loops) {
            // Before the rewind branch: a resumed frame counts afresh too.
            l.add(new InsnNode(ICONST_0));                                            // 0
            l.add(new VarInsnNode(ISTORE, loop));                                     // -
        }
        if (passedFiber >= 0) {
            // A copy's caller passes its own mask: it called exactly this method, so there is no handshake.
            l.add(new VarInsnNode(ILOAD, passedFiber + 1));                           // mask
            l.add(new VarInsnNode(ISTORE, mask));                                     // -
            l.add(start);
            return l;
        }
        if (accepted.length == 1) {
            l.add(new VarInsnNode(ALOAD, fiber));                                     // f
            l.add(Insns.iconst(accepted[0]));                                         // f id
            l.add(new MethodInsnNode(INVOKEVIRTUAL, FIBER, MASK_FOR, MASK_FOR_DESC, false)); // mask
            l.add(new VarInsnNode(ISTORE, mask));                                     // -
            l.add(start);
            return l;
        }
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
        return l;
    }

    // ---------------------------------------------------------------- yield points

    private void yieldPoint(ResumePoint p) {
        InsnList l = new InsnList();
        // --F.reductions > 0 as a call: the same code once inlined, in fewer bytes against the inlining limits.
        l.add(new VarInsnNode(ALOAD, fiber));                                         // f
        l.add(new MethodInsnNode(INVOKEVIRTUAL, FIBER, CHARGE, CHARGE_DESC, false));  // z
        l.add(new JumpInsnNode(IFNE, p.after));                                       // -
        if (p.index == 0) {
            // The entry: a rewind leaves reductions at zero (Fiber.beginSlice), so only here is status read.
            l.add(new VarInsnNode(ALOAD, fiber));                                     // f
            l.add(new FieldInsnNode(GETFIELD, FIBER, STATUS, "I"));                   // status
            l.add(Insns.iconst(REWINDING));                                           // status 2
            l.add(new JumpInsnNode(IF_ICMPEQ, rewinding));                            // -
        }
        l.add(new VarInsnNode(ALOAD, fiber));                                         // f
        loadCapturable(l);                                                            // f capturable
        l.add(new MethodInsnNode(INVOKEVIRTUAL, FIBER, BUDGET_EXHAUSTED, BUDGET_EXHAUSTED_DESC, false)); // z
        l.add(new JumpInsnNode(IFNE, p.capture));                                     // -
        place(p, l);
    }

    /** {@code -> capturable}: 1 when the method was entered capturable ({@code MASK} is -1), 0 when pinned. */
    private void loadCapturable(InsnList l) {
        l.add(new VarInsnNode(ILOAD, mask));                                          // mask
        l.add(new InsnNode(ICONST_1));                                                // mask 1
        l.add(new InsnNode(IAND));                                                    // capturable
    }

    /** Puts a yield point's check {@code l} at its place, followed by its AFTER label; it saves the whole stack. */
    private void place(ResumePoint p, InsnList l) {
        l.add(p.after);
        m.instructions.insert(p.at, l);
        p.below = p.frame.getStackSize();
        p.temps = 0;
    }

    /**
     * A loop header: the back-edge counts in {@code LOOP}, a register, on the fast path (one read of the fiber's
     * constant chunk, no write); when the chunk is full, the fiber is charged with it and says whether to yield.
     */
    private void loopYieldPoint(ResumePoint p) {
        InsnList l = new InsnList();
        l.add(new IincInsnNode(loop, 1));                                             // -
        l.add(new VarInsnNode(ILOAD, loop));                                          // n
        l.add(new VarInsnNode(ALOAD, fiber));                                         // n f
        l.add(new FieldInsnNode(GETFIELD, FIBER, LOOP_CHUNK, "I"));                   // n chunk
        l.add(new JumpInsnNode(IF_ICMPLT, p.after));                                  // -
        l.add(new VarInsnNode(ALOAD, fiber));                                         // f
        l.add(new VarInsnNode(ILOAD, loop));                                          // f n
        loadCapturable(l);                                                            // f n capturable
        l.add(new MethodInsnNode(INVOKEVIRTUAL, FIBER, LOOP_SPENT, LOOP_SPENT_DESC, false)); // z
        l.add(new InsnNode(ICONST_0));                                                // z 0
        l.add(new VarInsnNode(ISTORE, loop));                                         // z
        l.add(new JumpInsnNode(IFNE, p.capture));                                     // -
        place(p, l);
    }

    /**
     * Before each return of the method's own code: the fiber is charged with what the loops counted since the last
     * full chunk (nothing to do, and no write, when they did not run).
     */
    private void chargeLoopsOnReturn(AbstractInsnNode[] original) {
        for (AbstractInsnNode insn : original) {
            int op = insn.getOpcode();
            if (op >= IRETURN && op <= RETURN) {
                InsnList l = new InsnList();
                LabelNode none = new LabelNode();
                l.add(new VarInsnNode(ILOAD, loop));                                  // n
                l.add(new JumpInsnNode(IFEQ, none));                                  // -
                l.add(new VarInsnNode(ALOAD, fiber));                                 // f
                l.add(new VarInsnNode(ILOAD, loop));                                  // f n
                l.add(new MethodInsnNode(INVOKEVIRTUAL, FIBER, LOOP_EXIT, LOOP_EXIT_DESC, false)); // -
                l.add(none);
                m.instructions.insertBefore(insn, l);
            }
        }
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
        p.below = below;
        p.tempValues = values;
        p.tempSlots = slots;
        p.savedTemps = calleeRestoresItsArguments(p.kind, call) ? (hasReceiver ? 1 : 0) : spilled;

        InsnList before = new InsnList();
        for (int j = spilled - 1; j >= 0; j--) {                                      // [below] recv args
            before.add(new VarInsnNode(Insns.loadType(values[j]).getOpcode(ISTORE), slots[j]));
        }                                                                             // [below]
        before.add(p.resume);
        for (int j = 0; j < spilled; j++) {
            // No CHECKCAST: the rewind path restored the temps with the analysed types already.
            before.add(new VarInsnNode(Insns.loadType(values[j]).getOpcode(ILOAD), slots[j]));
        }                                                                             // [below] recv args
        String copyDesc = p.kind == CallSiteKinds.Kind.WOVEN ? copies.copyCalledBy(call) : null;
        if (copyDesc != null) {
            before.add(new VarInsnNode(ALOAD, fiber));                                // ... f
            before.add(new VarInsnNode(ILOAD, mask));                                 // ... f mask
            FiberPassingCopies.redirect(call, copyDesc);
        } else {
            storeHandshake(before, p.kind, ids.of(call.name, call.desc), slots);      // [below] recv args
        }
        m.instructions.insertBefore(call, before);

        InsnList after = new InsnList();                                              // [below] result
        after.add(new VarInsnNode(ALOAD, fiber));                                     // [below] result f
        after.add(new FieldInsnNode(GETFIELD, FIBER, STATUS, "I"));                   // [below] result status
        after.add(Insns.iconst(CAPTURING));                                           // [below] result status 1
        after.add(new JumpInsnNode(IF_ICMPEQ, p.capture));                            // [below] result
        m.instructions.insert(call, after);
    }

    /**
     * True when a callee that suspended at this site restores its arguments itself when it rewinds: a woven method
     * rewinding restores its own live locals, parameters among them, and reads nothing it is passed. So the capture
     * saves only the receiver (it picks the method and must not be null) and the rewind passes zeros, and the
     * arguments need not outlive the call. Not for a leaf: the runtime reads its arguments again when it resumes.
     * Not through an interface: the callee may be a lambda's proxy, unwoven, which would unbox a null on its way to
     * the woven body.
     */
    private static boolean calleeRestoresItsArguments(CallSiteKinds.Kind kind, MethodInsnNode call) {
        return kind == CallSiteKinds.Kind.WOVEN && call.getOpcode() != INVOKEINTERFACE;
    }

    /** {@code F.expect = id & MASK} (a functional call: 0 too unless the receiver is a woven lambda). */
    private void storeHandshake(InsnList before, CallSiteKinds.Kind kind, int id, int[] slots) {
        before.add(new VarInsnNode(ALOAD, fiber));                                    // ... f
        if (kind == CallSiteKinds.Kind.FUNCTIONAL) {
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
        before.add(new FieldInsnNode(PUTFIELD, FIBER, EXPECT, "I"));                  // ...
    }

    // ---------------------------------------------------------------- capture

    /**
     * CAPTURE_k for every point: the site's own part (pop the dummy, push the stack below the arguments, push the
     * temps), then the locals and the pc, shared by the points whose saved locals have the same slots and kinds.
     */
    private void captures() {
        Map<String, Group> saveGroups = new LinkedHashMap<>();
        Map<String, Group> restoreGroups = new LinkedHashMap<>();
        for (ResumePoint p : points) {
            p.saveGroup = saveGroups.computeIfAbsent(layout(p, false), k -> new Group(p));
            p.saveGroup.members.add(p);
            p.restoreGroup = restoreGroups.computeIfAbsent(layout(p, true), k -> new Group(p));
            p.restoreGroup.members.add(p);
        }
        for (ResumePoint p : points) {
            tail.add(p.capture);
            if (p.kind != null) {
                int resultSize = Type.getReturnType(((MethodInsnNode) p.at).desc).getSize();
                if (resultSize == 1) tail.add(new InsnNode(POP));
                else if (resultSize == 2) tail.add(new InsnNode(POP2));               // [below]
            }
            saveStack(p.frame, p.below);                                              // -
            for (int j = 0; j < p.savedTemps; j++) {
                saveLocal(p.tempValues[j], p.tempSlots[j]);
            }
            if (p.saveGroup.shared()) {
                tail.add(Insns.iconst(p.index));                                      // k
                tail.add(new VarInsnNode(ISTORE, pc));                                // -
                tail.add(new JumpInsnNode(GOTO, p.saveGroup.label));
            } else {
                saveLocals(p);
                tail.add(Insns.iconst(p.index));                                      // k
                closeFrame();
            }
        }
        for (Group g : saveGroups.values()) {
            if (!g.shared()) continue;
            tail.add(g.label);
            saveLocals(g.first);
            tail.add(new VarInsnNode(ILOAD, pc));                                     // k
            closeFrame();
        }
    }

    /**
     * Widens the locals points save so that more of them share one layout: a point may also save a local that is
     * dead there but surely holds a value of the same type as at the others (restoring it is harmless: surely, as
     * the rewind paths of other points restore only what they save), never one that is live and missing. Greedy, in
     * point order: a point joins the first layout it fits ({@link #mayWiden} says which points may save more).
     */
    private void shareLayouts(BitSet[] live) {
        int n = live.length;
        List<List<Integer>> best = new ArrayList<>();
        for (ResumePoint p : points) best.add(new ArrayList<>(p.saved)); // live locals only: always consistent
        BitSet[] kept = keptBy(best, n);
        for (int round = 0; round < 3; round++) {
            List<List<Integer>> widened = widen(Liveness.surelyDefined(m, userLocals, kept));
            BitSet[] keptWidened = keptBy(widened, n);
            BitSet[] check = Liveness.surelyDefined(m, userLocals, keptWidened);
            if (!holds(widened, check)) break;
            best = widened;
            kept = keptWidened;
        }
        for (int k = 0; k < points.size(); k++) {
            points.get(k).saved.clear();
            points.get(k).saved.addAll(best.get(k));
        }
    }

    /** What each point's rewind restores, by instruction. */
    private BitSet[] keptBy(List<List<Integer>> saved, int n) {
        BitSet[] kept = new BitSet[n];
        for (int k = 0; k < points.size(); k++) {
            int i = Math.max(0, points.get(k).insnIndex);
            BitSet b = new BitSet(userLocals);
            for (int slot : saved.get(k)) b.set(slot);
            if (kept[i] == null) kept[i] = b;
            else kept[i].and(b);
        }
        return kept;
    }

    /** True when every point saves only locals that surely hold a value there. */
    private boolean holds(List<List<Integer>> saved, BitSet[] defined) {
        for (int k = 1; k < points.size(); k++) {
            ResumePoint p = points.get(k);
            for (int slot : saved.get(k)) {
                if (!defined[p.insnIndex].get(slot)) return false;
            }
        }
        return true;
    }

    /** The widened layouts, given what surely holds a value before each instruction. */
    private List<List<Integer>> widen(BitSet[] defined) {
        List<Map<Integer, String>> layouts = new ArrayList<>(); // slot -> type saved by the group
        List<Map<Integer, String>> common = new ArrayList<>();  // slot -> type held by every member
        List<List<ResumePoint>> members = new ArrayList<>();
        for (ResumePoint p : points) {
            Map<Integer, String> held = new HashMap<>();
            for (int i = 0; i < userLocals; i++) {
                if (passedFiber >= 0 && (i == passedFiber || i == passedFiber + 1)) continue; // restored as passed
                BasicValue v = p.frame.getLocal(i);
                // Only a value that every path (rewinds included) brings here; the entry widens nothing.
                boolean sure = p.insnIndex < 0 ? p.saved.contains(i) : defined[p.insnIndex].get(i);
                if (Insns.isDefined(v) && sure) held.put(i, typeKey(v, true));
            }
            int joined = -1;
            for (int g = 0; g < layouts.size() && joined < 0; g++) {
                boolean widens = layouts.get(g).size() > p.saved.size();
                if ((!widens || mayWiden(p)) && fits(p.saved, held, common.get(g))
                        && held.entrySet().containsAll(layouts.get(g).entrySet())) {
                    joined = g;
                }
            }
            if (joined < 0) {
                joined = layouts.size();
                layouts.add(new TreeMap<>());
                common.add(held);
                members.add(new ArrayList<>());
            } else {
                common.get(joined).entrySet().retainAll(held.entrySet());
            }
            for (int i : p.saved) layouts.get(joined).put(i, held.get(i));
            members.get(joined).add(p);
        }
        List<List<Integer>> out = new ArrayList<>();
        for (ResumePoint p : points) out.add(null);
        for (int g = 0; g < layouts.size(); g++) {
            for (ResumePoint p : members.get(g)) {
                out.set(p.index, new ArrayList<>(layouts.get(g).keySet()));
            }
        }
        return out;
    }

    /**
     * Whether {@code p} may save dead locals to share a layout. A yield point may: it is captured only as the
     * innermost frame. A call site is captured in every frame below the one that suspends, each time, so it saves
     * what is live and no more, unless its method has so many resume points ({@value #WIDEN_CALLS_FROM}) that sharing
     * is what keeps it under the size limit ({@link CodeSizes#WOVEN_LIMIT}).
     */
    private boolean mayWiden(ResumePoint p) {
        return p.kind == null || points.size() >= WIDEN_CALLS_FROM;
    }

    /** True when every local live at a point is held, with the same type, by every member of a group. */
    private static boolean fits(List<Integer> live, Map<Integer, String> held, Map<Integer, String> common) {
        for (int i : live) {
            String t = common.get(i);
            if (t == null || !t.equals(held.get(i))) return false;
        }
        return true;
    }

    private static String typeKey(BasicValue v, boolean exact) {
        if (HierarchyVerifier.isNull(v)) return "null";
        return exact ? v.getType().getDescriptor() : Insns.loadType(v).getDescriptor();
    }

    /**
     * The layout of the locals a point saves: their slots and how they are pushed (for saving), or their slots and
     * analysed types (for restoring, which casts to them).
     */
    private static String layout(ResumePoint p, boolean exactTypes) {
        StringBuilder b = new StringBuilder();
        for (int i : p.saved) {
            b.append(i).append(':').append(typeKey(p.frame.getLocal(i), exactTypes)).append(';');
        }
        return b.toString();
    }

    // ---------------------------------------------------------------- rewind dispatch

    /**
     * REWIND: {@code switch (pc = F.popPc())} to the restore block of the point's layout, which pops the locals and,
     * when points share it, switches on {@code pc} again to the point's own part (pop the temps, pop the stack,
     * continue at the call or after the yield check).
     */
    private void dispatch() {
        // The entry's yield point jumps here (REWIND) when status is REWINDING.
        LabelNode corrupt = new LabelNode();
        LabelNode[] cases = new LabelNode[points.size()];
        for (int k = 0; k < cases.length; k++) {
            ResumePoint p = points.get(k);
            cases[k] = p.restoreGroup.shared() ? p.restoreGroup.label : p.rewind;
        }
        InsnList d = new InsnList();
        d.add(new InsnNode(ICONST_M1));                                               // -1
        d.add(new VarInsnNode(ISTORE, mask));                                         // -
        d.add(new VarInsnNode(ALOAD, fiber));                                         // f
        d.add(new MethodInsnNode(INVOKEVIRTUAL, FIBER, POP_PC, "()I", false));        // k
        Group first = points.get(0).restoreGroup;
        if (first.shared() && first.members.size() == points.size()) {
            // One layout for every point: its restore block's own switch finds the point (or the corruption).
            d.add(new VarInsnNode(ISTORE, pc));                                       // -
            d.add(new JumpInsnNode(GOTO, cases[0]));
        } else {
            d.add(new InsnNode(DUP));                                                 // k k
            d.add(new VarInsnNode(ISTORE, pc));                                       // k
            d.add(new TableSwitchInsnNode(0, cases.length - 1, corrupt, cases));      // -
        }
        d.add(corrupt);
        d.add(new TypeInsnNode(NEW, ILLEGAL_STATE));                                  // e
        d.add(new InsnNode(DUP));                                                     // e e
        d.add(new LdcInsnNode("jbeam: corrupt frame store, no resume point with that pc in " + m.name + m.desc));
        d.add(new MethodInsnNode(INVOKESPECIAL, ILLEGAL_STATE, CTOR, STRING_CTOR_DESC, false)); // e
        d.add(new InsnNode(ATHROW));
        Set<Group> done = new HashSet<>();
        for (ResumePoint p : points) {
            Group g = p.restoreGroup;
            if (!g.shared() || !done.add(g)) continue;
            d.add(g.label);
            restoreLocals(g.first, d);
            d.add(new VarInsnNode(ILOAD, pc));                                        // k
            d.add(pcSwitch(g, corrupt));                                              // -
        }
        for (ResumePoint p : points) {
            d.add(p.rewind);
            if (!p.restoreGroup.shared()) restoreLocals(p, d);
            for (int j = p.tempValues.length - 1; j >= p.savedTemps; j--) {
                Type t = Insns.loadType(p.tempValues[j]);
                Insns.pushZero(d, t);                                                 // 0
                d.add(new VarInsnNode(t.getOpcode(ISTORE), p.tempSlots[j]));          // -
            }
            for (int j = p.savedTemps - 1; j >= 0; j--) {
                restoreLocal(p.tempValues[j], p.tempSlots[j], d);
            }
            restoreStack(p.frame, p.below, d);                                        // [below]
            if (p.kind == null) {
                d.add(new VarInsnNode(ALOAD, fiber));                                 // [stack] f
                d.add(new MethodInsnNode(INVOKEVIRTUAL, FIBER, RESUMED_AT_YIELD_POINT, VOID_DESC, false));
                d.add(new JumpInsnNode(GOTO, p.after));
            } else {
                d.add(new JumpInsnNode(GOTO, p.resume));
            }
        }
        // REWIND and the dispatch go first in the tail, before the captures.
        d.insert(rewinding);
        tail.insert(d);
    }

    /** A switch on the pc to the own part of each member of {@code g}: a table or a lookup, whichever is smaller. */
    private static AbstractInsnNode pcSwitch(Group g, LabelNode corrupt) {
        int n = g.members.size();
        int min = g.members.get(0).index;
        int max = g.members.get(n - 1).index;
        int[] keys = new int[n];
        LabelNode[] labels = new LabelNode[n];
        for (int j = 0; j < n; j++) {
            keys[j] = g.members.get(j).index;
            labels[j] = g.members.get(j).rewind;
        }
        long table = 12L + 4L * (max - min + 1);
        long lookup = 8L + 8L * n;
        if (table > lookup) return new LookupSwitchInsnNode(corrupt, keys, labels);
        LabelNode[] range = new LabelNode[max - min + 1];
        java.util.Arrays.fill(range, corrupt);
        for (int j = 0; j < n; j++) range[keys[j] - min] = labels[j];
        return new TableSwitchInsnNode(min, max, corrupt, range);
    }

    // ---------------------------------------------------------------- saving and restoring

    /** Pushes the top {@code count} stack values, top first: {@code [stack] -> [stack minus count]}. */
    private void saveStack(Frame<BasicValue> fr, int count) {
        for (int j = count - 1; j >= 0; j--) {
            Insns.pushValue(tail, fr.getStack(j), fiber);
        }
    }

    /** Pops the values {@link #saveStack} pushed, bottom first: {@code -> [stack]}. */
    private void restoreStack(Frame<BasicValue> fr, int count, InsnList l) {
        for (int j = 0; j < count; j++) {
            Insns.popValue(l, fr.getStack(j), fiber);
        }
    }

    /** Pushes the locals the point saves, lowest slot first. */
    private void saveLocals(ResumePoint p) {
        for (int i : p.saved) {
            saveLocal(p.frame.getLocal(i), i);
        }
    }

    /** Pops what {@link #saveLocals} pushed, highest slot first. */
    private void restoreLocals(ResumePoint p, InsnList l) {
        for (int j = p.saved.size() - 1; j >= 0; j--) {
            int i = p.saved.get(j);
            restoreLocal(p.frame.getLocal(i), i, l);
        }
    }

    private void saveLocal(BasicValue v, int slot) {
        if (!Insns.isDefined(v) || HierarchyVerifier.isNull(v)) return;
        tail.add(new VarInsnNode(Insns.loadType(v).getOpcode(ILOAD), slot));          // v
        Insns.pushValue(tail, v, fiber);                                              // -
    }

    private void restoreLocal(BasicValue v, int slot, InsnList l) {
        if (!Insns.isDefined(v)) return;
        Insns.popValue(l, v, fiber);                                                  // v
        l.add(new VarInsnNode(Insns.loadType(v).getOpcode(ISTORE), slot));            // -
    }

    /** {@code k -> }: {@code pushPc(k); return dummy}. */
    private void closeFrame() {
        tail.add(new VarInsnNode(ALOAD, fiber));                                      // k f
        tail.add(new MethodInsnNode(INVOKESTATIC, FIBER, PUSH_PC, PUSH_PC_DESC, false)); // -
        Insns.returnDummy(tail, Type.getReturnType(m.desc));
    }
}
