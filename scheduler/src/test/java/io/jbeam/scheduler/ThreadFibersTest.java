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
            threads.add(new Thread(() -> {
                await(start);
                Fiber own = Fiber.current();
                for (int i = 0; i < RESUMES && wrong.get() == null; i++) {
                    Coroutine[] c = new Coroutine[1];
                    c[0] = new Coroutine(() -> check(c[0], wrong, "resumer"));
                    c[0].resume();
                    if (Fiber.current() != own) wrong.set("a resumer lost its own fiber after resume " + i);
                }
            }, "resumer-" + t));
        }
        threads.add(new Thread(() -> {
            await(start);
            Fiber own = Fiber.current();
            for (int i = 0; i < 10 * RESUMES && wrong.get() == null; i++) {
                if (Fiber.current() != own) wrong.set("a bystander saw another thread's fiber at check " + i);
            }
        }, "bystander"));
        threads.forEach(Thread::start);
        start.countDown();
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(60));
            assertFalse(t.isAlive(), t.getName() + " did not finish");
        }
        assertNull(wrong.get());
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
