package io.jbeam.term;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Orders checked against {@code lists:sort/1} on Erlang/OTP 25. */
class TermOrderTest {
    private static final Atom A = Atom.of("a");
    private static final Atom B = Atom.of("b");

    private static List<Object> sorted(Object... terms) {
        List<Object> l = new ArrayList<>(List.of(terms));
        Collections.shuffle(l, new java.util.Random(42));
        l.sort(TermOrder.ORDER);
        return l;
    }

    @Test
    void kindsInErlangOrder() {
        Ref ref = Ref.make();
        Pid pid = Pid.local(9);
        Object fun = new Object();
        List<Object> expected = List.of(0.5, 2, A, B, ref, fun, pid, Tuple.of(A), Tuple.of(A, B),
                Map.of(), List.of(), List.of(97, 98), List.of(A), "x");
        assertEquals(expected, sorted(B, 0.5, 2, Tuple.of(A), Tuple.of(A, B), Map.of(), List.of(), List.of(A),
                "x", ref, pid, fun, List.of(97, 98), A));
    }

    @Test
    void numbersByValue() {
        assertEquals(0, TermOrder.compareTerms(1, 1.0));
        assertEquals(0, TermOrder.compareTerms(1L, 1));
        assertEquals(0, TermOrder.compareTerms(0.0, -0.0));
        assertTrue(TermOrder.compareTerms(2, 1.5) > 0);
        assertTrue(TermOrder.compareTerms(1.5f, 2L) < 0);
        assertTrue(TermOrder.compareTerms(new BigInteger("100000000000000000000"), Long.MAX_VALUE) > 0);
        assertTrue(TermOrder.compareTerms(new BigInteger("100000000000000000000"), 1.0e19) > 0);
        assertTrue(TermOrder.compareTerms(9007199254740993L, 9007199254740992.0) > 0);
        assertTrue(TermOrder.compareTerms('a', 98) < 0);
        assertTrue(TermOrder.equal(1, 1.0));
        assertFalse(TermOrder.exactlyEqual(1, 1.0));
        assertTrue(TermOrder.exactlyEqual(1, 1L));
    }

    @Test
    void mapKeyOrderPutsIntegersBeforeFloats() {
        List<Object> keys = new ArrayList<>(List.of(1.0, 0.5, 2, 1));
        keys.sort(TermOrder.MAP_KEYS);
        assertEquals(List.of(1, 2, 0.5, 1.0), keys);
    }

    @Test
    void tuplesMapsListsBinaries() {
        // lists:sort([[a,b],[a],[b],{b},{a,a},#{a=>1},#{b=>0},#{a=>2},#{a=>1,b=>1}])
        assertEquals(List.of(Tuple.of(B), Tuple.of(A, A), Map.of(A, 1), Map.of(A, 2), Map.of(B, 0),
                        Map.of(A, 1, B, 1), List.of(A), List.of(A, B), List.of(B)),
                sorted(List.of(A, B), List.of(A), List.of(B), Tuple.of(B), Tuple.of(A, A), Map.of(A, 1),
                        Map.of(B, 0), Map.of(A, 2), Map.of(A, 1, B, 1)));
        // lists:sort([<<1>>, <<1,2>>, <<2>>, <<>>, <<255>>])
        assertEquals(List.of("", "\u0001", "\u0001\u0002", "\u0002", "\u00ff"),
                sorted("\u0001", "\u0001\u0002", "\u0002", "", "\u00ff"));
        assertEquals(0, TermOrder.compareTerms("abc", new byte[] {97, 98, 99}));
        assertEquals(0, TermOrder.compareTerms(Binary.utf8("\u00e9"), "\u00e9"));
        assertTrue(TermOrder.compareTerms(new byte[] {(byte) 200}, "a") > 0);
        // lists:sort([{1.0}, {0.5}, {1}, {2}]) keeps {1.0} before {1}: they are equal and the sort is stable
        assertEquals(List.of(Tuple.of(0.5), Tuple.of(1.0), Tuple.of(1), Tuple.of(2)),
                sortedStable(Tuple.of(1.0), Tuple.of(0.5), Tuple.of(1), Tuple.of(2)));
    }

    private static List<Object> sortedStable(Object... terms) {
        List<Object> l = new ArrayList<>(List.of(terms));
        l.sort(TermOrder.ORDER);
        return l;
    }

    @Test
    void javaStandIns() {
        assertEquals(0, TermOrder.compareTerms(true, Atom.TRUE));
        assertEquals(0, TermOrder.compareTerms(null, Atom.UNDEFINED));
        assertEquals(0, TermOrder.compareTerms(new IllegalStateException("x"),
                Tuple.of(Atom.of("java.lang.IllegalStateException"), "x")));
        assertEquals(TermKind.TUPLE, TermKind.of(new RuntimeException()));
        assertEquals(TermKind.NIL, TermKind.of(List.of()));
        assertEquals(TermKind.ATOM, TermKind.of(null));
    }

    @Test
    void atomsByCodePoint() {
        assertTrue(TermOrder.compareTerms(Atom.of("Z"), Atom.of("a")) < 0);
        assertTrue(TermOrder.compareTerms(Atom.of("ab"), Atom.of("abc")) < 0);
        assertTrue(TermOrder.compareTerms(Atom.of("\uffff"), Atom.of("\ud83d\ude00")) < 0);
    }
}
