package io.jbeam.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RatioTableTest {
    private static Result jmh(String impl, String row, double... iterations) {
        List<Double> v = new java.util.ArrayList<>();
        for (double d : iterations) {
            v.add(d);
        }
        return new Result("B", impl, List.of("n"), row, "25", Score.of(v, "ns/op"));
    }

    @Test
    void medianAndRangeOfIterations() {
        Score s = Score.of(List.of(5.0, 1.0, 3.0, 100.0), "ns/op");
        assertEquals(4.0, s.median());
        assertEquals(1.0, s.min());
        assertEquals(100.0, s.max());
        assertEquals(3.0, Score.of(List.of(3.0, 9.0, 1.0), "ns/op").median());
    }

    @Test
    void ratiosAreJbeamOverEachPeerWithAGeomean() {
        RatioTable t = new RatioTable("B", List.of(
                jmh("virtualThreads", "1", 200), jmh("jbeam", "1", 100), jmh("pekko", "1", 50),
                jmh("virtualThreads", "2", 100), jmh("jbeam", "2", 400), jmh("pekko", "2", 100),
                new Result("B", "erlang", List.of(), "2", "", Score.best(0.8, 10, "us/op"))));
        assertEquals(List.of("jbeam", "virtualThreads", "pekko", "erlang"), t.impls());
        assertEquals(0.5, t.ratio("jbeam", "virtualThreads", "1"), 1e-12);
        assertEquals(4.0, t.ratio("jbeam", "virtualThreads", "2"), 1e-12);
        assertEquals(0.5, t.ratio("jbeam", "erlang", "2"), 1e-12, "0.8 us/op is 800 ns/op");
        assertTrue(Double.isNaN(t.ratio("jbeam", "erlang", "1")));
        assertEquals(Math.sqrt(2), t.geomean("jbeam", "virtualThreads"), 1e-12);
        assertEquals(0.5, t.geomean("jbeam", "erlang"), 1e-12, "over the rows that have it");
        Table table = t.table();
        assertEquals(List.of("n", "jbeam", "virtualThreads", "pekko", "erlang", "jbeam/virtualThreads", "jbeam/pekko",
                "jbeam/erlang"), table.header());
        assertEquals(List.of("**geomean**", "", "", "", "", "**1.41x**", "**2.83x**", "**0.50x**"),
                table.rows().get(2));
        assertTrue(t.caption().contains("best of 10 runs"), t.caption());
    }

    @Test
    void aParameterEveryRowSharesIsStatedOnceInTheCaption() {
        List<String> names = List.of("program", "scale");
        RatioTable t = new RatioTable("Savina", List.of(
                new Result("S", "jbeam", names, "big,1.0", "25", Score.of(List.of(4.0), "ms/op")),
                new Result("S", "jbeam", names, "skynet,1.0", "25", Score.of(List.of(9.0), "ms/op")),
                new Result("S", "pekko", names, "big,1.0", "25", Score.of(List.of(2.0), "ms/op"))));
        Table table = t.table();
        assertEquals("program", table.header().get(0));
        assertEquals("big", table.rows().get(0).get(0));
        assertEquals("skynet", table.rows().get(1).get(0));
        assertEquals(2.0, t.ratio("jbeam", "pekko", "big,1.0"), 1e-12, "scores are still found by the full row");
        assertTrue(t.caption().contains("every row with scale=1.0"), t.caption());
        RatioTable varying = new RatioTable("Savina", List.of(
                new Result("S", "jbeam", names, "big,1.0", "25", Score.of(List.of(4.0), "ms/op")),
                new Result("S", "jbeam", names, "skynet,0.5", "25", Score.of(List.of(2.0), "ms/op"))));
        assertEquals("program,scale", varying.table().header().get(0));
        assertEquals("skynet,0.5", varying.table().rows().get(1).get(0));
        assertFalse(varying.caption().contains("every row"), varying.caption());
    }

    @Test
    void noRatiosWithoutAPeer() {
        RatioTable t = new RatioTable("B", List.of(jmh("spawnExit", "1", 1), jmh("spawnReply", "1", 2)));
        assertEquals(List.of("n", "spawnExit", "spawnReply"), t.table().header());
    }

    @Test
    void unitsConvert() {
        assertEquals(1000, Units.factor("us/op", "ns/op"), 1e-9);
        assertEquals(1e-6, Units.factor("ns/op", "ms/op"), 1e-18);
        assertEquals(1000, Units.factor("ops/ms", "ops/s"), 1e-9);
        assertTrue(Double.isNaN(Units.factor("ops/ms", "ns/op")));
    }

    @Test
    void resultLines() {
        ResultLine l = ResultLine.parse("RESULT class=RingBenchmark row=10,a impl=erlang score=1.5 unit=ns/op").orElseThrow();
        Result r = l.peerResult().orElseThrow();
        assertEquals("RingBenchmark", r.benchmark());
        assertEquals("10,a", r.row());
        assertEquals(1.5, r.score().median());
        ResultLine f = ResultLine.parse("RESULT fairness impl=jbeam p50_us=1.0").orElseThrow();
        assertEquals("fairness", f.kind());
        assertTrue(f.peerResult().isEmpty());
        assertTrue(ResultLine.parse("jbeam: 1 spinner").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> f.get("p99_us"));
    }

    @Test
    void jsonAsJmhWritesIt() {
        Object v = Json.parse("[{\"a\" : \"NaN\", \"b\" : [1, 2.5e3, -3], \"c\" : {}, \"d\" : \"x\\\"y\\u00b5\", \"e\" : null}]");
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) ((List<Object>) v).get(0);
        assertTrue(Double.isNaN(Json.number(m.get("a"))));
        assertEquals(List.of(1.0, 2500.0, -3.0), m.get("b"));
        assertEquals("x\"yµ", m.get("d"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[1, 2"));
    }
}
