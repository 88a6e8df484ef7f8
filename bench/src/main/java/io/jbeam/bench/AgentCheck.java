package io.jbeam.bench;

import java.lang.annotation.Annotation;

/**
 * Fails a benchmark fast, with the command to fix it, when its fork does not run under the agent or the agent did
 * not weave exactly the classes the benchmark expects: a weaving benchmark whose woven side is plain (or the
 * reverse) would otherwise report a meaningless ratio.
 */
public final class AgentCheck {
    /** The agent options every fork needs: weave the workload package, and only it. */
    public static final String AGENT_OPTIONS = "include=" + PlainCopies.WOVEN;

    /** How to run the benchmarks. */
    public static final String HOW = "run them with bench/run-bench, or pass the agent to the forks yourself:\n"
            + "  java -jar bench/target/benchmarks.jar -jvmArgsPrepend "
            + "\"-javaagent:vm-agent/target/jbeam-agent.jar=" + AGENT_OPTIONS + "\" ...";

    private static final String WOVEN_MARK = "io.jbeam.scheduler.Woven";

    private AgentCheck() {
    }

    /** Throws unless {@code c} was woven by the agent. */
    public static void requireWoven(Class<?> c) {
        if (!isWoven(c)) {
            throw new IllegalStateException(c.getName() + " was not woven. " + HOW);
        }
    }

    /** Throws if {@code c} was woven (it must run as plain code). */
    public static void requirePlain(Class<?> c) {
        if (isWoven(c)) {
            throw new IllegalStateException(c.getName() + " was woven but must stay plain: the agent options must "
                    + "leave " + PlainCopies.PLAIN + " alone (" + AGENT_OPTIONS + ")");
        }
    }

    static boolean isWoven(Class<?> c) {
        Class<? extends Annotation> mark = wovenMark();
        return c.isAnnotationPresent(mark);
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Annotation> wovenMark() {
        try {
            return (Class<? extends Annotation>) Class.forName(WOVEN_MARK, false, ClassLoader.getSystemClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the jbeam runtime is not loaded: this JVM runs without the agent. " + HOW);
        }
    }
}
