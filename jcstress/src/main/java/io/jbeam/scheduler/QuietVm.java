package io.jbeam.scheduler;

import io.jbeam.term.Pid;
import io.jbeam.term.Ref;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A VM whose schedulers never start: the tests drive the runtime's own classes from jcstress actor threads, and a
 * process made runnable lands on a run queue that nobody runs, where an arbiter can count it.
 *
 * <p>{@link #VM} is installed as the running VM of the test JVM (the JVM runs nothing else), so that the real
 * {@code Processes.send}, {@code SignalQueue.deliver} and {@code Schedulers.exit} find their processes in its table.
 * Processes made here are RUNNING from the start (a process running its slice on some carrier, as far as the
 * protocols can tell) and must be {@linkplain #forget forgotten} by the test's arbiter, so that the table stays
 * small however many states a run makes.
 *
 * <p>{@link #homeWithoutTimers} makes a per-state scheduler with its own run queue and no timer wheel (a wheel is
 * 64 KiB, too much per jcstress state): a wake-up that goes through the real {@code makeRunnable} path is queued
 * there and counted by the arbiter. Only paths that never touch the wheel may use it.
 */
final class QuietVm {
    /** The installed VM; a single scheduler, never started. */
    static final Schedulers VM = install();

    private static final Runnable NOTHING = () -> { };
    private static final Field RUN_QUEUE;
    private static final Field ALL;
    private static final Field INBOUND;
    private static final Field TIMERS;
    private static final Field TIMERS_OF_SCHEDULER;
    private static final Object UNSAFE;
    private static final Method ALLOCATE_INSTANCE;
    private static final VarHandle OWNER;
    private static final VarHandle GRANTED;

    static {
        try {
            RUN_QUEUE = SchedulerData.class.getDeclaredField("runQueue");
            RUN_QUEUE.setAccessible(true);
            ALL = SchedulerData.class.getDeclaredField("all");
            ALL.setAccessible(true);
            INBOUND = Mailbox.class.getDeclaredField("inbound");
            INBOUND.setAccessible(true);
            TIMERS = ErlangTimers.class.getDeclaredField("timers");
            TIMERS.setAccessible(true);
            TIMERS_OF_SCHEDULER = SchedulerData.class.getDeclaredField("timers");
            TIMERS_OF_SCHEDULER.setAccessible(true);
            Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
            Field theUnsafe = unsafeClass.getDeclaredField("theUnsafe");
            theUnsafe.setAccessible(true);
            UNSAFE = theUnsafe.get(null);
            ALLOCATE_INSTANCE = unsafeClass.getMethod("allocateInstance", Class.class);
            MethodHandles.Lookup scheduler = MethodHandles.privateLookupIn(SchedulerData.class, MethodHandles.lookup());
            OWNER = scheduler.findVarHandle(SchedulerData.class, "owner", Thread.class);
            GRANTED = scheduler.findVarHandle(SchedulerData.class, "granted", Fiber.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private QuietVm() {
    }

    private static Schedulers install() {
        synchronized (Schedulers.class) {
            try {
                Field instance = Schedulers.class.getDeclaredField("instance");
                instance.setAccessible(true);
                Schedulers running = (Schedulers) instance.get(null);
                if (running != null) {
                    return running;
                }
                Constructor<Schedulers> c = Schedulers.class.getDeclaredConstructor(VmConfig.class);
                c.setAccessible(true);
                Schedulers vm = c.newInstance(VmConfig.builder().schedulers(1).build());
                instance.set(null, vm);
                return vm;
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }

    /** A live process (registered, RUNNING) whose body does nothing; its home is {@code home} (null: none yet). */
    static ProcessControlBlock process(SchedulerData home) {
        Pid pid = Pid.local(VM.table.allocate());
        ProcessControlBlock p = new ProcessControlBlock(pid, NOTHING, BudgetPolicy.fixed(10), Priority.NORMAL);
        p.home = home;
        p.setState(ProcessControlBlock.RUNNING);
        VM.table.register(p);
        return p;
    }

    /** A process that never registers (nobody can look it up): for the protocols that do not need a pid. */
    static ProcessControlBlock unregistered(SchedulerData home) {
        ProcessControlBlock p = new ProcessControlBlock(Pid.local(0), NOTHING, BudgetPolicy.fixed(10),
                Priority.NORMAL);
        p.home = home;
        p.setState(ProcessControlBlock.RUNNING);
        return p;
    }

    /** Drops a process from the table (arbiter), whether or not it exited through the real exit path. */
    static void forget(ProcessControlBlock p) {
        VM.table.remove(p);
    }

    /** A scheduler with its own, empty run queue and no timer wheel, owned by no thread. */
    static SchedulerData homeWithoutTimers() {
        try {
            SchedulerData s = (SchedulerData) ALLOCATE_INSTANCE.invoke(UNSAFE, SchedulerData.class);
            RUN_QUEUE.set(s, new RunQueue());
            ALL.set(s, VM);
            return s;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A scheduler with its own, empty run queue, owned by no thread yet ({@link #own}), whose timer wheel is the
     * installed VM's: shared by every state, and never armed by the tests that use it (they only read that it is
     * empty, as {@code offerGrant} does).
     */
    static SchedulerData homeWithIdleWheel() {
        SchedulerData s = homeWithoutTimers();
        try {
            TIMERS_OF_SCHEDULER.set(s, VM.homeForSpawn().timers);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        return s;
    }

    /** The calling actor becomes {@code home}'s owner, as a carrier running its loop is. */
    static void own(SchedulerData home) {
        OWNER.setVolatile(home, Thread.currentThread());
    }

    /**
     * Actor of the deliberately broken model: the offer of {@code SchedulerData.offerGrant}, with a check of the run
     * queue before it and none after.
     */
    static void offerGrantWithoutRecheck(SchedulerData home, ProcessControlBlock p) {
        if (home.runQueue.length() == 0) {
            Fiber f = p.fiber();
            GRANTED.setVolatile(home, f);
            f.offerGrant(f.grantable());
        }
    }

    /**
     * Arbiter: 1 when {@code home} offered {@code p} a grant at some point (withdrawn since or not), else 0. The
     * state's own scheduler offers nothing else, so its granted fiber says.
     */
    static int wasOffered(SchedulerData home, ProcessControlBlock p) {
        return GRANTED.get(home) == p.fiber() ? 1 : 0;
    }

    /** Takes everything queued on {@code home}'s run queue; returns how many times {@code p} was among it. */
    static int timesQueued(SchedulerData home, ProcessControlBlock p) {
        int n = 0;
        for (ProcessControlBlock q; (q = home.runQueue.poll()) != null; ) {
            if (q == p) n++;
        }
        return n;
    }

    /** The mark of a closed inbound stack is its only node that is neither a message nor a signal. */
    private static boolean isClosedMark(MessageNode n) {
        return n.message == null && !(n instanceof SignalNode);
    }

    /**
     * The entries of {@code box}'s inbound stack, oldest first, left where they are (arbiter: the race is over, so a
     * plain read of the stack is exact). Signals stay signals here, where a drain would act on them.
     */
    static List<MessageNode> inbound(Mailbox box) {
        List<MessageNode> out = new ArrayList<>();
        try {
            for (MessageNode n = (MessageNode) INBOUND.get(box); n != null && !isClosedMark(n); n = n.next) {
                out.add(0, n);
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** Any thread: copies of {@code message} in {@code box}'s inbound stack (a volatile read of the top, no drain). */
    static int count(Mailbox box, Object message) {
        int n = 0;
        try {
            for (MessageNode m = (MessageNode) INBOUND.get(box); m != null && !isClosedMark(m); m = m.next) {
                if (m.message == message) n++;
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        return n;
    }

    /** The action the wheel runs when the {@code send_after} timer {@code ref} expires. */
    static Runnable timerExpiry(Ref ref) {
        try {
            Object timer = timers().get(ref);
            Field wheelTimer = timer.getClass().getDeclaredField("wheelTimer");
            wheelTimer.setAccessible(true);
            return ((ProcessTimer) wheelTimer.get(timer)).action;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True while {@code ErlangTimers} still holds the timer {@code ref}. */
    static boolean timerRegistered(Ref ref) {
        return timers().containsKey(ref);
    }

    @SuppressWarnings("unchecked")
    private static Map<Ref, ?> timers() {
        try {
            return (Map<Ref, ?>) TIMERS.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Applies the arm and cancel requests that threads other than the (absent) owner left on the VM's timer wheel,
     * so that they do not pile up over a run. Arbiters only; they take turns, as a wheel has one owner at a time.
     */
    static void settleTimerRequests() {
        SchedulerData s = VM.homeForSpawn();
        synchronized (QuietVm.class) {
            s.timers.poll(System.nanoTime());
        }
    }
}
