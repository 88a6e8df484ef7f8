package io.jbeam.bench;

import io.jbeam.Erlang;
import io.jbeam.bench.woven.Messaging;
import io.jbeam.bench.woven.Spin;
import io.jbeam.scheduler.VmConfig;
import io.jbeam.term.Pid;

/**
 * The fairness probe: what preemption is worth. An echo process and a driver process that sends it pings one at
 * a time; once the driver is warm, K CPU-bound spinners per scheduler (a loop with no calls, {@link Spin}) start,
 * and, 200 ms later, the driver is told to time N more round trips while they spin (the first timed from that
 * message). Prints p50, p99 and max of the round trips and how many
 * ended while the spinners ran. The spinners stop when the driver is done, or at their deadline.
 *
 * <pre>
 *   java -javaagent:vm-agent/target/jbeam-agent.jar=include=io.jbeam.bench.woven \
 *        -cp bench/target/benchmarks.jar io.jbeam.bench.Fairness [K=2] [N=2000] [spin seconds=3] [latencies file]
 * </pre>
 *
 * Peers: {@code io.jbeam.bench.peer.FairnessVirtualThreads} (JDK 21+, same arguments) and
 * {@code bench/src/main/erlang/fairness.escript}.
 */
public final class Fairness {
    static final int WARM = 2000;

    private Fairness() {
    }

    public static void main(String[] args) throws Exception {
        int k = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        double spinSeconds = args.length > 2 ? Double.parseDouble(args[2]) : 3;
        AgentCheck.requireWoven(Messaging.class);
        int schedulers = VmConfig.get().schedulers();
        Pid self = Erlang.self();

        long[] latencies = new long[n];
        long[] ends = new long[n];
        Pid echo = Erlang.spawn(Messaging.echo());
        Pid driver = Erlang.spawn(Messaging.fairnessDriver(echo, self, WARM, latencies, ends));
        expect(Messaging.WARM);

        long start = System.nanoTime();
        long deadline = start + (long) (spinSeconds * 1e9);
        int spinners = k * schedulers;
        for (int i = 0; i < spinners; i++) {
            Erlang.spawn(Messaging.spinner(deadline));
        }
        Thread.sleep(200);
        Erlang.send(driver, System.nanoTime());
        expect(Messaging.DONE);
        long wall = System.nanoTime() - start;
        Spin.stop = true;
        long spinEnd = Math.min(System.nanoTime(), deadline);
        Erlang.send(echo, Messaging.STOP);
        Latencies.print("jbeam", spinners, latencies, ends, spinEnd, wall, Latencies.file(args, 3));
        System.exit(0);
    }

    private static void expect(Object what) {
        Object m = Erlang.receive();
        if (!what.equals(m)) {
            throw new IllegalStateException("expected " + what + ", got " + m);
        }
    }
}
