package io.jbeam;

import io.jbeam.scheduler.Fiber;
import io.jbeam.scheduler.MethodIds;
import io.jbeam.scheduler.WovenLambda;

/**
 * A process body written by hand the way the weaver would emit it, so that these tests (which run without the
 * agent) exercise the suspend/resume path: it stores the leaf's handshake id before each call, saves a pc when the
 * leaf suspends, and restores it at entry. Its locals live in fields of the subclass, so the pc is all it saves; the
 * body re-enters the leaf it left from because each suspending call sits at the head of the step it belongs to.
 */
abstract class HandWoven implements Runnable, WovenLambda {
    static final int RECEIVE = MethodIds.of("receive", "()Ljava/lang/Object;");
    static final int RECEIVE_TIMEOUT = MethodIds.of("receive", "(J)Ljava/lang/Object;");
    static final int RECEIVE_MATCH = MethodIds.of("receive", "(Ljava/util/function/Predicate;)Ljava/lang/Object;");
    static final int SLEEP = MethodIds.of("sleep", "(J)V");
    static final int YIELD = MethodIds.of("yield", "()V");

    @Override
    public final void run() {
        Fiber f = Fiber.current();
        if (f.status == Fiber.REWINDING) {
            f.popPc();
        }
        body(f);
    }

    /** Runs until done, or returns right after a leaf call that left the fiber CAPTURING ({@link #unwinding}). */
    protected abstract void body(Fiber f);

    /** After a leaf call: true when it suspended (the pc is then saved and the body must return at once). */
    static boolean unwinding(Fiber f) {
        if (f.status == Fiber.CAPTURING) {
            Fiber.pushPc(1, f);
            return true;
        }
        return false;
    }

    static Object receive(Fiber f) {
        f.expect = RECEIVE;
        return Erlang.receive();
    }

    static Object receive(Fiber f, long timeout) {
        f.expect = RECEIVE_TIMEOUT;
        return Erlang.receive(timeout);
    }

    static Object receive(Fiber f, java.util.function.Predicate<Object> match) {
        f.expect = RECEIVE_MATCH;
        return Erlang.receive(match);
    }

    static void sleep(Fiber f, long millis) {
        f.expect = SLEEP;
        Erlang.sleep(millis);
    }

    static void yieldNow(Fiber f) {
        f.expect = YIELD;
        Erlang.yield();
    }
}
