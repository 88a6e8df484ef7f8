package io.jbeam.bench.woven;

import io.jbeam.Erlang;
import io.jbeam.term.Atom;
import io.jbeam.term.Pid;
import io.jbeam.term.Ref;
import io.jbeam.term.Tuple;

/**
 * Process bodies of the selective receive benchmark (woven). A client with {@code queued} messages that nothing
 * matches in its mailbox calls a server, forever, one call at a time, and receives each reply selectively past them;
 * the server answers only as many calls as it is granted, so the benchmark thread meters the calls out.
 *
 * <ul>
 *   <li>a call is {@code {call, Client}}, answered with {@code pong}; or, tagged by reference,
 *       {@code {Ref, Client}} with {@code Ref} fresh from {@code make_ref()}, answered with {@code {Ref, pong}};</li>
 *   <li>a grant is an Integer {@code n}: the server answers the next {@code n} calls, then sends {@code n} back to
 *       the grantor; {@link #STOP} ends it;</li>
 *   <li>the queued messages are {@code {junk, I}}, which the client sends itself before its first call.</li>
 * </ul>
 */
public final class Selective {
    public static final Atom CALL = Atom.of("call");
    public static final Atom PONG = Atom.of("pong");
    public static final Atom JUNK = Atom.of("junk");
    public static final Atom STOP = Atom.of("stop");

    private Selective() {
    }

    /** Answers granted calls; reports each grant done to {@code grantor}. */
    public static Runnable server(Pid grantor) {
        return () -> {
            while (true) {
                Object grant = Erlang.receive(m -> m instanceof Integer || m == STOP);
                if (grant == STOP) {
                    return;
                }
                int n = (Integer) grant;
                for (int i = 0; i < n; i++) {
                    Tuple call = (Tuple) Erlang.receive(m -> m instanceof Tuple);
                    Object tag = call.get(0);
                    Erlang.send((Pid) call.get(1), tag == CALL ? PONG : Tuple.of(tag, PONG));
                }
                Erlang.send(grantor, n);
            }
        };
    }

    /**
     * Queues {@code queued} junk messages to itself, then calls {@code server} until killed: a fresh receive per
     * call, matching {@code pong}, or (when {@code byRef}) {@code {Ref, pong}} for a reference made just before.
     */
    public static Runnable client(Pid server, int queued, boolean byRef) {
        return () -> {
            Pid self = Erlang.self();
            for (int i = 0; i < queued; i++) {
                Erlang.send(self, Tuple.of(JUNK, i));
            }
            if (byRef) {
                while (true) {
                    Ref ref = Erlang.makeRef();
                    Erlang.send(server, Tuple.of(ref, self));
                    Erlang.receive(m -> m instanceof Tuple && ref.equals(((Tuple) m).get(0)));
                }
            }
            Tuple call = Tuple.of(CALL, self);
            while (true) {
                Erlang.send(server, call);
                Erlang.receive(m -> m == PONG);
            }
        };
    }
}
