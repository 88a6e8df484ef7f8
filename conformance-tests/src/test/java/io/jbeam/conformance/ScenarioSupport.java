package io.jbeam.conformance;

import io.jbeam.Erlang;
import io.jbeam.ErlangError;
import io.jbeam.ErlangExit;
import io.jbeam.ErlangThrow;
import io.jbeam.term.Atom;
import io.jbeam.term.Ref;
import io.jbeam.term.TermOrder;
import io.jbeam.term.Tuple;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The helpers every scenario shares, the same as the ones at the end of each escript: {@code c} (catch into
 * {@code {caught, Class, Reason}}), {@code drain} (the whole queue, without waiting), {@code down} (wait for the DOWN of
 * a monitor, give its reason), {@code idle} (wait forever), {@code pause} ({@code receive after Ms}).
 */
public final class ScenarioSupport {
    private static final Atom CAUGHT = Atom.of("caught");
    private static final Atom THROW = Atom.of("throw");
    private static final Atom EXIT = Atom.of("exit");
    private static final Atom ERROR = Atom.of("error");
    private static final Atom DOWN = Atom.of("DOWN");
    private static final Atom EXIT_TAG = Atom.of("EXIT");

    private ScenarioSupport() {
    }

    /** A body whose value {@link #c} returns; a body calling a Java void built-in returns {@code true}, as Erlang's does. */
    @FunctionalInterface
    public interface TermBody {
        Object run();
    }

    public static Atom a(String name) {
        return Atom.of(name);
    }

    public static Tuple t(Object... elements) {
        return Tuple.of(elements);
    }

    public static List<Object> l(Object... elements) {
        return new ArrayList<>(Arrays.asList(elements));
    }

    /** {@code try F() catch Class:Reason -> {caught, Class, Reason} end}. */
    public static Object c(TermBody body) {
        try {
            return body.run();
        } catch (ErlangThrow e) {
            return Tuple.of(CAUGHT, THROW, e.value());
        } catch (ErlangExit e) {
            return Tuple.of(CAUGHT, EXIT, e.reason());
        } catch (ErlangError e) {
            return Tuple.of(CAUGHT, ERROR, e.reason());
        }
    }

    /** Every queued message, oldest first, without waiting. */
    public static List<Object> drain() {
        List<Object> all = new ArrayList<>();
        Object m;
        while ((m = Erlang.receive(0)) != null) {
            all.add(m);
        }
        return all;
    }

    /** {@code receive {'DOWN', R, process, _, W} -> W end}. */
    public static Object down(Ref r) {
        Tuple d = (Tuple) Erlang.receive(m -> isDown(m, r));
        return d.get(4);
    }

    public static boolean isDown(Object m, Ref r) {
        return m instanceof Tuple && ((Tuple) m).isTagged(DOWN, 5) && ((Tuple) m).get(1).equals(r);
    }

    /** True for {@code {'EXIT', From, _}}; a null {@code from} matches any sender. */
    public static boolean isExit(Object m, Object from) {
        return m instanceof Tuple && ((Tuple) m).isTagged(EXIT_TAG, 3)
                && (from == null || ((Tuple) m).get(1).equals(from));
    }

    /** True for a tuple whose first element is the atom {@code tag}. */
    public static boolean tagged(Object m, String tag) {
        return m instanceof Tuple && ((Tuple) m).arity() > 0 && ((Tuple) m).get(0).equals(Atom.of(tag));
    }

    /** {@code receive after infinity -> ok end}. */
    public static void idle() {
        while (true) {
            Erlang.receive(m -> false);
        }
    }

    /** {@code receive after Ms -> ok end}. */
    public static void pause(long ms) {
        Erlang.sleep(ms);
    }

    public static long nowUs() {
        return System.nanoTime() / 1000;
    }

    /** {@code lists:sort/1}. */
    public static List<Object> sorted(List<?> terms) {
        List<Object> copy = new ArrayList<>(terms);
        copy.sort(TermOrder::compareTerms);
        return copy;
    }

    /** Erlang's {@code false} for a timer BIF's -1, else the milliseconds. */
    public static Object msOrFalse(long ms) {
        return ms < 0 ? (Object) Boolean.FALSE : (Object) ms;
    }
}
