package io.jbeam.scheduler;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The fiber a plain thread sees: its own, or the one of the coroutine it is resuming, whatever other threads do. */
class ThreadFibersTest {
    private static final int RESUMES = 20_000;

    @Test
    void aResumeMountsTheCoroutinesFiberAndANestedOneRestoresIt() {
        Fiber own = Fiber.current();
        assertTrue(own.isThreadBound());
        AtomicReference<String> wrong = new AtomicReference<>();
        Coroutine[] inner = new Coroutine[1];
        Coroutine[] outer = new Coroutine[1];
        inner[0] = new Coroutine(() -> check(inner[0], wrong, "inner"));
        outer[0] = new Coroutine(() -> {
            check(outer[0], wrong, "outer before");
            inner[0].resume();
            check(outer[0], wrong, "outer after the inner resume");
        });
        assertTrue(outer[0].resume());
        assertNull(wrong.get());
        assertSame(own, Fiber.current());
    }

    @Test
    void threadsResumingCoroutinesAtOnceEachSeeTheirOwn() throws Exception {
        AtomicReference<String> wrong = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            threads.add(new Thread(resumer(start, wrong), "resumer-" + t));
        }
        threads.add(new Thread(bystander(start, wrong), "bystander"));
        runAll(threads, start);
        assertNull(wrong.get());
    }

    /** Threads whose slots take the same entry of the lookup table keep taking it from each other. */
    @Test
    void threadsOfOneTableIndexEachSeeTheirOwn() throws Exception {
        AtomicReference<String> wrong = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        Thread first = new Thread(resumer(start, wrong), "resumer");
        List<Thread> threads = List.of(first, sameIndexAs(first, resumer(start, wrong), "second resumer"),
                sameIndexAs(first, bystander(start, wrong), "bystander"));
        runAll(threads, start);
        assertNull(wrong.get());
    }

    /** Resumes coroutines, each checking that it sees its own fiber, and checks its own fiber after each. */
    private static Runnable resumer(CountDownLatch start, AtomicReference<String> wrong) {
        return () -> {
            await(start);
            Fiber own = Fiber.current();
            for (int i = 0; i < RESUMES && wrong.get() == null; i++) {
                Coroutine[] c = new Coroutine[1];
                c[0] = new Coroutine(() -> check(c[0], wrong, "resumer"));
                c[0].resume();
                if (Fiber.current() != own) wrong.set("a resumer lost its own fiber after resume " + i);
            }
        };
    }

    /** Only looks its fiber up, and checks it is always its own. */
    private static Runnable bystander(CountDownLatch start, AtomicReference<String> wrong) {
        return () -> {
            await(start);
            Fiber own = Fiber.current();
            for (int i = 0; i < 10 * RESUMES && wrong.get() == null; i++) {
                if (Fiber.current() != own) wrong.set("a bystander saw another thread's fiber at check " + i);
            }
        };
    }

    /** A new thread running {@code body} whose id puts it at the same table index as {@code other}. */
    private static Thread sameIndexAs(Thread other, Runnable body, String name) {
        for (int i = 0; i < 10 * ThreadFibers.WAYS; i++) {
            Thread t = new Thread(body, name);
            if (ThreadFibers.index(t) == ThreadFibers.index(other)) return t;
        }
        throw new AssertionError("no thread id of the same index in " + 10 * ThreadFibers.WAYS + " threads");
    }

    private static void runAll(List<Thread> threads, CountDownLatch start) throws InterruptedException {
        threads.forEach(Thread::start);
        start.countDown();
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(60));
            assertFalse(t.isAlive(), t.getName() + " did not finish");
        }
    }

    private static void check(Coroutine c, AtomicReference<String> wrong, String where) {
        Fiber f = Fiber.current();
        if (f != c.fiber()) wrong.compareAndSet(null, where + ": saw " + f + " instead of " + c.fiber());
    }

    private static void await(CountDownLatch l) {
        try {
            l.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
