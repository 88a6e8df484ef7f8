package io.jbeam.term;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TupleAtomPidTest {

    @Test
    void atomsAreInterned() {
        assertSame(Atom.of("ok"), Atom.of(new String("ok")));
        assertSame(Atom.OK, Atom.of("ok"));
        assertSame(Atom.TRUE, Atom.of(true));
        assertEquals("hello world", Atom.of("hello world").name());
        assertThrows(NullPointerException.class, () -> Atom.of((String) null));
    }

    @Test
    void tupleEqualityAndAccess() {
        Tuple t = Tuple.of(Atom.EXIT, Pid.local(42), Atom.NORMAL);
        assertEquals(Tuple.of(Atom.EXIT, Pid.local(42), Atom.NORMAL), t);
        assertEquals(t.hashCode(), Tuple.of(Atom.EXIT, Pid.local(42), Atom.NORMAL).hashCode());
        assertNotEquals(Tuple.of(Atom.EXIT, Pid.local(43), Atom.NORMAL), t);
        assertEquals(3, t.arity());
        assertSame(Atom.EXIT, t.get(0));
        assertEquals(List.of(Atom.EXIT, Pid.local(42), Atom.NORMAL), t.toList());
        assertTrue(t.isTagged(Atom.EXIT, 3));
        assertFalse(t.isTagged(Atom.EXIT, 2));
        assertFalse(t.isTagged(Atom.DOWN, 3));
        assertTrue(Tuple.isTagged(t, Atom.EXIT, 3));
        assertFalse(Tuple.isTagged("x", Atom.EXIT, 3));
        assertFalse(Tuple.of().isTagged(Atom.EXIT, 0));
        assertThrows(UnsupportedOperationException.class, () -> t.toList().set(0, Atom.OK));
    }

    @Test
    void tupleArities() {
        assertEquals(0, Tuple.of().arity());
        assertEquals(1, Tuple.of(Atom.OK).arity());
        assertEquals(2, Tuple.of(1, 2).arity());
        assertEquals(5, Tuple.of(1, 2, 3, 4, 5).arity());
        assertEquals(7, Tuple.of(1, 2, 3, 4, 5, 6, 7).arity());
        Object[] arr = {1, 2};
        Tuple fromArray = Tuple.of(arr);
        arr[0] = 9;
        assertEquals(Tuple.of(1, 2), fromArray);
        Object[] copy = fromArray.elements();
        copy[1] = 9;
        assertArrayEquals(new Object[] {1, 2}, fromArray.elements());
        assertEquals(Tuple.of(1, 2), Tuple.fromList(List.of(1, 2)));
        assertEquals(Tuple.of(), Tuple.fromList(List.of()));
    }

    @Test
    void pidsAndRefs() {
        assertEquals(Pid.local(5), Pid.local(5));
        assertEquals(5, Pid.local(5).number());
        assertTrue(Pid.local(5).compareTo(Pid.local(6)) < 0);
        assertThrows(IllegalArgumentException.class, () -> Pid.local(-1));
        Ref a = Ref.make();
        Ref b = Ref.make();
        assertNotEquals(a, b);
        assertTrue(a.compareTo(b) < 0);
        assertNotEquals(a.toString(), b.toString());
    }

    @Test
    void binaryEquality() {
        assertEquals(Binary.of((byte) 1, (byte) 2), Binary.of((byte) 1, (byte) 2));
        assertEquals(Binary.utf8("abc"), Binary.of((byte) 97, (byte) 98, (byte) 99));
        assertEquals("\u00e9", Binary.utf8("\u00e9").utf8String());
        assertEquals(2, Binary.utf8("\u00e9").size());
        assertEquals(0xC3, Binary.utf8("\u00e9").byteAt(0));
    }
}
