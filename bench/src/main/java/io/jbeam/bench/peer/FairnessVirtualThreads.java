package io.jbeam.bench.peer;

import io.jbeam.bench.Latencies;
import io.jbeam.bench.woven.Spin;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedTransferQueue;

/**
 * The fairness probe with virtual threads (JDK 21+), the same program as {@code io.jbeam.bench.Fairness}: an echo
 * thread and a driver thread, each with a {@link BlockingQueue} as its mailbox, then K spinners per carrier thread
 * (the same {@link Spin} loop, unwoven: run this without the agent), and 200 ms later the go message to the driver.
 * Virtual threads are not time-sliced: once the spinners hold every carrier, the driver does not run until
 * spinners end, at their deadline.
 *
 * <pre>
 *   /usr/lib/jvm/temurin-25-jdk-amd64/bin/java -cp bench/target/benchmarks.jar \
 *        io.jbeam.bench.peer.FairnessVirtualThreads [K=2] [N=2000] [spin seconds=3] [latencies file]
 * </pre>
 */
public final class FairnessVirtualThreads {
    private static final Object PONG = "pong";
    private static final int WARM = 2000;

    private FairnessVirtualThreads() {
    }

    public static void main(String[] args) throws Exception {
        int k = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        double spinSeconds = args.length > 2 ? Double.parseDouble(args[2]) : 3;
        VirtualThreads threads = new VirtualThreads();
        // The default scheduler's parallelism (jdk.virtualThreadScheduler.parallelism), as the JDK computes it.
        int carriers = Integer.getInteger("jdk.virtualThreadScheduler.parallelism",
                Runtime.getRuntime().availableProcessors());

        BlockingQueue<BlockingQueue<Object>> echoBox = new LinkedTransferQueue<>();
        BlockingQueue<Object> mainBox = new LinkedTransferQueue<>();
        BlockingQueue<Long> goBox = new LinkedTransferQueue<>();
        long[] latencies = new long[n];
        long[] ends = new long[n];
        threads.start(() -> {
            try {
                while (true) {
                    echoBox.take().put(PONG);
                }
            } catch (InterruptedException e) {
                // stopped
            }
        });
        threads.start(() -> {
            try {
                BlockingQueue<Object> box = new LinkedTransferQueue<>();
                for (int i = 0; i < WARM; i++) {
                    echoBox.put(box);
                    box.take();
                }
                mainBox.put("warm");
                long go = goBox.take();
                for (int i = 0; i < n; i++) {
                    long t0 = i == 0 ? go : System.nanoTime();
                    echoBox.put(box);
                    box.take();
                    long t1 = System.nanoTime();
                    latencies[i] = t1 - t0;
                    ends[i] = t1;
                }
                mainBox.put("done");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        mainBox.take();

        long start = System.nanoTime();
        long deadline = start + (long) (spinSeconds * 1e9);
        int spinners = k * carriers;
        long[] spinEnds = new long[spinners];
        Thread[] spinning = new Thread[spinners];
        for (int i = 0; i < spinners; i++) {
            int me = i;
            spinning[i] = threads.start(() -> {
                Spin.spin(deadline);
                spinEnds[me] = System.nanoTime();
            });
        }
        Thread.sleep(200);
        goBox.put(System.nanoTime());
        mainBox.take();
        long wall = System.nanoTime() - start;
        Spin.stop = true;
        long spinEnd = Long.MIN_VALUE;
        for (int i = 0; i < spinners; i++) {
            spinning[i].join();
            spinEnd = spinEnd == Long.MIN_VALUE || spinEnds[i] - spinEnd > 0 ? spinEnds[i] : spinEnd;
        }
        System.out.println("carriers: " + carriers + "; JDK " + Runtime.version());
        Latencies.print("virtual-threads", spinners, latencies, ends, spinEnd, wall, Latencies.file(args, 3));
        System.exit(0);
    }
}
