package io.jbeam.bench.peer.savina;

import io.jbeam.bench.peer.VirtualThreads;
import io.jbeam.bench.savina.SavinaProgram;
import io.jbeam.bench.savina.SavinaSizes;

/**
 * Runs a Savina program with a virtual thread per actor and a {@link QueueMailbox} per mailbox (JDK 21+): the first
 * actor of the program starts on a new virtual thread, and the caller waits for the result it sends.
 */
public final class VtSavina {
    private final VirtualThreads vt;

    /** Throws {@link UnsupportedOperationException}, saying why, on a JDK without virtual threads. */
    public VtSavina() {
        this.vt = new VirtualThreads();
    }

    /** Runs {@code program} once and returns its result, checked; waits at most {@code timeoutMillis}. */
    public long run(SavinaProgram program, SavinaSizes s, long timeoutMillis) {
        QueueMailbox result = new QueueMailbox();
        vt.start(main(program, s, result));
        return s.check(program, "virtual threads", result.receive(timeoutMillis));
    }

    private Runnable main(SavinaProgram program, SavinaSizes s, QueueMailbox result) {
        switch (program) {
            case PING_PONG: return VtPingPong.main(vt, s.pings, result);
            case COUNTING: return VtCounting.main(vt, s.increments, result);
            case FJ_THROUGHPUT: return VtFjThroughput.main(vt, s.throughputActors, s.throughputMessages, result);
            case FJ_CREATE: return VtFjCreate.main(vt, s.createdActors, result);
            case THREAD_RING: return VtThreadRing.main(vt, s.ringActors, s.ringPasses, result);
            case CHAMENEOS: return VtChameneos.main(vt, s.chameneos, s.meetings, result);
            case BIG: return VtBig.main(vt, s.bigActors, s.bigPings, result);
            case SKYNET: return VtSkynet.main(vt, s.skynetLeaves, result);
            default: throw new IllegalArgumentException(program.toString());
        }
    }
}
