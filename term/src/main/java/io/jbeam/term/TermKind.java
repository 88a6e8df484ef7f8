package io.jbeam.term;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * The kinds of Erlang term, declared in Erlang's term order:
 * {@code number < atom < reference < fun < port < pid < tuple < map < nil < list < bit string}.
 *
 * <p>How Java values read as terms: {@code Long}, {@code Integer}, {@code Short}, {@code Byte},
 * {@code BigInteger} and {@code Character} (its code) are integers; {@code Double} and {@code Float} are floats;
 * {@code Boolean} is the atom {@code true} or {@code false}; {@code null} is the atom {@code undefined} (Java
 * null is not a term, and {@code undefined} is Erlang's word for "no value"); a {@code java.util.List} is a
 * proper list; a {@code java.util.Map} is a map; a {@code String} (as UTF-8), a {@code byte[]} and a
 * {@link Binary} are binaries; an {@link AsTerm} is the term it stands for; any other {@code Throwable} is
 * {@code {'java.lang.IllegalStateException',<<"message">>}} ({@code undefined} when it has no message); any
 * other Java object is ranked with funs and printed {@code #Java<ClassName>}.
 */
public enum TermKind {
    NUMBER, ATOM, REFERENCE, FUN, PORT, PID, TUPLE, MAP, NIL, LIST, BITSTRING;

    /** The kind of term {@code value} reads as. */
    public static TermKind of(Object value) {
        Object t = canonical(value);
        if (isInteger(t) || t instanceof Double || t instanceof Float) {
            return NUMBER;
        } else if (t instanceof Atom) {
            return ATOM;
        } else if (t instanceof Ref) {
            return REFERENCE;
        } else if (t instanceof Pid) {
            return PID;
        } else if (t instanceof Tuple) {
            return TUPLE;
        } else if (t instanceof Map) {
            return MAP;
        } else if (t instanceof List) {
            return ((List<?>) t).isEmpty() ? NIL : LIST;
        } else if (t instanceof String || t instanceof byte[] || t instanceof Binary) {
            return BITSTRING;
        }
        return FUN;
    }

    /**
     * The value with its Java-only forms replaced by the term they read as: null and Boolean by atoms,
     * an {@link AsTerm} by its term, a Throwable by its tuple. Other values are returned as they are.
     */
    static Object canonical(Object value) {
        if (value == null) {
            return Atom.UNDEFINED;
        } else if (value instanceof Boolean) {
            return Atom.of((Boolean) value);
        } else if (value instanceof AsTerm) {
            Object t = ((AsTerm) value).asTerm();
            return t instanceof AsTerm ? t : canonical(t);
        } else if (value instanceof Throwable) {
            Throwable e = (Throwable) value;
            String message = e.getMessage();
            return Tuple.of(Atom.of(e.getClass().getName()), message != null ? message : Atom.UNDEFINED);
        }
        return value;
    }

    static boolean isInteger(Object t) {
        return t instanceof Long || t instanceof Integer || t instanceof Short || t instanceof Byte
                || t instanceof Character || t instanceof BigInteger;
    }

    /** The value of an integer that fits a long; {@code t} is an integer other than a big BigInteger. */
    static long longValue(Object t) {
        return t instanceof Character ? (Character) t : ((Number) t).longValue();
    }

    /** True if {@code t} is an integer whose value fits a long. */
    static boolean isLongInteger(Object t) {
        return isInteger(t) && !(t instanceof BigInteger && ((BigInteger) t).bitLength() > 63);
    }
}
