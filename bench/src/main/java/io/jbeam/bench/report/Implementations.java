package io.jbeam.bench.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Which implementations are jbeam and which are the peers it is compared with, told apart by name as the result
 * conventions name them: a JMH method is named after its implementation ({@code jbeam}, {@code virtualThreads},
 * {@code pekko}, {@code jdkContinuation}, {@code plain} for unwoven code) and an Erlang escript reports
 * {@code impl=erlang}. A method whose name is not a peer's is a jbeam variant ({@code woven}, {@code coroutine},
 * {@code spawnExit}, ...). Ratios are always jbeam variant / peer.
 */
final class Implementations {
    /** Peer name prefixes (lower case), in the order their columns appear. */
    private static final String[] PEERS = {"plain", "jdk", "virtualthread", "virtual-thread", "platformthread",
        "thread", "pekko", "akka", "erlang"};

    /** The jbeam variants that lead a table, in this order (JMH runs and lists methods alphabetically). */
    private static final List<String> JBEAM = List.of("jbeam", "woven", "process", "coroutine");

    private Implementations() {
    }

    static boolean isPeer(String impl) {
        return peerRank(impl) < PEERS.length;
    }

    /** jbeam variants first ({@link #JBEAM} first, then the others in the order given), then the peers. */
    static List<String> order(Collection<String> impls) {
        List<String> jbeam = new ArrayList<>();
        List<String> peers = new ArrayList<>();
        for (String i : impls) {
            (isPeer(i) ? peers : jbeam).add(i);
        }
        jbeam.sort(Comparator.comparingInt(Implementations::jbeamRank));
        peers.sort(Comparator.comparingInt(Implementations::peerRank));
        jbeam.addAll(peers);
        return jbeam;
    }

    /** A name for a chart legend: {@code virtualThreads} becomes "virtual threads", {@code erlang} "Erlang". */
    static String displayName(String impl) {
        String l = impl.toLowerCase(Locale.ROOT);
        if (l.startsWith("virtualthread") || l.startsWith("virtual-thread")) {
            return "virtual threads";
        }
        if (l.equals("erlang")) {
            return "Erlang";
        }
        if (l.equals("pekko")) {
            return "Pekko";
        }
        if (l.equals("jdkcontinuation")) {
            return "JDK continuation";
        }
        return impl;
    }

    private static int jbeamRank(String impl) {
        int i = JBEAM.indexOf(impl);
        return i < 0 ? JBEAM.size() : i;
    }

    private static int peerRank(String impl) {
        String l = impl.toLowerCase(Locale.ROOT);
        for (int i = 0; i < PEERS.length; i++) {
            if (l.startsWith(PEERS[i])) {
                return i;
            }
        }
        return PEERS.length;
    }
}
