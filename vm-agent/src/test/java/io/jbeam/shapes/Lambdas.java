package io.jbeam.shapes;

import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/** Lambdas called through JDK and application interfaces, capturing and not, static and instance. */
public class Lambdas implements Shape {
    /** An application functional interface. */
    public interface IntOp {
        int apply(int x);
    }

    private int base = 10;

    @Override
    public Object call() {
        StringBuilder sb = new StringBuilder();
        int[] box = {0};
        Runnable r = () -> box[0] += Y.i(5);
        r.run();
        r.run();
        Function<String, String> f = s -> s + Y.r("!") + base;
        Supplier<Integer> s = () -> Y.i(42);
        IntSupplier is = () -> Y.i(7) + base;
        IntOp op = x -> x * Y.i(3) + base;
        IntOp twice = x -> op.apply(op.apply(x));
        sb.append(box[0]).append(' ').append(f.apply("hi")).append(' ').append(s.get() + 1).append(' ')
                .append(is.getAsInt()).append(' ').append(twice.apply(2)).append(' ').append(compose(f, f).apply("x"));
        Function<Integer, Function<Integer, Integer>> curried = a -> b -> a * Y.i(b);
        sb.append(' ').append(curried.apply(6).apply(7));
        return sb.toString();
    }

    private static <A> Function<A, A> compose(Function<A, A> g, Function<A, A> h) {
        return x -> h.apply(g.apply(x));
    }
}
