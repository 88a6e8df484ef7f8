package io.jbeam.scheduler;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * A {@link RunQueue} holding four processes: its owner polls twice while an idle scheduler steals half of it
 * ({@link RunQueue#stealHalfInto}). The arbiter polls what is left.
 *
 * <p>Result: r1 = processes the owner got; r2 = processes stolen; r3 = processes nobody got (or -1 when the queue's
 * length counter disagrees with its contents at the end); r4 = processes got more than once.
 */
@JCStressTest
@Description("Run queue: the owner polls while a thief steals half; every process taken exactly once")
@Outcome(id = "2, 2, 0, 0", expect = ACCEPTABLE,
        desc = "The thief stole half of four or of three (two), before or between the owner's polls.")
@Outcome(id = "2, 1, 0, 0", expect = ACCEPTABLE, desc = "The thief came after both polls and stole half of two.")
@Outcome(id = "\\d+, \\d+, [1-9]\\d*, \\d+", expect = FORBIDDEN,
        desc = "Lost process: it left the queue but reached neither the owner nor the thief; it never runs again.")
@Outcome(id = "\\d+, \\d+, -1, \\d+", expect = FORBIDDEN,
        desc = "The length counter no longer matches the queue: idle schedulers would skip it or spin on it.")
@Outcome(id = "\\d+, \\d+, \\d+, [1-9]\\d*", expect = FORBIDDEN,
        desc = "Taken twice: two schedulers would run one process's fiber at once.")
@Outcome(expect = FORBIDDEN, desc = "Any other result is a broken run queue.")
public class RunQueueStealRace {
    private static final ProcessControlBlock[] PROCESSES = {
            QuietVm.unregistered(null), QuietVm.unregistered(null),
            QuietVm.unregistered(null), QuietVm.unregistered(null)};

    @State
    public static class Queue {
        final RunQueue q = new RunQueue();
        final ProcessControlBlock[] stolen = new ProcessControlBlock[8];
        ProcessControlBlock first;
        ProcessControlBlock second;
        int stolenCount;

        public Queue() {
            for (ProcessControlBlock p : PROCESSES) q.add(p);
        }
    }

    @Actor
    public void owner(Queue s) {
        s.first = s.q.poll();
        s.second = s.q.poll();
    }

    @Actor
    public void thief(Queue s) {
        s.stolenCount = s.q.stealHalfInto(s.stolen);
    }

    @Arbiter
    public void check(Queue s, IIII_Result r) {
        int[] times = new int[PROCESSES.length];
        int owner = count(times, s.first) + count(times, s.second);
        for (int i = 0; i < s.stolenCount; i++) count(times, s.stolen[i]);
        for (ProcessControlBlock p; (p = s.q.poll()) != null; ) count(times, p);
        int lost = 0, twice = 0;
        for (int t : times) {
            if (t == 0) lost++;
            if (t > 1) twice += t - 1;
        }
        r.r1 = owner;
        r.r2 = s.stolenCount;
        r.r3 = s.q.length() != 0 ? -1 : lost;
        r.r4 = twice;
    }

    private static int count(int[] times, ProcessControlBlock p) {
        if (p == null) return 0;
        for (int i = 0; i < PROCESSES.length; i++) {
            if (PROCESSES[i] == p) times[i]++;
        }
        return 1;
    }
}
