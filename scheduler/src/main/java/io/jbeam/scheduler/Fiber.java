package io.jbeam.scheduler;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * The execution context of one process: the state woven code reads on every call, and the store its frames are
 * saved into when the process suspends.
 *
 * <h2>The contract with woven code</h2>
 * The weaver (module {@code vm-agent}) emits code that touches only the members marked "woven code" below. They are
 * public because woven classes live in other packages and class loaders; nothing else may touch them.
 *
 * <ul>
 *   <li>{@link #current()} at the entry of every woven method that can suspend.</li>
 *   <li>{@link #status}: {@link #RUNNING} on the fast path. After a call returns, {@link #CAPTURING} means the callee
 *       suspended: the caller saves its frame and returns too. At entry, {@link #REWINDING} means the process is
 *       resuming: the method restores its frame and jumps to the call site it left from. Woven code reads it at entry
 *       only once {@link #reductions} is spent: a rewind holds the slice's budget aside and leaves
 *       {@link #reductions} at zero (see {@link #beginSlice}), so the fast path of an entry is one decrement.</li>
 *   <li>{@link #expect}: the call handshake. A capturable caller stores the id ({@link MethodIds}) of the method it
 *       is about to call; a woven callee compares it with its own id at entry. A mismatch means a frame that cannot
 *       be captured (JDK, reflection, a constructor, a held monitor) lies between the two, so the callee runs pinned:
 *       it never suspends, and stores 0 before its own calls so that everything below it is pinned too. A class
 *       loaded unwoven below a woven type clears it at the entry of its methods ({@link #enterUnwoven}).</li>
 *   <li>{@link #reductions}: decremented at method entry ({@link #charge}); at zero, the slice goes on with the
 *       budget the scheduler granted ahead ({@link #grant}), or the method calls {@link #budgetExhausted}. Loop
 *       back-edges count in a local instead (a register, not a read-modify-write of this field on every iteration):
 *       when the local reaches {@link #loopChunk}, {@link #loopSpent} charges it; a normal return charges what is
 *       left ({@link #loopExit}).</li>
 *   <li>{@code push*}/{@code pop*}: the frame store. Unwinding pushes the innermost frame first and each frame pushes
 *       its values then its pc, so rewinding pops the outermost frame's pc first and each frame pops its values in
 *       reverse.</li>
 * </ul>
 *
 * <pre>
 *   unwind (callee returned with status CAPTURING)     rewind (status REWINDING at entry)
 *   ----------------------------------------------     -----------------------------------
 *   pop the dummy result                               pc = popPc()  ── tableswitch ──┐
 *   push operand stack below the args (top first)      pop locals (last first)        │
 *   push locals (first first)                          pop operand stack (bottom first)│
 *   pushPc(site)                                       reload receiver and args        │
 *   return a dummy value                               store expect, invoke  &lt;────────┘
 * </pre>
 *
 * <h2>Granted renewal</h2>
 * A process alone on its scheduler would be picked again at once if it were scheduled out, so when its budget runs
 * out it goes on with a fresh one. Asking the scheduler whether it is still alone takes calls, and a call on a path
 * that rejoins the fast path, even one taken once a slice, makes C2 compile every woven method worse (it keeps the
 * path's state alive across the fast path; never taken, the path would be an uncommon trap and cost nothing). So the
 * scheduler grants the renewal ahead: while nothing else could run there, {@link #grant} holds the budget the slice
 * may renew itself with, and {@link #charge} and {@link #loopSpent} renew inline, without a call. Whatever would
 * make the process give way withdraws the grant first (a process queued or made runnext on its scheduler, a timer
 * armed there, a signal sent to it, its carrier losing the scheduler): its next exhausted budget then takes the slow
 * path, {@link #budgetExhausted}, as without a grant.
 *
 * <p>Memory ordering: every field here is plain but {@link #grant}. A fiber is touched only by the thread running its
 * process, and a process changes threads only through a run queue, whose lock (or the handoff in
 * {@code ProcessControlBlock}) gives the happens-before edge from one slice to the next. {@link #grant} is volatile:
 * other threads withdraw it. The owner offers it (a volatile write) before it checks that nothing else could run, and
 * a withdrawer makes its work visible (a volatile write) before it withdraws, so (as in Dekker's algorithm) either the
 * owner's check sees the work or the withdrawal comes after the offer. The owner's own withdrawals need no fence.
 */
public final class Fiber {
    /** {@link #status}: running normally. */
    public static final int RUNNING = 0;
    /** {@link #status}: the innermost frame suspended; every woven frame saves itself and returns. */
    public static final int CAPTURING = 1;
    /** {@link #status}: resuming; every woven frame restores itself and re-enters its callee. */
    public static final int REWINDING = 2;

    private static final int INITIAL_SLOTS = 8;
    private static final int INITIAL_PCS = 4;
    private static final Object[] NO_REFS = {};
    private static final long[] NO_PRIMS = {};
    private static final int[] NO_PCS = {};
    private static final VarHandle GRANT;

    static {
        try {
            GRANT = MethodHandles.lookup().findVarHandle(Fiber.class, "grant", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Woven code: {@link #RUNNING}, {@link #CAPTURING} or {@link #REWINDING}. Plain. */
    public int status;
    /** Woven code: the id of the method a capturable caller is about to call, or 0. Plain. */
    public int expect;
    /**
     * Woven code: reductions left in this slice; zero or less while {@link #REWINDING}, whatever the slice's budget
     * (which {@link #sliceAfterRewind} holds meanwhile). Plain.
     */
    public int reductions;
    /**
     * Woven code: how many back-edges a loop counts in its local before charging them to {@link #reductions}. 1
     * under chaos, so that every back-edge is a chance to yield. Final.
     */
    public final int loopChunk;

    /** Why the process last suspended (one of {@link SuspendReason}); read by the scheduler after unwinding. */
    private SuspendReason suspendReason = SuspendReason.NONE;
    /** The process this fiber runs, or null for a fiber that only backs a plain thread. */
    private final Object owner;
    /** True for the fiber of a plain Java thread: it never suspends; blocking blocks the thread. */
    private final boolean threadBound;
    private final BudgetPolicy budget;
    /** The budget of the slice being rewound into, given to {@link #reductions} when the rewind ends. */
    private int sliceAfterRewind;
    /**
     * The budget the slice started with, or was last renewed with ({@link #renewSlice}) or settled at
     * ({@link #settleSpent}), plus what it renewed itself with since ({@link #grant}): what it has spent is this less
     * {@link #reductions}. A long: renewing in place, a slice may run for ever.
     */
    private long sliceBudget;
    /** {@link #sliceBudget} when the slice began or was last settled: what it renewed itself with since is the rest. */
    private long sliceBase;
    /**
     * Volatile. Positive: the budget the slice renews itself with when its budget runs out, granted by the scheduler
     * ahead while nothing else could run there ({@code SchedulerData.offerGrant}). 0: no grant; the budget's end takes
     * the slow path. Negative: granted, but held back while the slice rewinds (a rewind leaves {@link #reductions} at
     * zero to reach each frame's slow path); {@link #endRewind} releases it with a compare-and-set, so that a
     * withdrawal meanwhile is not lost. The owner offers it with a volatile write and drops it without a fence
     * ({@link #dropGrant}); any other thread withdraws it with a volatile write ({@link #withdrawGrant}).
     */
    private volatile int grant;
    /** Plain, owner: renewals in place settled and not yet taken by the scheduler's statistics. */
    private int renewalsInPlace;

    /** The frame store: empty shared arrays until the first suspension, so that the pushes need no null check. */
    private Object[] refs = NO_REFS;
    private int refTop;
    private long[] prims = NO_PRIMS;
    private int primTop;
    private int[] pcs = NO_PCS;
    private int pcTop;

    /** Statistics, plain: suspensions captured and pinned exhaustions seen (read racily by observers). */
    private long suspensions;
    private long pinnedPreemptions;

    public Fiber(Object owner, boolean threadBound, BudgetPolicy budget) {
        this.owner = owner;
        this.threadBound = threadBound;
        this.budget = budget;
        this.reductions = budget.nextSlice();
        this.loopChunk = budget.loopChunk();
        if (threadBound) {
            // A plain thread never suspends: its budget only ever renews, so it is granted for good.
            offerGrant(budget.nextSlice());
        }
    }

    /**
     * Woven code: the fiber of the running process, or of the plain thread calling. Never null.
     * On a scheduler thread this is two loads; on the plain thread that last resumed a coroutine, three; elsewhere a
     * thread-local lookup.
     */
    public static Fiber current() {
        Thread t = Thread.currentThread();
        if (t instanceof CarrierThread) {
            return ((CarrierThread) t).fiber;
        }
        return ThreadFibers.current(t);
    }

    /**
     * Called at the entry of each instance method of a class loaded unwoven that extends or implements a woven type
     * (the weaver's {@code UnwovenSubtypeGuard}): clears the handshake, so that woven code this method calls with the
     * same name and descriptor as its own does not take its woven caller's handshake for its own and suspend under a
     * frame that cannot be captured. Such code runs pinned.
     */
    public static void enterUnwoven() {
        current().expect = 0;
    }

    // ---------------------------------------------------------------- reductions

    /**
     * Woven code: called when {@link #reductions} reached zero at a yield point and no renewal was granted. Returns
     * true when the caller must suspend now (status is then {@link #CAPTURING}); false when it must go on with a fresh
     * budget: a plain thread, a pinned frame, or a process that nothing else is waiting for
     * ({@link ProcessControlBlock#renewSliceAlone}).
     * Being scheduled out and picked again at once is what BEAM does to a process alone on its scheduler; going on
     * with a fresh slice looks the same from outside, and costs no unwind and rewind. Chaos always suspends.
     */
    public boolean budgetExhausted(boolean capturable) {
        if (!capturable || threadBound) {
            if (!threadBound) {
                pinnedPreemptions++;
                if (owner instanceof ProcessControlBlock && ((ProcessControlBlock) owner).mailbox.signalsPending()) {
                    // pinned: its only chance to act on a kill before it blocks or ends
                    SignalQueue.drainOrDie((ProcessControlBlock) owner);
                }
            }
            reductions = budget.nextSlice();
            return false;
        }
        if (!budget.suspendsWhenAlone() && owner instanceof ProcessControlBlock
                && ((ProcessControlBlock) owner).renewSliceAlone()) {
            return false;
        }
        suspend(SuspendReason.PREEMPTED);
        return true;
    }

    /**
     * Woven code: charges the reduction of a method's entry; when that spends the budget, renews it from the
     * {@link #grant} if there is one. False when the slice is spent and nothing was granted, or a rewind is under way
     * ({@link #beginSlice}): the caller then takes its slow path. C2 inlines it wherever the entry is warm; the
     * renewal is inline too, so a process alone never calls out of a woven method to go on.
     */
    public boolean charge() {
        int r = --reductions;
        if (r > 0) {
            return true;
        }
        int g = grant;
        if (g <= 0) {
            return false;
        }
        reductions = r + g;
        sliceBudget += g;
        return true;
    }

    /**
     * Woven code: the mask of a method whose handshake id is {@code id}, at its entry: -1 when its caller expects it
     * (it may suspend), 0 when something that cannot be captured called it (it runs pinned).
     */
    public int maskFor(int id) {
        return expect == id ? -1 : 0;
    }

    /**
     * Woven code: a loop's local count of back-edges reached {@link #loopChunk}. Charges them; returns true when the
     * caller must suspend now (as {@link #budgetExhausted}).
     */
    public boolean loopSpent(int backEdges, boolean capturable) {
        int r = reductions - backEdges;
        reductions = r;
        if (r > 0) {
            return false;
        }
        int g = grant;
        if (g > 0) {
            reductions = r + g; // what the loop overspent comes off the fresh budget
            sliceBudget += g;
            return false;
        }
        return budgetExhausted(capturable);
    }

    /** Woven code: a method whose loops ran returns normally, with {@code backEdges} counted and not yet charged. */
    public void loopExit(int backEdges) {
        reductions -= backEdges;
    }

    /**
     * Starts a slice of {@code sliceReductions}: {@link #REWINDING} when frames are saved, else {@link #RUNNING}. A
     * rewind leaves {@link #reductions} at zero until it ends, so that the entry of each woven method it re-enters
     * takes its slow path, where status is read; the entries it passes through charge nothing.
     */
    public void beginSlice(int sliceReductions) {
        sliceBudget = sliceBase = sliceReductions;
        dropGrant(); // a grant left from the last slice: a rewind must not renew past its frames
        if (hasSavedFrames()) {
            status = REWINDING;
            sliceAfterRewind = sliceReductions;
            reductions = 0;
        } else {
            status = RUNNING;
            reductions = sliceReductions;
        }
    }

    /** A fresh budget from this fiber's policy (the configured slice, or a random one under chaos). */
    public int nextSlice() {
        return budget.nextSlice();
    }

    /**
     * Reductions spent since the slice began or was last settled (loops may overspend a budget by a chunk). Read
     * racily by observers of a running process.
     */
    long sliceSpent() {
        return Math.max(0, sliceBudget - reductions);
    }

    /**
     * Owner: returns what the slice spent since it began or was last settled, and counts it as settled
     * ({@link #sliceSpent} reads 0 right after); the renewals in place among it are kept for
     * {@link #takeRenewalsInPlace}.
     */
    long settleSpent() {
        long spent = sliceSpent();
        long renewed = sliceBudget - sliceBase;
        if (renewed > 0) {
            renewalsInPlace += (int) (renewed / budget.nextSlice()); // a policy that grants has a fixed slice
        }
        sliceBudget = sliceBase = reductions;
        return spent;
    }

    /** The slice goes on with a fresh budget instead of suspending; returns what the spent one used. */
    long renewSlice() {
        long spent = settleSpent();
        sliceBudget = sliceBase = reductions = budget.nextSlice();
        return spent;
    }

    /** Owner: how many times slices renewed themselves from the grant, settled since this was last called. */
    int takeRenewalsInPlace() {
        int n = renewalsInPlace;
        renewalsInPlace = 0;
        return n;
    }

    /**
     * The budget a scheduler may grant this fiber's slices to renew themselves with: 0 when its policy always
     * suspends (chaos), or it backs a plain thread (granted for good when made).
     */
    int grantable() {
        return threadBound || budget.suspendsWhenAlone() ? 0 : budget.nextSlice();
    }

    /**
     * Owner, at a slice's start or from inside it: grants renewals of {@code g}, held back while rewinding. A volatile
     * write, which orders it before the checks that follow it in {@code SchedulerData.offerGrant}.
     */
    void offerGrant(int g) {
        grant = status == REWINDING ? -g : g;
    }

    /** Any thread: the slice must not renew itself any more; its next spent budget asks its scheduler. */
    void withdrawGrant() {
        if (grant != 0) {
            grant = 0;
        }
    }

    /**
     * The thread running this fiber: as {@link #withdrawGrant}, without the fence of a volatile write. Only this
     * thread reads the grant to renew, and it sees its own writes in order; a withdrawal by another thread writes the
     * same 0.
     */
    void dropGrant() {
        if ((int) GRANT.getOpaque(this) != 0) {
            GRANT.setOpaque(this, 0);
        }
    }

    /** True while a renewal is granted (positive) or held back for the rewind (negative). */
    boolean hasGrant() {
        return grant != 0;
    }

    // ---------------------------------------------------------------- suspension, for runtime leaves

    /** Begins unwinding: the caller (a runtime leaf) returns a dummy value right after this. */
    public void suspend(SuspendReason reason) {
        suspendReason = reason;
        status = CAPTURING;
        suspensions++;
    }

    /**
     * Called by the innermost frame reached while rewinding: the process runs normally from here, with the slice's
     * budget.
     */
    public void endRewind() {
        status = RUNNING;
        reductions = sliceAfterRewind;
        int held = grant;
        if (held < 0) {
            GRANT.compareAndSet(this, held, -held); // fails if withdrawn meanwhile, and stays withdrawn
        }
    }

    /** Woven code: the resumed innermost frame was a yield point. Same as {@link #endRewind()}. */
    public void resumedAtYieldPoint() {
        endRewind();
    }

    /** After the root returned: why the process suspended, clearing it. */
    public SuspendReason takeSuspendReason() {
        SuspendReason r = suspendReason;
        suspendReason = SuspendReason.NONE;
        return r;
    }

    public boolean hasSavedFrames() {
        return pcTop > 0;
    }

    /** Drops every saved frame (the process is dead). */
    public void discardFrames() {
        Arrays.fill(refs, 0, refTop, null);
        refTop = 0;
        primTop = 0;
        pcTop = 0;
        status = RUNNING;
    }

    public Object owner() {
        return owner;
    }

    public boolean isThreadBound() {
        return threadBound;
    }

    public long suspensions() {
        return suspensions;
    }

    public long pinnedPreemptions() {
        return pinnedPreemptions;
    }

    /** Saved frames, slots and pcs: for process_info and for the memory benchmark. */
    public int savedFrameCount() {
        return pcTop;
    }

    /** Bytes held by the frame store's arrays (shallow: references count 4 bytes each). */
    public long frameStoreBytes() {
        long n = 0;
        if (refs != NO_REFS) n += 16 + 4L * refs.length;
        if (prims != NO_PRIMS) n += 16 + 8L * prims.length;
        if (pcs != NO_PCS) n += 16 + 4L * pcs.length;
        return n;
    }

    // ---------------------------------------------------------------- frame store: push (woven code)
    // Static so that the value is already on the operand stack when the fiber is loaded: "xLOAD v; ALOAD f;
    // INVOKESTATIC pushX" works for one- and two-slot values alike.

    public static void pushInt(int v, Fiber f) {
        f.pushPrim(v);
    }

    public static void pushFloat(float v, Fiber f) {
        f.pushPrim(Float.floatToRawIntBits(v));
    }

    public static void pushLong(long v, Fiber f) {
        f.pushPrim(v);
    }

    public static void pushDouble(double v, Fiber f) {
        f.pushPrim(Double.doubleToRawLongBits(v));
    }

    public static void pushRef(Object v, Fiber f) {
        int t = f.refTop;
        Object[] a = f.refs;
        if (t == a.length) a = f.growRefs();
        a[t] = v;
        f.refTop = t + 1;
    }

    /** Closes a frame: the pc of the call site or yield point it left from. */
    public static void pushPc(int pc, Fiber f) {
        int t = f.pcTop;
        int[] a = f.pcs;
        if (t == a.length) a = f.growPcs();
        a[t] = pc;
        f.pcTop = t + 1;
    }

    private void pushPrim(long v) {
        int t = primTop;
        if (t == prims.length) growPrims();
        prims[t] = v;
        primTop = t + 1;
    }

    // The growth paths are out of line so that each push above stays under the size (35 bytes) up to which even the
    // first-tier compiler inlines a call: in every tier a push is then a few instructions in the woven method itself.

    private Object[] growRefs() {
        return refs = Arrays.copyOf(refs, Math.max(INITIAL_SLOTS, refs.length * 2));
    }

    private long[] growPrims() {
        return prims = Arrays.copyOf(prims, Math.max(INITIAL_SLOTS, prims.length * 2));
    }

    private int[] growPcs() {
        return pcs = Arrays.copyOf(pcs, Math.max(INITIAL_PCS, pcs.length * 2));
    }

    // ---------------------------------------------------------------- frame store: pop (woven code)

    public int popPc() {
        int t = pcTop;
        if (t == 0) {
            throw emptyStore();
        }
        pcTop = t - 1;
        return pcs[t - 1];
    }

    public int popInt() {
        return (int) prims[--primTop];
    }

    public float popFloat() {
        return Float.intBitsToFloat((int) prims[--primTop]);
    }

    public long popLong() {
        return prims[--primTop];
    }

    public double popDouble() {
        return Double.longBitsToDouble(prims[--primTop]);
    }

    public Object popRef() {
        Object[] a = refs;
        int i = --refTop;
        Object v = a[i];
        a[i] = null; // do not keep garbage reachable from an idle process
        return v;
    }

    private IllegalStateException emptyStore() {
        return new IllegalStateException("jbeam: frame store is empty while rewinding (a woven frame was entered "
                + "that did not suspend); " + describeOwner());
    }

    private String describeOwner() {
        return owner == null ? "plain thread " + Thread.currentThread().getName() : String.valueOf(owner);
    }

    @Override
    public String toString() {
        return "Fiber[" + describeOwner() + ", status=" + status + ", frames=" + pcTop + "]";
    }
}
