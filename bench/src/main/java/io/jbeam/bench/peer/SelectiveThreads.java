package io.jbeam.bench.peer;

import java.util.concurrent.BlockingQueue;

/**
 * The selective receive benchmark with a virtual thread per process (JDK 21+) and a {@link SelectiveMailbox} each:
 * the same client and server as {@code io.jbeam.bench.woven.Selective}. A call is {@code Object[] {tag, client's
 * mailbox}}; the tag is {@link #CALL}, answered with {@link #PONG}, or a fresh {@code new Object()} standing for a
 * reference, answered with {@code Object[] {tag, PONG}}. A grant is an Integer; the server sends it back to the
 * grantor's queue once it has answered that many calls.
 */
public final class SelectiveThreads {
    public static final Object CALL = "call";
    public static final Object PONG = "pong";
    public static final Object STOP = "stop";

    private final VirtualThreads threads = new VirtualThreads();

    /** Starts the server; {@link #STOP} in its mailbox ends it. */
    public void server(SelectiveMailbox in, BlockingQueue<Object> grantor) {
        threads.start(() -> {
            try {
                while (true) {
                    Object grant = in.receive(m -> m instanceof Integer || m == STOP);
                    if (grant == STOP) {
                        return;
                    }
                    int n = (Integer) grant;
                    for (int i = 0; i < n; i++) {
                        Object[] call = (Object[]) in.receive(m -> m instanceof Object[]);
                        Object tag = call[0];
                        ((SelectiveMailbox) call[1]).send(tag == CALL ? PONG : new Object[] {tag, PONG});
                    }
                    grantor.put(n);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /**
     * Starts the client: {@code queued} junk messages to itself, then calls until interrupted. Returns its thread.
     */
    public Thread client(SelectiveMailbox self, SelectiveMailbox server, int queued, boolean byRef) {
        return threads.start(() -> {
            try {
                for (int i = 0; i < queued; i++) {
                    self.send(new Object[] {"junk", i});
                }
                if (byRef) {
                    while (true) {
                        Object ref = new Object();
                        server.send(new Object[] {ref, self});
                        self.receive(m -> m instanceof Object[] && ((Object[]) m)[0] == ref);
                    }
                }
                Object[] call = {CALL, self};
                while (true) {
                    server.send(call);
                    self.receive(m -> m == PONG);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
