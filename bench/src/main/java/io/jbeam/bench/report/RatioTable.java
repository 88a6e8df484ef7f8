package io.jbeam.bench.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The table of one benchmark class on one JDK: a row per {@code @Param} combination, a column per implementation
 * (its score, median and range), then a column per jbeam variant / peer ratio, and a geometric mean of each
 * ratio over the rows when there are several. Every score is shown in the unit of the class's JMH results.
 */
final class RatioTable {
    private final String title;
    private final String unit;
    private final List<String> paramNames;
    private final List<String> rows;
    private final List<String> impls;
    private final Map<String, Map<String, Score>> scores; // impl -> row -> score, in unit
    private final List<String[]> ratios = new ArrayList<>(); // {jbeam variant, peer}
    /** Indexes of the parameters that take one value in every row of several: stated once, not in each row. */
    private final List<Integer> constantParams = new ArrayList<>();

    /** @param results one class's results on one JDK, with its non-JVM peers' results */
    RatioTable(String title, List<Result> results) {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("no results for " + title);
        }
        this.title = title;
        Result first = results.stream().filter(r -> !r.jdk().isEmpty()).findFirst().orElse(results.get(0));
        this.unit = first.score().unit();
        this.paramNames = first.paramNames();
        Set<String> rowSet = new LinkedHashSet<>();
        Set<String> implSet = new LinkedHashSet<>();
        scores = new LinkedHashMap<>();
        for (Result r : results) {
            rowSet.add(r.row());
            implSet.add(r.impl());
            scores.computeIfAbsent(r.impl(), k -> new LinkedHashMap<>()).put(r.row(), r.score().in(unit));
        }
        rows = new ArrayList<>(rowSet);
        findConstantParams();
        impls = Implementations.order(implSet);
        for (String j : impls) {
            if (!Implementations.isPeer(j)) {
                for (String p : impls) {
                    if (Implementations.isPeer(p)) {
                        ratios.add(new String[] {j, p});
                    }
                }
            }
        }
    }

    private void findConstantParams() {
        if (rows.size() < 2 || paramNames.size() < 2) {
            return;
        }
        for (int i = 0; i < paramNames.size(); i++) {
            String value = null;
            boolean constant = true;
            for (String row : rows) {
                String[] values = row.split(",", -1);
                if (values.length != paramNames.size() || (value != null && !value.equals(values[i]))) {
                    constant = false;
                    break;
                }
                value = values[i];
            }
            if (constant) {
                constantParams.add(i);
            }
        }
        if (constantParams.size() == paramNames.size()) {
            constantParams.clear(); // rows that differ nowhere: keep them as they are
        }
    }

    /** A row as the table shows it: without the parameters every row shares. */
    String displayRow(String row) {
        return constantParams.isEmpty() ? row : String.join(",", withoutShared(Arrays.asList(row.split(",", -1))));
    }

    /** {@code perParam} (one item per parameter) without the items of the parameters every row shares. */
    private List<String> withoutShared(List<String> perParam) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < perParam.size(); i++) {
            if (!constantParams.contains(i)) {
                kept.add(perParam.get(i));
            }
        }
        return kept;
    }

    /** The parameters every row shares, as {@code name=value} (empty when none). */
    List<String> sharedParams() {
        List<String> out = new ArrayList<>();
        if (!constantParams.isEmpty()) {
            String[] values = rows.get(0).split(",", -1);
            for (int i : constantParams) {
                out.add(paramNames.get(i) + "=" + values[i]);
            }
        }
        return out;
    }

    String title() {
        return title;
    }

    String unit() {
        return unit;
    }

    List<String> paramNames() {
        return paramNames;
    }

    List<String> rows() {
        return rows;
    }

    List<String> impls() {
        return impls;
    }

    /** The score of {@code impl} for {@code row} in {@link #unit()}, or null. */
    Score score(String impl, String row) {
        return scores.getOrDefault(impl, Map.of()).get(row);
    }

    /** jbeam variant / peer for a row, or NaN when either is missing. */
    double ratio(String jbeam, String peer, String row) {
        Score j = score(jbeam, row);
        Score p = score(peer, row);
        if (j == null || p == null || !(p.median() > 0)) {
            return Double.NaN;
        }
        return j.median() / p.median();
    }

    /** The geometric mean of a ratio over the rows that have it, or NaN if none does. */
    double geomean(String jbeam, String peer) {
        double logs = 0;
        int n = 0;
        for (String row : rows) {
            double r = ratio(jbeam, peer, row);
            if (r > 0) {
                logs += Math.log(r);
                n++;
            }
        }
        return n == 0 ? Double.NaN : Math.exp(logs / n);
    }

    Table table() {
        List<String> header = new ArrayList<>();
        header.add(String.join(",", withoutShared(paramNames)));
        header.addAll(impls);
        for (String[] r : ratios) {
            header.add(r[0] + "/" + r[1]);
        }
        Table t = new Table(header);
        for (String row : rows) {
            List<String> cells = new ArrayList<>();
            cells.add(row.isEmpty() ? "(no parameters)" : displayRow(row));
            for (String i : impls) {
                Score s = score(i, row);
                cells.add(s == null ? "-" : Format.score(s));
            }
            for (String[] r : ratios) {
                cells.add(Format.ratio(ratio(r[0], r[1], row)));
            }
            t.add(cells);
        }
        if (rows.size() > 1 && !ratios.isEmpty()) {
            List<String> cells = new ArrayList<>();
            cells.add("**geomean**");
            for (int i = 0; i < impls.size(); i++) {
                cells.add("");
            }
            for (String[] r : ratios) {
                double g = geomean(r[0], r[1]);
                cells.add(Double.isNaN(g) ? "-" : "**" + Format.ratio(g) + "**");
            }
            t.add(cells);
        }
        return t;
    }

    /** What the figures are: unit, how a score is made, which way a ratio is better. */
    String caption() {
        StringBuilder sb = new StringBuilder(Units.describe(unit));
        if (!constantParams.isEmpty()) {
            sb.append("; every row with ").append(String.join(", ", sharedParams()));
        }
        int iterations = 0;
        int runs = -1;
        for (Map<String, Score> m : scores.values()) {
            for (Score s : m.values()) {
                if (s.best()) {
                    runs = Math.max(runs, s.count());
                } else {
                    iterations = Math.max(iterations, s.count());
                }
            }
        }
        if (iterations > 0) {
            sb.append("; JMH: median (and range) of ").append(iterations).append(iterations == 1 ? " iteration" : " iterations");
        }
        if (runs == 0) {
            sb.append("; self-timed peers: their best run");
        } else if (runs > 0) {
            sb.append("; self-timed peers: best of ").append(runs).append(runs == 1 ? " run" : " runs");
        }
        if (!ratios.isEmpty()) {
            sb.append(Units.lowerIsBetter(unit) ? "; a ratio below 1 means jbeam takes less time"
                    : "; a ratio above 1 means jbeam does more");
        }
        return sb.append('.').toString();
    }
}
