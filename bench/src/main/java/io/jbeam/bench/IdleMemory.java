package io.jbeam.bench;

import io.jbeam.Erlang;
import io.jbeam.bench.woven.Bodies;
import io.jbeam.term.Atom;
import io.jbeam.term.Pid;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Memory per idle process: spawns N processes (default 1,000,000) that each tell the main process they are up and
 * then block in {@code receive}; measures the heap in use after full collections before and after, and prints the
 * difference per process, the JVM's live thread count, and the top of the class histogram (what a process is made
 * of). Run it under the agent, with a heap large enough for N processes:
 *
 * <pre>
 *   java -Xms4g -Xmx4g -javaagent:vm-agent/target/jbeam-agent.jar=include=io.jbeam.bench.woven \
 *        -cp bench/target/benchmarks.jar io.jbeam.bench.IdleMemory 1000000
 * </pre>
 *
 * Goal: under 1 KB per process (BEAM's is about 2.6 KB: 338 words of heap, stack and PCB on 64-bit). A standalone
 * main rather than a JMH benchmark, because retained memory is a single state to inspect, not a rate.
 */
public final class IdleMemory {
    private static final Atom READY = Atom.of("ready");
    private static final Atom STOP = Atom.of("stop");
    private static final int WARM_UP = 10_000;

    private IdleMemory() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        int histogramLines = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        AgentCheck.requireWoven(Bodies.class);
        Pid self = Erlang.self();
        int baseline = Erlang.processes().size();

        // Warm up the runtime (classes, JIT, table growth), then let those processes end.
        Pid[] warm = spawnIdle(self, WARM_UP);
        stopAll(warm, baseline);

        long before = usedHeapAfterGc();
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        long t0 = System.nanoTime();
        // The pids are kept to stop the processes afterwards; their array is subtracted below.
        Pid[] pids = spawnIdle(self, n);
        long spawnNanos = System.nanoTime() - t0;
        Thread.sleep(500); // the last processes go from sending 'ready' to blocking in receive
        long after = usedHeapAfterGc();
        int threads = ManagementFactory.getThreadMXBean().getThreadCount();
        long arrayBytes = 16 + 4L * n; // the pids array itself (compressed oops)
        double perProcess = (after - before - arrayBytes) / (double) n;

        System.out.printf(Locale.ROOT, "idle processes:          %,d (blocked in receive)%n", n);
        System.out.printf(Locale.ROOT, "spawn + first slice:     %,.0f ns per process (%,.0f per second)%n",
                spawnNanos / (double) n, n / (spawnNanos / 1e9));
        System.out.printf(Locale.ROOT, "heap used after GC:      %,d -> %,d bytes%n", before, after);
        System.out.printf(Locale.ROOT, "retained per process:    %,.0f bytes  (goal < 1024; BEAM ~2,600)%n",
                perProcess);
        System.out.printf(Locale.ROOT, "JVM threads:             %d before, %d with all alive%n", threadsBefore, threads);
        System.out.println("class histogram, top " + histogramLines + " (live objects):");
        System.out.println(histogram(histogramLines));

        long t1 = System.nanoTime();
        stopAll(pids, baseline);
        System.out.printf(Locale.ROOT, "stop (send + exit):      %,.0f ns per process%n",
                (System.nanoTime() - t1) / (double) n);
        System.out.printf(Locale.ROOT, "RESULT idle-memory processes=%d bytes_per_process=%.0f threads=%d spawn_ns=%.0f"
                + " jdk=%s%n", n, perProcess, threads, spawnNanos / (double) n,
                Runtime.version().toString().split("\\+")[0]);
    }

    /** Spawns {@code n} idle processes and waits until each has said it is up. */
    private static Pid[] spawnIdle(Pid self, int n) {
        Runnable body = Bodies.idle(self, READY);
        Pid[] pids = new Pid[n];
        int ready = 0;
        for (int i = 0; i < n; i++) {
            pids[i] = Erlang.spawn(body);
            // Drain as we go, so that the main mailbox never holds many messages.
            if ((i & 1023) == 1023) {
                while (ready < i - 4096) {
                    Erlang.receive();
                    ready++;
                }
            }
        }
        while (ready < n) {
            Erlang.receive();
            ready++;
        }
        return pids;
    }

    /** Stops the processes and waits (a minute at most) until only the {@code baseline} ones are left. */
    private static void stopAll(Pid[] pids, int baseline) throws InterruptedException {
        for (int i = 0; i < pids.length; i++) {
            Erlang.send(pids[i], STOP);
            pids[i] = null;
        }
        long deadline = System.nanoTime() + 60_000_000_000L;
        int live;
        while ((live = Erlang.processes().size()) > baseline) {
            if (System.nanoTime() > deadline) {
                System.out.println("warning: " + (live - baseline) + " processes still alive a minute after 'stop'");
                return;
            }
            Thread.sleep(10);
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /** The first lines of the live class histogram (as {@code jcmd PID GC.class_histogram}). */
    private static String histogram(int lines) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            Object out = server.invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "gcClassHistogram", new Object[] {new String[0]}, new String[] {String[].class.getName()});
            String[] all = String.valueOf(out).split("\n");
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < Math.min(all.length, lines + 2); i++) {
                sb.append(all[i]).append('\n');
            }
            return sb.toString();
        } catch (Exception e) {
            return "(no class histogram: " + e + ")";
        }
    }
}
