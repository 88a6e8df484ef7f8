package io.jbeam.vmtests.strict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbeam.Erlang;
import io.jbeam.term.Atom;
import io.jbeam.term.Pid;
import io.jbeam.term.Tuple;
import io.jbeam.vmtests.strict.excluded.CountingDecorator;
import io.jbeam.vmtests.strict.excluded.CountingHandler;
import java.lang.reflect.Proxy;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/**
 * A class the agent leaves unwoven ({@code exclude=io.jbeam.vmtests.strict.excluded}, see this module's pom) that
 * implements a woven interface and forwards to woven code of the same name, directly or as a proxy's invocation
 * handler: a receive under it must pin the process, not suspend it under a frame that cannot be captured (which
 * would run that frame again from its start when the process resumes).
 */
public class UnwovenSubtypePinningTest {
    private static final long BOUND_MS = 30_000;

    /** A woven interface. */
    public interface Service {
        Object next();
    }

    /** Woven: its next() receives. */
    static final class Receiver implements Service {
        @Override
        public Object next() {
            return Erlang.receive();
        }
    }

    @Test
    void aReceiveUnderAnExcludedDecoratorPinsAndTheDecoratorRunsOnce() {
        CountingDecorator decorator = new CountingDecorator(new Receiver());
        assertPinnedUnder(decorator, "CountingDecorator.next", () -> decorator.runs);
    }

    @Test
    void aReceiveUnderAProxyWithAnExcludedHandlerPinsAndTheHandlerRunsOnce() {
        CountingHandler handler = new CountingHandler(new Receiver());
        Service proxy = (Service) Proxy.newProxyInstance(Service.class.getClassLoader(),
                new Class<?>[] {Service.class}, handler);
        assertPinnedUnder(proxy, "CountingHandler.invoke", () -> handler.runs);
    }

    /**
     * A process calls {@code service.next()}, whose receive runs under the unwoven {@code frame}: strict mode must
     * report it pinned there, and once a message comes, the unwoven code must have run once ({@code runs}).
     */
    private static void assertPinnedUnder(Service service, String frame, IntSupplier runs) {
        Pid me = Erlang.self();
        Pid p = Erlang.spawn(() -> {
            Object got = service.next();
            Erlang.send(me, Tuple.of(Atom.of("got"), got, runs.getAsInt()));
        });
        String stack = PinningTest.awaitPinReport(p);
        assertTrue(stack.contains(frame), stack);
        Erlang.send(p, "hello");
        assertEquals(Tuple.of(Atom.of("got"), "hello", 1), Erlang.receive(BOUND_MS));
    }
}
