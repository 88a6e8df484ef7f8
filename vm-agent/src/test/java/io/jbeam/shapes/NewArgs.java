package io.jbeam.shapes;

import java.util.ArrayList;
import java.util.List;

/** {@code new T(<yielding args>)} and nested constructions: the uninitialized object must not be saved. */
public class NewArgs implements Shape {
    static final class Box {
        final Object value;
        final long extra;

        Box(Object value, long extra) {
            this.value = value;
            this.extra = extra;
        }

        Box(int v) {
            this(Integer.valueOf(v), Y.l(v * 2L));
        }

        @Override
        public String toString() {
            return "Box(" + value + "," + extra + ")";
        }
    }

    @Override
    public Object call() {
        List<Object> out = new ArrayList<>();
        out.add(new Box(Y.r("a"), Y.l(1)));
        out.add(new Box(new Box(Y.i(2)), Y.l(3)));
        out.add(new Box(new Box(new StringBuilder(Y.r("sb")).append(Y.i(4)), 5), new Box(Y.i(6)).extra));
        int k = Y.i(1) > 0 ? new Box(Y.i(7)).toString().length() : 0;
        out.add(k);
        out.add(new Box(Y.z(true) ? Y.r("t") : "f", 8));
        return out.toString();
    }
}
