package io.jbeam.shapes;

import java.util.ArrayList;
import java.util.List;

/**
 * Code that must not suspend: synchronized methods and blocks, and woven code reached through a JDK frame
 * ({@code list.forEach}). Yields there are no-ops; the result is still right. Each part returns how many
 * suspensions happened while it ran: always 0.
 */
public class Pinned implements Shape {
    private int counter;

    private synchronized long syncMethod() {
        long before = io.jbeam.scheduler.Fiber.current().suspensions();
        for (int i = 0; i < 50; i++) {
            counter += Y.i(1);
        }
        return io.jbeam.scheduler.Fiber.current().suspensions() - before;
    }

    private long syncBlock() {
        synchronized (this) {
            long before = io.jbeam.scheduler.Fiber.current().suspensions();
            for (int i = 0; i < 50; i++) {
                counter += Y.i(2);
            }
            return io.jbeam.scheduler.Fiber.current().suspensions() - before;
        }
    }

    @Override
    public Object call() {
        long a = syncMethod();
        long b = syncBlock();
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < 20; i++) list.add(i);
        long before = io.jbeam.scheduler.Fiber.current().suspensions();
        int[] sum = {0};
        list.forEach(x -> {
            io.jbeam.scheduler.Coroutine.yieldNow();
            sum[0] += Y.i(x);
        });
        long c = io.jbeam.scheduler.Fiber.current().suspensions() - before;
        Y.i(0); // suspends: not pinned any more
        return a + "," + b + "," + c + "," + counter + "," + sum[0];
    }
}
