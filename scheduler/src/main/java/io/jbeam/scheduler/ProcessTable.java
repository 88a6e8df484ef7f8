package io.jbeam.scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Pid number to process. Pid numbers are handed out in order and never reused; the table is cut into chunks of
 * {@link #CHUNK_SIZE} slots, created on the first pid of their range and dropped when every pid of the range has
 * been handed out and has exited. So a million live processes cost a million slots (4 bytes each with compressed
 * references) plus one small header per chunk, and the table shrinks again as processes die.
 *
 * <p>Memory ordering: slots are volatile (AtomicReferenceArray set/get); {@link #chunks} is a ConcurrentHashMap;
 * each chunk's live count is a CAS counter; {@link #nextNumber} is getAndIncrement.
 */
final class ProcessTable {
    static final int CHUNK_BITS = 12;
    static final int CHUNK_SIZE = 1 << CHUNK_BITS;
    private static final int CHUNK_MASK = CHUNK_SIZE - 1;

    private static final class Chunk {
        final AtomicReferenceArray<ProcessControlBlock> slots = new AtomicReferenceArray<>(CHUNK_SIZE);
        /**
         * Registered processes of this chunk, plus one "open" hold until the last pid of its range registers.
         * CAS; a chunk whose holds reached 0 is dead and never revived.
         */
        final AtomicInteger holds = new AtomicInteger(1);
    }

    private final ConcurrentHashMap<Long, Chunk> chunks = new ConcurrentHashMap<>();
    /** The next pid number. Starts above the numbers Erlang gives its system processes, as a visual hint. */
    private final AtomicLong nextNumber = new AtomicLong(80);
    private final AtomicInteger live = new AtomicInteger();

    /** A fresh pid number; {@link #register} must follow. */
    long allocate() {
        return nextNumber.getAndIncrement();
    }

    void register(ProcessControlBlock p) {
        long n = p.pid().number();
        Long key = n >>> CHUNK_BITS;
        Chunk c;
        while (true) {
            c = chunks.computeIfAbsent(key, k -> new Chunk());
            int h = c.holds.get();
            if (h == 0) {
                chunks.remove(key, c); // dead: a late registration after its range emptied; start a new one
                continue;
            }
            if (c.holds.compareAndSet(h, h + 1)) {
                break;
            }
        }
        c.slots.set((int) (n & CHUNK_MASK), p);
        live.incrementAndGet();
        if ((n & CHUNK_MASK) == CHUNK_MASK) {
            release(key, c); // the last pid of the range is out: drop the open hold
        }
    }

    ProcessControlBlock get(long number) {
        Chunk c = chunks.get(number >>> CHUNK_BITS);
        return c == null ? null : c.slots.get((int) (number & CHUNK_MASK));
    }

    void remove(ProcessControlBlock p) {
        long n = p.pid().number();
        Long key = n >>> CHUNK_BITS;
        Chunk c = chunks.get(key);
        if (c == null || !c.slots.compareAndSet((int) (n & CHUNK_MASK), p, null)) {
            return;
        }
        live.decrementAndGet();
        release(key, c);
    }

    private void release(Long key, Chunk c) {
        if (c.holds.decrementAndGet() == 0) {
            chunks.remove(key, c);
        }
    }

    /** Chunks held (for the memory benchmark and tests). */
    int chunkCount() {
        return chunks.size();
    }

    int size() {
        return live.get();
    }

    /** The live processes, in pid order. */
    List<ProcessControlBlock> snapshot() {
        List<Long> keys = new ArrayList<>(chunks.keySet());
        keys.sort(null);
        List<ProcessControlBlock> out = new ArrayList<>(live.get());
        for (Long k : keys) {
            Chunk c = chunks.get(k);
            if (c == null) continue;
            for (int i = 0; i < CHUNK_SIZE; i++) {
                ProcessControlBlock p = c.slots.get(i);
                if (p != null) out.add(p);
            }
        }
        return out;
    }
}
