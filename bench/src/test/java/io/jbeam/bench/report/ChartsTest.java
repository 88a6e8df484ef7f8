package io.jbeam.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartsTest {
    private static Result ring(String impl, String processes, String type, double nanos) {
        return new Result("RingBenchmark", impl, List.of("processes", "type"), processes + "," + type, "25",
                Score.of(List.of(nanos), "ns/op"));
    }

    @Test
    void anImplementationsSecondVariantIsDashedRightAfterItsFirst() {
        List<Result> results = new ArrayList<>();
        for (String impl : List.of("virtualThreads", "jbeam")) {
            for (String type : List.of("hops", "spawnAndHops")) {
                results.add(ring(impl, "1000", type, 10));
                results.add(ring(impl, "100000", type, 20));
            }
        }
        LineChart chart = Charts.scaling(new RatioTable("RingBenchmark", results));
        assertNotNull(chart);
        List<String> names = new ArrayList<>();
        List<Boolean> dashed = new ArrayList<>();
        for (LineChart.Series s : chart.series()) {
            names.add(s.name());
            dashed.add(s.dashed());
        }
        assertEquals(4, names.size(), names.toString());
        assertEquals(List.of(false, true, false, true), dashed, names.toString());
        assertEquals(names.get(0).split(" \\(")[0], names.get(1).split(" \\(")[0], "a dashed line follows its own");
        assertEquals(names.get(2).split(" \\(")[0], names.get(3).split(" \\(")[0], "a dashed line follows its own");
    }
}
