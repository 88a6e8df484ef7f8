package io.jbeam.demo;

import io.jbeam.Erlang;
import io.jbeam.term.Pid;

/**
 * Part 2: Armstrong's ring. N processes each forward a token to the next; the token goes round M times. Every hop is
 * a send, a wake-up and a receive.
 */
final class Ring {
    private final Report out;
    private final int size;
    private final int rounds;

    Ring(Report out, int size, int rounds) {
        this.out = out;
        this.size = size;
        this.rounds = rounds;
    }

    void run() {
        out.title(String.format("A ring of %,d processes, a token sent round %d times", size, rounds));
        Pid main = Erlang.self();
        Pid next = main;
        for (int i = 0; i < size - 1; i++) {
            Pid to = next;
            next = Erlang.spawn(() -> forward(to));
        }
        Pid first = next;
        long t0 = System.nanoTime();
        long hops = (long) size * rounds;
        Erlang.send(first, hops - 1);
        long last = -1;
        while (true) {
            Object m = Erlang.receive(30_000);
            if (m == null) {
                out.line("the token was lost (no message in 30 s)");
                return;
            }
            long left = (Long) m;
            if (left <= 0) {
                last = left;
                break;
            }
            Erlang.send(first, left - 1);
        }
        long elapsed = System.nanoTime() - t0;
        Erlang.send(first, -1L); // tells the ring to stop: each process forwards it once and ends
        out.line("%,d hops in %s: %,.0f messages per second, %.2f microseconds a hop (token ended at %d)",
                hops, Stats.millis(elapsed), hops / (elapsed / 1e9), elapsed / 1e3 / hops, last);
    }

    /** Forwards every number it receives to {@code next}; a negative number is forwarded once more, then it ends. */
    private static void forward(Pid next) {
        while (true) {
            long n = (Long) Erlang.receive();
            Erlang.send(next, n < 0 ? n : n - 1);
            if (n < 0) {
                return;
            }
        }
    }
}
