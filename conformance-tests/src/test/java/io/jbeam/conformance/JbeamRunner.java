package io.jbeam.conformance;

import io.jbeam.Erlang;
import io.jbeam.SpawnMonitor;
import io.jbeam.term.Atom;
import io.jbeam.term.Tuple;

/**
 * Runs a Java scenario as the escript does: in a fresh process spawned (with a monitor) from the test thread; a
 * scenario process that ends other than normal adds {@code {scenario_exit, Reason}} to the trace, as the escript's
 * main does.
 */
final class JbeamRunner {
    private static final long TIMEOUT_MS = 30_000;
    private static final Atom NORMAL = Atom.of("normal");

    private JbeamRunner() {
    }

    static String run(ScenarioCatalog.Body body) {
        Trace trace = new Trace();
        SpawnMonitor sm = Erlang.spawnMonitor(() -> body.run(trace));
        Object down = Erlang.receive(m -> ScenarioSupport.isDown(m, sm.ref()), TIMEOUT_MS);
        if (down == null) {
            Erlang.exit(sm.pid(), Atom.of("kill"));
            Erlang.demonitor(sm.ref(), true);
            trace.p(Tuple.of(Atom.of("scenario_timeout"), TIMEOUT_MS));
        } else {
            Object reason = ((Tuple) down).get(4);
            if (!NORMAL.equals(reason)) {
                trace.p(Tuple.of(Atom.of("scenario_exit"), reason));
            }
        }
        return trace.text();
    }
}
