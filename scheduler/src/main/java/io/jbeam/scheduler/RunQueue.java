package io.jbeam.scheduler;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * A scheduler's run queue: one FIFO per priority. Max and high are served strictly first; normal and low share a
 * band in which low gets one turn in {@link #LOW_TURN_PERIOD} when both have work (erts gives a low process its turn
 * after it was skipped eight times).
 *
 * <p>One mutex per run queue, as erts: the owner takes from it, any thread adds to it (spawn, wake-up from another
 * scheduler, a spare carrier handing a pinned process back), and idle schedulers steal from it.
 *
 * <p>A process bound to its scheduler ({@link ProcessControlBlock#isBound()}) is queued and served like any other,
 * but a thief leaves it where it is: {@link #stealable} counts the others.
 *
 * <p>Memory ordering: the deques and {@link #lowTurn} are guarded by the queue's monitor; {@link #length} and
 * {@link #stealable} are written under it (volatile) and read without it by idle schedulers choosing a victim and by
 * wake-up heuristics.
 */
final class RunQueue {
    static final int LOW_TURN_PERIOD = 8;

    private final ArrayDeque<ProcessControlBlock>[] queues;
    /** Guarded: picks in the normal/low band since low last had a turn. */
    private int lowTurn;
    /** Volatile: processes queued, all priorities. */
    private volatile int length;
    /** Volatile: the queued processes that are not bound to this queue's scheduler (a thief may take them). */
    private volatile int stealable;

    @SuppressWarnings("unchecked")
    RunQueue() {
        queues = new ArrayDeque[Priority.values().length];
        for (int i = 0; i < queues.length; i++) {
            queues[i] = new ArrayDeque<>();
        }
    }

    synchronized void add(ProcessControlBlock p) {
        queues[p.priority().ordinal()].addLast(p);
        length++;
        if (!p.isBound()) stealable++;
    }

    /** The next process by priority, or null. */
    synchronized ProcessControlBlock poll() {
        if (length == 0) {
            return null;
        }
        ProcessControlBlock p = queues[Priority.MAX.ordinal()].pollFirst();
        if (p == null) p = queues[Priority.HIGH.ordinal()].pollFirst();
        if (p == null) p = pollNormalBand();
        if (p != null) {
            length--;
            if (!p.isBound()) stealable--;
        }
        return p;
    }

    private ProcessControlBlock pollNormalBand() {
        ArrayDeque<ProcessControlBlock> normal = queues[Priority.NORMAL.ordinal()];
        ArrayDeque<ProcessControlBlock> low = queues[Priority.LOW.ordinal()];
        if (low.isEmpty()) {
            return normal.pollFirst();
        }
        if (normal.isEmpty() || ++lowTurn >= LOW_TURN_PERIOD) {
            lowTurn = 0;
            return low.pollFirst();
        }
        return normal.pollFirst();
    }

    /** The highest priority with queued work, or null when empty. */
    synchronized Priority highestQueued() {
        for (int i = 0; i < queues.length; i++) {
            if (!queues[i].isEmpty()) return Priority.of(i);
        }
        return null;
    }

    /**
     * Removes half (rounded up) of the oldest processes of the highest priority that has any a thief may take, for a
     * thief; bound processes stay, in their order. Takes the oldest: they have waited longest, and the victim keeps the
     * ones it queued most recently (warm in its cache).
     */
    synchronized int stealHalfInto(ProcessControlBlock[] into) {
        if (stealable == 0) {
            return 0;
        }
        boolean anyBound = stealable != length;
        for (ArrayDeque<ProcessControlBlock> q : queues) {
            int n = anyBound ? movable(q) : q.size();
            if (n == 0) continue;
            int take = Math.min(into.length, (n + 1) / 2);
            if (anyBound) {
                takeMovable(q, into, take);
            } else {
                for (int i = 0; i < take; i++) {
                    into[i] = q.pollFirst();
                }
            }
            length -= take;
            stealable -= take;
            return take;
        }
        return 0;
    }

    private static int movable(ArrayDeque<ProcessControlBlock> q) {
        int n = 0;
        for (ProcessControlBlock p : q) {
            if (!p.isBound()) n++;
        }
        return n;
    }

    /** The {@code take} oldest unbound processes of {@code q}, out of it and into {@code into}. */
    private static void takeMovable(ArrayDeque<ProcessControlBlock> q, ProcessControlBlock[] into, int take) {
        int i = 0;
        for (Iterator<ProcessControlBlock> it = q.iterator(); i < take; ) {
            ProcessControlBlock p = it.next();
            if (!p.isBound()) {
                into[i++] = p;
                it.remove();
            }
        }
    }

    int length() {
        return length;
    }

    /** Queued processes a thief may take (read without the lock). */
    int stealable() {
        return stealable;
    }
}
