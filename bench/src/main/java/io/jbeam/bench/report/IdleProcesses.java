package io.jbeam.bench.report;

/**
 * The idle-process count of {@code io.jbeam.bench.IdleMemory}: N processes blocked in {@code receive}.
 *
 * @param processes how many
 * @param bytesPerProcess retained heap per process after full collections
 * @param threads the JVM's live threads with all of them alive
 * @param spawnNanos spawn and first slice, per process
 * @param jdk the JDK it ran on, or {@code ""} if the line did not say
 */
record IdleProcesses(long processes, double bytesPerProcess, int threads, double spawnNanos, String jdk) {

    static IdleProcesses of(ResultLine line) {
        return new IdleProcesses((long) line.number("processes"), line.number("bytes_per_process"),
                (int) line.number("threads"), line.number("spawn_ns"), line.fields().getOrDefault("jdk", ""));
    }
}
