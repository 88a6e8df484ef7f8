package io.jbeam.shapes;

import java.util.concurrent.TimeUnit;

/** invokedynamic string concatenation around yielding calls; switch on strings and enums. */
public class StringsAndSwitches implements Shape {
    enum Color { RED, GREEN, BLUE }

    @Override
    public Object call() {
        StringBuilder out = new StringBuilder();
        long l = 3;
        char c = 'c';
        for (String s : new String[] {"alpha", "beta", "gamma", "delta"}) {
            switch (Y.r(s)) {
                case "alpha": out.append("A" + Y.i(1) + c + l); break;
                case "beta": out.append("B" + Y.r("b") + Y.d(2.0)); break;
                case "gamma": out.append(Y.z(true) + "G" + Y.l(l)); break;
                default: out.append("?" + s + Y.f(1f));
            }
        }
        for (Color col : Color.values()) {
            switch (Y.r(col)) {
                case RED: out.append("r" + Y.i(col.ordinal())); break;
                case GREEN: out.append("g"); break;
                default: out.append("b" + col);
            }
        }
        for (TimeUnit u : new TimeUnit[] {TimeUnit.SECONDS, TimeUnit.DAYS}) {
            switch (u) {
                case SECONDS: out.append(Y.i(60)); break;
                default: out.append(u.name().charAt(0));
            }
        }
        return out.toString();
    }
}
