package io.jbeam.suite.shapes;

import java.util.List;

/** Test-method shapes a trampoline must call: package-private owner and members, primitives, arrays, interfaces. */
class Shapes implements DefaultShapes {
    final StringBuilder log = new StringBuilder();

    void noArgs() {
        log.append("noArgs");
    }

    void primitives(int i, long l, double d, boolean z, char c, byte b, short s, float f) {
        log.append(i).append(',').append(l).append(',').append(d).append(',').append(z).append(',').append(c)
                .append(',').append(b).append(',').append(s).append(',').append(f);
    }

    protected void references(String s, int[] ints, List<String> list, Hidden hidden) {
        log.append(s).append(ints.length).append(list).append(hidden.name);
    }

    public List<String> factory() {
        return List.of("a", "b");
    }

    long wide() {
        return 7L;
    }

    void throwing() {
        throw new IllegalStateException("expected");
    }

    static final class Hidden {
        final String name;

        Hidden(String name) {
            this.name = name;
        }
    }
}
