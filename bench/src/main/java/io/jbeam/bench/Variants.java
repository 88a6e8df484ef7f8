package io.jbeam.bench;

import io.jbeam.bench.woven.Task;
import io.jbeam.bench.woven.Workloads;

/** The two copies of the workloads: woven (the class path's) and plain (the renamed copy). */
public final class Variants {
    private Variants() {
    }

    /** The woven workload {@code name}, after checking that the agent wove it. */
    public static Task woven(String name) {
        Task w = new Workloads().create(name);
        AgentCheck.requireWoven(w.getClass());
        return w;
    }

    /** The plain copy of workload {@code name}, after checking that the agent left it alone. */
    public static Workload plain(String name) {
        try {
            Class<?> factory = PlainCopies.plainCopyOf(Workloads.class.getName());
            Workload w = ((Workload.Factory) factory.getConstructor().newInstance()).create(name);
            AgentCheck.requirePlain(w.getClass());
            return w;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load the plain copy of the workloads", e);
        }
    }
}
