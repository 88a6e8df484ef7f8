package io.jbeam.bench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * One implementation's figure for one row: the median of its measurement iterations (all forks) with their range,
 * rather than JMH's mean, because on a shared machine one disturbed iteration otherwise moves a ratio more than
 * the effect measured. An Erlang peer's score is the best of its self-timed runs ({@link #best}).
 *
 * @param median the score the tables and ratios use
 * @param min the lowest iteration
 * @param max the highest iteration
 * @param count how many iterations (or runs) it comes from; 0 for a best-of-runs figure that does not say
 * @param unit JMH's unit, such as {@code ns/op}
 * @param best true when {@code median} is a best-of-runs figure with no range
 */
record Score(double median, double min, double max, int count, String unit, boolean best) {

    /** The median and range of {@code values}. */
    static Score of(List<Double> values, String unit) {
        List<Double> v = new ArrayList<>(values);
        if (v.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        v.sort(null);
        int n = v.size();
        double median = n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
        return new Score(median, v.get(0), v.get(n - 1), n, unit, false);
    }

    /** A single self-timed figure (the best of {@code runs} runs, 0 if unknown). */
    static Score best(double value, int runs, String unit) {
        return new Score(value, value, value, runs, unit, true);
    }

    /** The same score in another unit; NaN figures if the units do not convert. */
    Score in(String other) {
        double f = Units.factor(unit, other);
        return new Score(median * f, min * f, max * f, count, other, best);
    }
}
