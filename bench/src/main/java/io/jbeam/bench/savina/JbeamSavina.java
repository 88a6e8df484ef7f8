package io.jbeam.bench.savina;

import io.jbeam.Erlang;
import io.jbeam.bench.woven.savina.Big;
import io.jbeam.bench.woven.savina.Chameneos;
import io.jbeam.bench.woven.savina.Counting;
import io.jbeam.bench.woven.savina.FjCreate;
import io.jbeam.bench.woven.savina.FjThroughput;
import io.jbeam.bench.woven.savina.PingPong;
import io.jbeam.bench.woven.savina.Skynet;
import io.jbeam.bench.woven.savina.ThreadRing;
import io.jbeam.term.Pid;

/**
 * Runs a Savina program on jbeam: spawns the program's first process (the bodies are in
 * {@code io.jbeam.bench.woven.savina}, woven by the agent) and waits in {@code receive} for the result it sends to
 * the caller, which has a process identity as any thread that calls a built-in does.
 */
public final class JbeamSavina {
    private JbeamSavina() {
    }

    /** Runs {@code program} once and returns its result, checked; waits at most {@code timeoutMillis}. */
    public static long run(SavinaProgram program, SavinaSizes s, long timeoutMillis) {
        Erlang.spawn(main(program, s, Erlang.self()));
        return s.check(program, "jbeam", Erlang.receive(timeoutMillis));
    }

    private static Runnable main(SavinaProgram program, SavinaSizes s, Pid result) {
        switch (program) {
            case PING_PONG: return PingPong.main(s.pings, result);
            case COUNTING: return Counting.main(s.increments, result);
            case FJ_THROUGHPUT: return FjThroughput.main(s.throughputActors, s.throughputMessages, result);
            case FJ_CREATE: return FjCreate.main(s.createdActors, result);
            case THREAD_RING: return ThreadRing.main(s.ringActors, s.ringPasses, result);
            case CHAMENEOS: return Chameneos.main(s.chameneos, s.meetings, result);
            case BIG: return Big.main(s.bigActors, s.bigPings, result);
            case SKYNET: return Skynet.main(s.skynetLeaves, result);
            default: throw new IllegalArgumentException(program.toString());
        }
    }
}
