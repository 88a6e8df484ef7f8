package io.jbeam.term;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Erlang's term order over Java values read as terms (see {@link TermKind}):
 * {@code number < atom < reference < fun < port < pid < tuple < map < nil < list < bit string}.
 * Numbers compare by value across integer and float types; tuples by arity, then element by element; maps by
 * size, then keys, then values; lists element by element (a prefix first); binaries byte by byte.
 */
public final class TermOrder implements Comparator<Object> {
    /** The order of Erlang's {@code <} and {@code ==}: {@code 1 == 1.0}, {@code 0.0 == -0.0}. */
    public static final TermOrder ORDER = new TermOrder(false);
    /**
     * The exact order of map keys ({@code =:=}): like {@link #ORDER}, but every integer sorts before every
     * float, so {@code 1} and {@code 1.0} differ. Maps print their keys in this order.
     */
    public static final TermOrder MAP_KEYS = new TermOrder(true);

    private final boolean exact;

    private TermOrder(boolean exact) {
        this.exact = exact;
    }

    /** Compares as Erlang's term order ({@link #ORDER}). */
    public static int compareTerms(Object a, Object b) {
        return ORDER.compare(a, b);
    }

    /** Erlang's {@code ==}. */
    public static boolean equal(Object a, Object b) {
        return ORDER.compare(a, b) == 0;
    }

    /** Erlang's {@code =:=}. */
    public static boolean exactlyEqual(Object a, Object b) {
        return MAP_KEYS.compare(a, b) == 0;
    }

    @Override
    public int compare(Object x, Object y) {
        if (x == y) {
            return 0;
        }
        Object a = TermKind.canonical(x);
        Object b = TermKind.canonical(y);
        TermKind ka = TermKind.of(a);
        TermKind kb = TermKind.of(b);
        if (ka != kb) {
            return ka.compareTo(kb);
        }
        switch (ka) {
            case NUMBER: return compareNumbers(a, b);
            case ATOM: return compareCodePoints(((Atom) a).name(), ((Atom) b).name());
            case REFERENCE: return ((Ref) a).compareTo((Ref) b);
            case PID: return ((Pid) a).compareTo((Pid) b);
            case TUPLE: return compareTuples((Tuple) a, (Tuple) b);
            case MAP: return compareMaps((Map<?, ?>) a, (Map<?, ?>) b);
            case NIL: return 0;
            case LIST: return compareLists((List<?>) a, (List<?>) b);
            case BITSTRING: return compareBinaries(a, b);
            default: return compareOthers(a, b);
        }
    }

    private int compareNumbers(Object a, Object b) {
        boolean ia = TermKind.isInteger(a);
        boolean ib = TermKind.isInteger(b);
        if (ia && ib) {
            if (TermKind.isLongInteger(a) && TermKind.isLongInteger(b)) {
                return Long.compare(TermKind.longValue(a), TermKind.longValue(b));
            }
            return toBigInteger(a).compareTo(toBigInteger(b));
        }
        if (ia != ib && exact) {
            return ia ? -1 : 1;
        }
        if (!ia && !ib) {
            return compareDoubles(((Number) a).doubleValue(), ((Number) b).doubleValue());
        }
        return ia ? compareIntegerToDouble(a, ((Number) b).doubleValue())
                : -compareIntegerToDouble(b, ((Number) a).doubleValue());
    }

    private static int compareDoubles(double a, double b) {
        if (a < b) {
            return -1;
        } else if (a > b) {
            return 1;
        }
        return a == b ? 0 : Double.compare(a, b);
    }

    private static int compareIntegerToDouble(Object i, double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Double.compare(0, d);
        }
        if (TermKind.isLongInteger(i)) {
            long l = TermKind.longValue(i);
            if (Math.abs(l) < (1L << 53)) {
                return compareDoubles(l, d);
            }
            return new BigDecimal(l).compareTo(new BigDecimal(d));
        }
        return new BigDecimal(toBigInteger(i)).compareTo(new BigDecimal(d));
    }

    private static BigInteger toBigInteger(Object i) {
        return i instanceof BigInteger ? (BigInteger) i : BigInteger.valueOf(TermKind.longValue(i));
    }

    /** Compares by Unicode code point, which is also the order of the UTF-8 bytes. */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    private int compareTuples(Tuple a, Tuple b) {
        if (a.arity() != b.arity()) {
            return Integer.compare(a.arity(), b.arity());
        }
        for (int i = 0; i < a.arity(); i++) {
            int c = compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private int compareMaps(Map<?, ?> a, Map<?, ?> b) {
        if (a.size() != b.size()) {
            return Integer.compare(a.size(), b.size());
        }
        List<Map.Entry<?, ?>> ea = sortedEntries(a);
        List<Map.Entry<?, ?>> eb = sortedEntries(b);
        for (int i = 0; i < ea.size(); i++) {
            int c = MAP_KEYS.compare(ea.get(i).getKey(), eb.get(i).getKey());
            if (c != 0) {
                return c;
            }
        }
        for (int i = 0; i < ea.size(); i++) {
            int c = compare(ea.get(i).getValue(), eb.get(i).getValue());
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** The map's entries with keys in map key order ({@link #MAP_KEYS}). */
    static List<Map.Entry<?, ?>> sortedEntries(Map<?, ?> map) {
        List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
        entries.sort((x, y) -> MAP_KEYS.compare(x.getKey(), y.getKey()));
        return entries;
    }

    private int compareLists(List<?> a, List<?> b) {
        Iterator<?> ia = a.iterator();
        Iterator<?> ib = b.iterator();
        while (ia.hasNext() && ib.hasNext()) {
            int c = compare(ia.next(), ib.next());
            if (c != 0) {
                return c;
            }
        }
        return Boolean.compare(ia.hasNext(), ib.hasNext());
    }

    private static int compareBinaries(Object a, Object b) {
        if (a instanceof String && b instanceof String) {
            return compareCodePoints((String) a, (String) b);
        }
        return java.util.Arrays.compareUnsigned(bytesOf(a), bytesOf(b));
    }

    /** The bytes of a String (UTF-8), byte[] or Binary; not copied when it can be avoided. */
    static byte[] bytesOf(Object binary) {
        if (binary instanceof String) {
            return ((String) binary).getBytes(StandardCharsets.UTF_8);
        } else if (binary instanceof Binary) {
            return ((Binary) binary).bytes();
        }
        return (byte[]) binary;
    }

    private static int compareOthers(Object a, Object b) {
        int c = a.getClass().getName().compareTo(b.getClass().getName());
        if (c != 0) {
            return c;
        }
        if (a.equals(b)) {
            return 0;
        }
        return Integer.compare(System.identityHashCode(a), System.identityHashCode(b));
    }
}
