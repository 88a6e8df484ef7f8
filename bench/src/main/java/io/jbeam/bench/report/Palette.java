package io.jbeam.bench.report;

import java.awt.Color;
import java.util.Locale;

/**
 * Line colours that keep to an implementation across charts: jbeam in blues (a darker one per further variant or
 * JDK), virtual threads orange, Erlang red, Pekko green; anything else from a fallback cycle.
 */
final class Palette {
    private static final Color[] JBEAM = {new Color(0x1f77b4), new Color(0x17becf), new Color(0x0b3d6b),
        new Color(0x6baed6)};
    private static final Color[] OTHER = {new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2),
        new Color(0x7f7f7f), new Color(0xbcbd22)};

    private int jbeam;
    private int other;

    /** The colour of the next series named {@code name}. */
    Color next(String name) {
        String l = name.toLowerCase(Locale.ROOT);
        if (l.startsWith("virtual")) {
            return new Color(0xff7f0e);
        }
        if (l.startsWith("erlang")) {
            return new Color(0xd62728);
        }
        if (l.startsWith("pekko") || l.startsWith("akka")) {
            return new Color(0x2ca02c);
        }
        if (Implementations.isPeer(name.split(" ")[0])) {
            return OTHER[other++ % OTHER.length];
        }
        return JBEAM[jbeam++ % JBEAM.length];
    }
}
