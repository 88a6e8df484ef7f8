package io.jbeam.scheduler;

import io.jbeam.term.Pid;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.*;

class RunQueueTest {
    private static long nextPid = 1;

    static ProcessControlBlock process(Priority priority) {
        return new ProcessControlBlock(Pid.local(nextPid++), () -> { }, BudgetPolicy.fixed(10), priority);
    }

    @Test
    void maxAndHighRunStrictlyFirstThenNormalAndLowShare() {
        RunQueue q = new RunQueue();
        List<ProcessControlBlock> low = new ArrayList<>();
        List<ProcessControlBlock> normal = new ArrayList<>();
        for (int i = 0; i < 4; i++) low.add(process(Priority.LOW));
        for (int i = 0; i < 20; i++) normal.add(process(Priority.NORMAL));
        low.forEach(q::add);
        normal.forEach(q::add);
        ProcessControlBlock high = process(Priority.HIGH);
        ProcessControlBlock max = process(Priority.MAX);
        q.add(high);
        q.add(max);
        assertSame(max, q.poll());
        assertSame(high, q.poll());
        // Normal and low: low gets one turn in eight while both have work.
        List<Priority> order = new ArrayList<>();
        for (int i = 0; i < 16; i++) order.add(q.poll().priority());
        assertEquals(2, order.stream().filter(p -> p == Priority.LOW).count(), order.toString());
        assertEquals(Priority.LOW, order.get(RunQueue.LOW_TURN_PERIOD - 1));
        // Once normal is empty, low runs.
        ProcessControlBlock p;
        int rest = 0;
        while ((p = q.poll()) != null) rest++;
        assertEquals(8, rest);
        assertEquals(0, q.length());
    }

    @Test
    void stealTakesHalfOfTheOldest() {
        RunQueue q = new RunQueue();
        List<ProcessControlBlock> ps = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ps.add(process(Priority.NORMAL));
            q.add(ps.get(i));
        }
        ProcessControlBlock[] into = new ProcessControlBlock[64];
        assertEquals(5, q.stealHalfInto(into));
        for (int i = 0; i < 5; i++) assertSame(ps.get(i), into[i]);
        assertEquals(5, q.length());
        assertSame(ps.get(5), q.poll());
    }

    static ProcessControlBlock bound(Priority priority) {
        return new ProcessControlBlock(Pid.local(nextPid++), () -> { }, BudgetPolicy.fixed(10), priority, true);
    }

    @Test
    void stealLeavesBoundProcessesInTheirOrder() {
        RunQueue q = new RunQueue();
        ProcessControlBlock b1 = bound(Priority.NORMAL);
        ProcessControlBlock u1 = process(Priority.NORMAL);
        ProcessControlBlock b2 = bound(Priority.NORMAL);
        ProcessControlBlock u2 = process(Priority.NORMAL);
        ProcessControlBlock u3 = process(Priority.NORMAL);
        for (ProcessControlBlock p : List.of(b1, u1, b2, u2, u3)) q.add(p);
        assertEquals(5, q.length());
        assertEquals(3, q.stealable());
        ProcessControlBlock[] into = new ProcessControlBlock[64];
        assertEquals(2, q.stealHalfInto(into), "half of the three unbound, rounded up");
        assertSame(u1, into[0]);
        assertSame(u2, into[1]);
        assertEquals(3, q.length());
        assertEquals(1, q.stealable());
        assertSame(b1, q.poll());
        assertSame(b2, q.poll());
        assertEquals(1, q.stealable());
        assertSame(u3, q.poll());
        assertEquals(0, q.stealable());
        assertEquals(0, q.length());
    }

    @Test
    void aQueueOfBoundProcessesOffersNothingToSteal() {
        RunQueue q = new RunQueue();
        ProcessControlBlock high = bound(Priority.HIGH);
        ProcessControlBlock normal = bound(Priority.NORMAL);
        q.add(high);
        q.add(normal);
        assertEquals(0, q.stealable());
        assertEquals(0, q.stealHalfInto(new ProcessControlBlock[64]));
        assertEquals(2, q.length());
        assertSame(high, q.poll());
        assertSame(normal, q.poll());
    }

    @Test
    void stealTakesFromTheHighestPriorityWithUnboundProcesses() {
        RunQueue q = new RunQueue();
        ProcessControlBlock boundHigh = bound(Priority.HIGH);
        ProcessControlBlock normal = process(Priority.NORMAL);
        q.add(boundHigh);
        q.add(normal);
        ProcessControlBlock[] into = new ProcessControlBlock[64];
        assertEquals(1, q.stealHalfInto(into));
        assertSame(normal, into[0]);
        assertSame(boundHigh, q.poll());
        assertNull(q.poll());
    }

    @Test
    void concurrentStealingNeitherLosesNorDuplicates() throws Exception {
        RunQueue victim = new RunQueue();
        int total = 200_000;
        Set<ProcessControlBlock> taken = ConcurrentHashMap.newKeySet();
        AtomicBoolean duplicate = new AtomicBoolean();
        AtomicBoolean producing = new AtomicBoolean(true);
        List<Thread> thieves = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            Thread th = new Thread(() -> {
                ProcessControlBlock[] into = new ProcessControlBlock[64];
                while (producing.get() || victim.length() > 0) {
                    int n = victim.stealHalfInto(into);
                    for (int i = 0; i < n; i++) if (!taken.add(into[i])) duplicate.set(true);
                }
            });
            th.start();
            thieves.add(th);
        }
        Set<ProcessControlBlock> all = new HashSet<>();
        for (int i = 0; i < total; i++) {
            ProcessControlBlock p = process(Priority.NORMAL);
            all.add(p);
            victim.add(p);
            if (i % 3 == 0) {
                ProcessControlBlock own = victim.poll();
                if (own != null && !taken.add(own)) duplicate.set(true);
            }
        }
        producing.set(false);
        for (Thread th : thieves) th.join();
        assertFalse(duplicate.get());
        assertEquals(all, taken);
    }
}
