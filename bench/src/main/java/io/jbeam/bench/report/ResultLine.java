package io.jbeam.bench.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A machine-readable line of a program's output: {@code RESULT [kind] key=value key=value ...}. The Erlang peers of
 * the JMH classes print {@code RESULT class=C row=R impl=erlang score=S unit=U}; the fairness probe prints
 * {@code RESULT fairness impl=... p50_us=...}; the idle-memory count prints {@code RESULT idle-memory ...}. A peer
 * may add {@code runs=R}, the number of timed runs its score is the best of.
 *
 * @param kind the word after {@code RESULT} when it is not a {@code key=value} pair, else {@code ""}
 * @param fields the pairs, in order
 */
record ResultLine(String kind, Map<String, String> fields) {
    static final String PREFIX = "RESULT ";

    /** The line's kind and fields, or empty if it is not a RESULT line. */
    static Optional<ResultLine> parse(String line) {
        if (!line.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] words = line.substring(PREFIX.length()).trim().split("\\s+");
        String kind = "";
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < words.length; i++) {
            int eq = words[i].indexOf('=');
            if (eq > 0) {
                fields.put(words[i].substring(0, eq), words[i].substring(eq + 1));
            } else if (i == 0) {
                kind = words[i];
            }
        }
        return Optional.of(new ResultLine(kind, fields));
    }

    String get(String key) {
        String v = fields.get(key);
        if (v == null) {
            throw new IllegalArgumentException("RESULT line without " + key + ": " + fields);
        }
        return v;
    }

    double number(String key) {
        return Double.parseDouble(get(key));
    }

    /** An Erlang peer's score for a JMH class's row, when this is such a line. */
    Optional<Result> peerResult() {
        if (!kind.isEmpty() || !fields.containsKey("class")) {
            return Optional.empty();
        }
        int runs = fields.containsKey("runs") ? Integer.parseInt(fields.get("runs")) : 0;
        Score score = Score.best(number("score"), runs, get("unit"));
        return Optional.of(new Result(get("class"), get("impl"), java.util.List.of(),
                fields.getOrDefault("row", ""), "", score));
    }
}
