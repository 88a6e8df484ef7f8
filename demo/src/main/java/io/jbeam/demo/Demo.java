package io.jbeam.demo;

import java.lang.management.ManagementFactory;

/**
 * A short tour of jbeam, run as a plain application under the agent ({@code bin/demo}). Each part measures what it
 * shows on this machine and says what the figure means.
 */
public final class Demo {
    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        int processes = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Report out = new Report(System.out);
        out.title("jbeam: Erlang processes for plain Java code");
        out.line("JVM %s, %d cores, max heap %d MB, %d scheduler threads",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, Stats.schedulerCount());
        out.line("Every class of this demo is ordinary Java; the agent rewrote its bytecode at load time so that each");
        out.line("Runnable given to Erlang.spawn runs as a process: own mailbox, preempted after a budget of reductions,");
        out.line("its stack saved into the heap whenever it waits. No process is a Java thread.");

        new MillionProcesses(out, processes).run();
        new Ring(out, 10_000, 100).run();
        new Fairness(out).run();

        out.title("Done");
        var s = Stats.scheduler();
        out.line("scheduler threads %d (carrier threads in all %d), slices run %,d, suspensions %,d, steals %,d",
                s.schedulers(), s.carrierThreads(), s.slices(), s.suspensions(), s.steals());
        out.line("slices renewed because nothing else was waiting (no unwind, no rewind): %,d (%,d in place, unasked)",
                s.renewals(), s.renewalsInPlace());
        out.line("live threads in this JVM at the end: %d", ManagementFactory.getThreadMXBean().getThreadCount());
        System.exit(0);
    }
}
