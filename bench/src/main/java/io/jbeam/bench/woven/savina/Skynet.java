package io.jbeam.bench.woven.savina;

import io.jbeam.Erlang;
import io.jbeam.term.Pid;

/**
 * The Skynet benchmark as processes: a node of size 1 sends its number to its parent; a larger node spawns ten
 * children that cover its numbers in ten equal parts, adds up what they send and sends the sum to its parent. The
 * root covers {@code 0 .. leaves - 1} ({@code leaves} a power of ten), so its sum is {@code leaves (leaves - 1) / 2}.
 */
public final class Skynet {
    static final int WIDTH = 10;

    private Skynet() {
    }

    /** The root node: its sum (a Long) goes to {@code result}. */
    public static Runnable main(int leaves, Pid result) {
        return node(0, leaves, result);
    }

    static Runnable node(long first, int size, Pid parent) {
        return () -> {
            if (size == 1) {
                Erlang.send(parent, first);
                return;
            }
            Pid self = Erlang.self();
            int part = size / WIDTH;
            for (int i = 0; i < WIDTH; i++) {
                Erlang.spawn(node(first + (long) i * part, part, self));
            }
            long sum = 0;
            for (int i = 0; i < WIDTH; i++) {
                sum += (Long) Erlang.receive();
            }
            Erlang.send(parent, sum);
        };
    }
}
