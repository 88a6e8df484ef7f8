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
            Object m = box.take(null); // consumer drains while producers push
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
        assertEquals(Mailbox.NO_MATCH, box.take(null));
    }

    @Test
    void selectiveTakeLeavesTheOthersInOrder() {
        Mailbox box = new Mailbox();
        for (String s : List.of("a", "b", "c", "d")) box.push(s);
        box.startScan();
        assertEquals("c", box.take("c"::equals));
        box.startScan();
        assertEquals("a", box.take(null));
        box.startScan();
        assertEquals(Mailbox.NO_MATCH, box.take("z"::equals));
        assertEquals(2, box.size());
        box.startScan();
        assertEquals("b", box.take(null));
        box.startScan();
        assertEquals("d", box.take(null));
        box.push("e"); // the tail is still right after removing the last node
        box.startScan();
        assertEquals("e", box.take(null));
    }

    @Test
    void aContinuedScanLooksOnlyAtNewMessages() {
        Mailbox box = new Mailbox();
        box.push(1);
        box.push(2);
        List<Object> seen = new ArrayList<>();
        box.startScan();
        assertEquals(Mailbox.NO_MATCH, box.take(m -> seen.add(m) && false));
        assertEquals(List.of(1, 2), seen);
        box.push(3);
        seen.clear();
        assertEquals(3, box.take(m -> seen.add(m) && m.equals(3))); // same receive, continued
        assertEquals(List.of(3), seen);
        box.startScan();
        assertEquals(1, box.take(null));
    }
}
