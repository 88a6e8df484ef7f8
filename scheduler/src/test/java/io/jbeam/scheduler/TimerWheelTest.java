package io.jbeam.scheduler;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Driven with a synthetic clock: the test thread is the wheel's owner and says what time it is. */
class TimerWheelTest {
    private static final long MS = 1_000_000;

    @Test
    void firesAtOrAfterTheDeadlineNeverBefore() {
        long t0 = 1_000 * MS;
        TimerWheel w = new TimerWheel(t0);
        List<String> fired = new ArrayList<>();
        w.arm(new ProcessTimer(null, t0 + 5 * MS, () -> fired.add("5ms")));
        w.arm(new ProcessTimer(null, t0 + 700 * MS, () -> fired.add("700ms"))); // beyond one wheel turn
        assertEquals(0, w.poll(t0 + 5 * MS - 1));
        assertTrue(fired.isEmpty());
        assertEquals(1, w.poll(t0 + 5 * MS));
        assertEquals(List.of("5ms"), fired);
        assertEquals(0, w.poll(t0 + 699 * MS));
        assertEquals(TimerWheel.TICK_NANOS, w.nanosUntilNext(t0 + 699 * MS)); // earliest unknown after a firing
        assertEquals(1, w.poll(t0 + 2_000 * MS));
        assertEquals(List.of("5ms", "700ms"), fired);
        assertEquals(Long.MAX_VALUE, w.nanosUntilNext(t0 + 2_000 * MS));
    }

    @Test
    void cancelledTimersDoNotFireAndRequestsApplyOnPoll() {
        long t0 = 0;
        TimerWheel w = new TimerWheel(t0);
        List<String> fired = new ArrayList<>();
        ProcessTimer a = new ProcessTimer(null, t0 + 3 * MS, () -> fired.add("a"));
        ProcessTimer b = new ProcessTimer(null, t0 + 3 * MS, () -> fired.add("b"));
        ProcessTimer c = new ProcessTimer(null, t0 + 4 * MS, () -> fired.add("c"));
        w.arm(a);
        w.requestArm(b);
        w.requestArm(c);
        assertEquals(0, w.poll(t0 + MS)); // applies the requests
        assertEquals(3, w.timerCount());
        assertEquals(2 * MS, w.nanosUntilNext(t0 + MS));
        w.cancel(a);
        w.requestCancel(c);
        assertEquals(1, w.poll(t0 + 10 * MS));
        assertEquals(List.of("b"), fired);
        assertTrue(b.fired);
        assertFalse(a.fired);
        assertEquals(0, w.timerCount());
    }
}
