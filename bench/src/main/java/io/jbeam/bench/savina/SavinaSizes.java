package io.jbeam.bench.savina;

/**
 * The sizes of the Savina programs at a scale, and the result each program must give at those sizes. Scale 1 is
 * Savina's defaults (its {@code *Config} classes) and Skynet's million leaves; a smaller scale shrinks the work (the
 * messages, or the actors where creating them is the work) for smoke runs and tests, and keeps the number of
 * long-lived actors. {@code savina.escript} computes the same sizes from the same scale.
 */
public final class SavinaSizes {
    /** PingPong: round trips. */
    public final int pings;
    /** Counting: increments sent to the counter. */
    public final int increments;
    /** Fork-join throughput: workers. */
    public final int throughputActors;
    /** Fork-join throughput: messages sent to each worker. */
    public final int throughputMessages;
    /** Fork-join create: workers created, one message each. */
    public final int createdActors;
    /** ThreadRing: actors in the ring. */
    public final int ringActors;
    /** ThreadRing: passes of the token. */
    public final int ringPasses;
    /** Chameneos: chameneos. */
    public final int chameneos;
    /** Chameneos: meetings at the mall. */
    public final int meetings;
    /** Big: actors. */
    public final int bigActors;
    /** Big: pings each actor sends. */
    public final int bigPings;
    /** Skynet: leaves of the tree, a power of ten (the tree has 1 + 10 + ... + leaves processes). */
    public final int skynetLeaves;

    private SavinaSizes(double scale) {
        if (!(scale > 0) || scale > 100) {
            throw new IllegalArgumentException("scale must be in (0, 100]: " + scale);
        }
        pings = scaled(40_000, scale);
        increments = scaled(1_000_000, scale);
        throughputActors = 60;
        throughputMessages = scaled(10_000, scale);
        createdActors = scaled(40_000, scale);
        ringActors = 100;
        ringPasses = scaled(100_000, scale);
        chameneos = 100;
        meetings = scaled(200_000, scale);
        bigActors = 120;
        bigPings = scaled(20_000, scale);
        skynetLeaves = (int) Math.pow(10, Math.max(0, Math.round(Math.log10(1_000_000 * scale))));
    }

    /** Savina's defaults times {@code scale} (0 &lt; scale &lt;= 100). */
    public static SavinaSizes at(double scale) {
        return new SavinaSizes(scale);
    }

    private static int scaled(int base, double scale) {
        return (int) Math.max(1, Math.round(base * scale));
    }

    /** What a run of {@code program} at these sizes must return. */
    public long expected(SavinaProgram program) {
        switch (program) {
            case PING_PONG: return pings;
            case COUNTING: return increments;
            case FJ_THROUGHPUT: return (long) throughputActors * throughputMessages;
            case FJ_CREATE: return createdActors;
            case THREAD_RING: return ringPasses;
            case CHAMENEOS: return 2L * meetings;
            case BIG: return (long) bigActors * bigPings;
            case SKYNET: return (long) skynetLeaves * (skynetLeaves - 1) / 2;
            default: throw new IllegalArgumentException(program.toString());
        }
    }

    /**
     * Returns {@code result} if it is the number {@code program} must give, else throws: a benchmark whose program
     * went wrong must not report a time. {@code implementation} names who ran it, for the message.
     */
    public long check(SavinaProgram program, String implementation, Object result) {
        long want = expected(program);
        if (result == null) {
            throw new IllegalStateException(program.id() + " on " + implementation + " gave no result in the time "
                    + "allowed (expected " + want + ")");
        }
        if (!(result instanceof Long) || (Long) result != want) {
            throw new IllegalStateException(program.id() + " on " + implementation + " gave " + result + ", expected "
                    + want);
        }
        return want;
    }
}
