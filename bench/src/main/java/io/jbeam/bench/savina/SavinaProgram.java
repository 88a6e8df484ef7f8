package io.jbeam.bench.savina;

/**
 * The programs of {@code SavinaBenchmark}: Savina's micro set (Imam and Sarkar, "Savina - An Actor Benchmark
 * Suite", AGERE 2014) and the Skynet tree. Each is written four times in the same shape (jbeam processes in
 * {@code io.jbeam.bench.woven.savina}, virtual threads and Pekko actors in {@code io.jbeam.bench.peer.savina}, and
 * {@code bench/src/main/erlang/savina.escript}); every run ends with one number, which {@link SavinaSizes#check}
 * compares with what the program must give.
 */
public enum SavinaProgram {
    /** Two actors; the pinger sends a ping and waits for the pong, N times. Result: pongs received. */
    PING_PONG("pingPong"),
    /** A producer sends N increments to a counter, then asks for the count. Result: the count. */
    COUNTING("counting"),
    /** A actors, each sent N messages that each do {@link SavinaWork#compute()}. Result: messages processed. */
    FJ_THROUGHPUT("fjThroughput"),
    /** N actors created, each sent one message that does {@link SavinaWork#compute()}. Result: actors done. */
    FJ_CREATE("fjCreate"),
    /** A token passed R times round a ring of N actors, then an exit round. Result: passes counted by the actors. */
    THREAD_RING("threadRing"),
    /** C chameneos meet in pairs at a mall, M meetings. Result: meetings the chameneos report (2 per meeting). */
    CHAMENEOS("chameneos"),
    /** W actors each ping random neighbours N times, waiting for each pong. Result: pings the sink is told of. */
    BIG("big"),
    /** A 10-ary tree of processes with L leaves; leaf i sends i, inner nodes add up. Result: the root's sum. */
    SKYNET("skynet");

    private final String id;

    SavinaProgram(String id) {
        this.id = id;
    }

    /** The name used in the benchmark's {@code program} parameter, the escript and the results. */
    public String id() {
        return id;
    }

    /** The program called {@code id}; an {@link IllegalArgumentException} listing the names if there is none. */
    public static SavinaProgram named(String id) {
        StringBuilder names = new StringBuilder();
        for (SavinaProgram p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
            names.append(names.length() == 0 ? "" : ", ").append(p.id);
        }
        throw new IllegalArgumentException("no Savina program '" + id + "' (known: " + names + ")");
    }
}
