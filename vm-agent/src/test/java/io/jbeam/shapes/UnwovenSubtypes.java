package io.jbeam.shapes;

import io.jbeam.shapes.excluded.Decorator;
import io.jbeam.shapes.excluded.Forwarder;
import io.jbeam.shapes.excluded.Overrider;

/**
 * Woven types with subtypes that load unwoven ({@code io.jbeam.shapes.excluded}, excluded from weaving) and forward to
 * woven code of the same name and descriptor: a decorator's {@code delegate.call(x)} and {@code delegate.toString()},
 * an override's {@code super.step(x)}, an interface's default method calling its target's. The woven caller's call
 * site stores the handshake of the method it names, so the forwarded-to code would take it for its own. That code
 * yields at its entry; it must run pinned, never suspending under the unwoven frame. The result records the sums, how
 * many times each unwoven method ran (once per call: a frame suspended under would run again from its start on
 * resume), and how often the forwarded-to code suspended.
 */
public class UnwovenSubtypes implements Shape {
    public interface Service {
        int call(int x);

        /** Declared here so that {@code s.toString()} names this woven interface, not {@code Object}. */
        @Override
        String toString();
    }

    public static class Impl implements Service {
        @Override
        public int call(int x) {
            return Y.inside(x) + 1;
        }

        @Override
        public String toString() {
            return "impl" + Y.inside(7);
        }
    }

    public static class Base {
        public int step(int x) {
            return Y.inside(x) * 2;
        }
    }

    /**
     * Woven, but its {@code call} is the default method of an unwoven interface. Its {@code target()} only reads a
     * field, so it is left unwoven and stores no handshake of its own on the way.
     */
    static final class Box implements Forwarder {
        final Service target = new Impl();
        final int[] forwarded = {0};

        @Override
        public Service target() {
            return target;
        }

        @Override
        public int[] forwarded() {
            return forwarded;
        }
    }

    @Override
    public Object call() {
        Y.suspendedInside = 0;
        Decorator d = new Decorator(new Impl());
        Service s = d;
        Overrider o = new Overrider();
        Base b = o;
        int sum = 0;
        Box box = new Box();
        Service f = box;
        for (int i = 0; i < 6; i++) {
            sum += s.call(i);
            sum += b.step(i);
            sum += f.call(i);
        }
        String text = s.toString();
        Y.i(0); // suspends: nothing is pinned any more
        return sum + " " + text + " calls=" + d.calls + " steps=" + o.steps + " strings=" + d.strings
                + " forwarded=" + box.forwarded[0] + " suspendedInside=" + Y.suspendedInside;
    }
}
