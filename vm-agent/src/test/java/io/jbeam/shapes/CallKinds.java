package io.jbeam.shapes;

/** Static, virtual, interface, private, super and default-method calls; varargs; inner and anonymous classes. */
public class CallKinds implements Shape {
    interface Greeter {
        String greet(String who);

        default String twice(String who) {
            return greet(who) + greet(Y.r(who));
        }
    }

    static class Base implements Greeter {
        public String greet(String who) {
            return "base:" + Y.r(who);
        }

        protected int value(int x) {
            return x + Y.i(1);
        }
    }

    static class Derived extends Base {
        @Override
        public String greet(String who) {
            return "derived(" + super.greet(who) + ")";
        }

        @Override
        protected int value(int x) {
            return super.value(x) * Y.i(2);
        }
    }

    class Inner {
        int read() {
            return field + Y.i(1);
        }
    }

    private int field = 40;

    private int priv(int x) {
        return Y.i(x) + 1;
    }

    static int stat(int x) {
        return Y.i(x) * 3;
    }

    static String varargs(String sep, Object... parts) {
        StringBuilder sb = new StringBuilder();
        for (Object p : parts) sb.append(Y.r(p)).append(sep);
        return sb.toString();
    }

    @Override
    public Object call() {
        Base b = new Derived();
        Greeter g = b;
        Greeter anon = new Greeter() {
            @Override
            public String greet(String who) {
                return "anon:" + Y.r(who) + field;
            }
        };
        return b.greet("x") + g.twice("y") + anon.twice("z") + b.value(3) + priv(4) + stat(5) + new Inner().read()
                + varargs(",", Y.i(1), "two", Y.l(3L)) + varargs(";");
    }
}
