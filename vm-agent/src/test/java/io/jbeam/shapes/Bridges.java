package io.jbeam.shapes;

import java.util.Comparator;
import java.util.function.Function;

/** Generic bridges: calls through the erased signature reach the specific method through a woven bridge. */
public class Bridges implements Shape {
    interface Transformer<T> {
        T transform(T t);
    }

    static class Upper implements Transformer<String> {
        @Override
        public String transform(String s) {
            return Y.r(s).toUpperCase();
        }
    }

    static class Len implements Function<String, Integer> {
        @Override
        public Integer apply(String s) {
            return Y.i(s.length());
        }
    }

    static class ByLength implements Comparator<String> {
        @Override
        public int compare(String a, String b) {
            return Integer.compare(Y.i(a.length()), b.length());
        }
    }

    static <T> T viaErased(Transformer<T> t, T v) {
        return t.transform(t.transform(v));
    }

    @Override
    public Object call() {
        Function<String, Integer> len = new Len();
        return viaErased(new Upper(), "abc") + len.apply("four") + new ByLength().compare("aa", "b")
                + new Upper().transform("d");
    }
}
