package io.jbeam.scheduler;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

class MailboxTest {
    @Test
    void concurrentProducersKeepTheirOwnOrderAndLoseNothing() throws Exception {
        Mailbox box = new Mailbox();
        int producers = 4, each = 50_000;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int id = p;
            Thread t = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                for (int i = 0; i < each; i++) box.push(new long[]{id, i});
            });
            t.start();
            threads.add(t);
        }
        go.countDown();
        long[] next = new long[producers];
        int received = 0;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (received < producers * each) {
            Object m = take(box, null); // consumer drains while producers push
            if (m == Mailbox.NO_MATCH) {
                assertTrue(System.nanoTime() < end, "messages missing");
                Thread.onSpinWait();
                continue;
            }
            long[] msg = (long[]) m;
            assertEquals(next[(int) msg[0]]++, msg[1], "out of order from producer " + msg[0]);
            received++;
        }
        for (Thread t : threads) t.join();
        assertEquals(Mailbox.NO_MATCH, take(box, null));
    }

    @Test
    void selectiveTakeLeavesTheOthersInOrder() {
        Mailbox box = new Mailbox();
        for (String s : List.of("a", "b", "c", "d")) box.push(s);
        box.startScan();
        assertEquals("c", take(box, "c"::equals));
        box.startScan();
        assertEquals("a", take(box, null));
        box.startScan();
        assertEquals(Mailbox.NO_MATCH, take(box, "z"::equals));
        assertEquals(2, size(box));
        box.startScan();
        assertEquals("b", take(box, null));
        box.startScan();
        assertEquals("d", take(box, null));
        box.push("e"); // the tail is still right after removing the last node
        box.startScan();
        assertEquals("e", take(box, null));
    }

    @Test
    void aContinuedScanLooksOnlyAtNewMessages() {
        Mailbox box = new Mailbox();
        box.push(1);
        box.push(2);
        List<Object> seen = new ArrayList<>();
        box.startScan();
        assertEquals(Mailbox.NO_MATCH, take(box, m -> seen.add(m) && false));
        assertEquals(List.of(1, 2), seen);
        box.push(3);
        seen.clear();
        assertEquals(3, take(box, m -> seen.add(m) && m.equals(3))); // same receive, continued
        assertEquals(List.of(3), seen);
        box.startScan();
        assertEquals(1, take(box, null));
    }

    /** The owner's steps without a process: drain (every entry is a message), then take. */
    private static Object take(Mailbox box, java.util.function.Predicate<Object> match) {
        box.drainInbound(null);
        return box.take(match);
    }

    private static int size(Mailbox box) {
        box.drainInbound(null);
        return box.size();
    }
}
