package io.jbeam.bench;

/**
 * A CPU-bound unit of work the weaving benchmark times. Implementations live in {@code io.jbeam.bench.woven}, which
 * the agent weaves; {@link PlainCopies} loads the very same class files a second time, renamed into
 * {@code io.jbeam.bench.plain}, which the agent leaves alone. This interface lies outside both packages, so the
 * benchmark calls either copy through it.
 */
public interface Workload {
    /** Does one unit of work and returns its result (for the blackhole). Deterministic. */
    Object run();

    /** Makes workloads by name: the woven copy's factory and the plain copy's are two loads of one class. */
    interface Factory {
        /** The workload called {@code name} (see {@code io.jbeam.bench.woven.Workloads} for the names). */
        Workload create(String name);
    }
}
