package io.jbeam.shapes;

import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/** Method references to this class (woven, capturable), to other classes and to the JDK (pinned, still correct). */
public class MethodRefs implements Shape {
    /**
     * An interface of this package, so woven: a call through it may reach a lambda's proxy that unboxes its argument
     * on the way to the woven body, so the capture must save the argument for the rewind to pass it again.
     */
    interface Doubler {
        int apply(Integer x);
    }

    private final String name = "m";

    private String greet(String who) {
        return name + ":" + Y.r(who);
    }

    private static int twice(int x) {
        return 2 * Y.i(x);
    }

    @Override
    public Object call() {
        Function<String, String> g = this::greet;
        ToIntFunction<Integer> t = MethodRefs::twice;
        Function<Integer, Integer> boxed = MethodRefs::twice;
        BiFunction<String, Integer, Character> charAt = String::charAt;
        Supplier<Object> other = Y::suspensions; // another class: runs pinned through its proxy
        Function<String, String> y = Y::r;
        Doubler unboxing = MethodRefs::twice;
        return g.apply("you") + t.applyAsInt(4) + boxed.apply(5) + charAt.apply("abc", Y.i(1))
                + (other.get() != null) + y.apply("q") + unboxing.apply(Y.i(6));
    }
}
