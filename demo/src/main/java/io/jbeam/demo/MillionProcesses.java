package io.jbeam.demo;

import io.jbeam.Erlang;
import io.jbeam.term.Atom;
import io.jbeam.term.Pid;
import io.jbeam.term.Tuple;

/**
 * Part 1: spawn N processes that each wait in receive, show what that costs in memory and threads, then message
 * every one and collect every answer.
 */
final class MillionProcesses {
    private static final Atom PING = Atom.of("ping");
    private static final Atom PONG = Atom.of("pong");

    private final Report out;
    private final int count;

    MillionProcesses(Report out, int count) {
        this.out = out;
        this.count = count;
    }

    void run() {
        out.title(String.format("%,d processes, each waiting in receive", count));
        int threadsBefore = Stats.threadCount();
        long heapBefore = Stats.usedHeapAfterGc();
        long t0 = System.nanoTime();
        Pid[] pids = new Pid[count];
        for (int i = 0; i < count; i++) {
            pids[i] = Erlang.spawn(MillionProcesses::echoOnce);
        }
        long spawned = System.nanoTime() - t0;
        long heapAfter = Stats.usedHeapAfterGc();
        out.line("spawned in %s: %,.0f spawns per second", Stats.millis(spawned), count / (spawned / 1e9));
        out.line("heap held by the waiting processes: %,d bytes each (BEAM: about 2,600)",
                (heapAfter - heapBefore) / count);
        out.line("JVM threads: %d before, %d with all of them alive: processes are not threads",
                threadsBefore, Stats.threadCount());

        Pid self = Erlang.self();
        long t1 = System.nanoTime();
        for (Pid pid : pids) {
            Erlang.send(pid, Tuple.of(PING, self));
        }
        int answers = 0;
        while (answers < count) {
            Object reply = Erlang.receive(10_000);
            if (reply == null) {
                break;
            }
            answers++;
        }
        long roundTrip = System.nanoTime() - t1;
        out.line("messaged every one and got %,d of %,d answers back in %s (%,.0f round trips per second)",
                answers, count, Stats.millis(roundTrip), answers / (roundTrip / 1e9));
    }

    /** Each process: wait for {ping, From}, answer pong, end. */
    private static void echoOnce() {
        Tuple ping = (Tuple) Erlang.receive();
        Erlang.send((Pid) ping.get(1), PONG);
    }
}
