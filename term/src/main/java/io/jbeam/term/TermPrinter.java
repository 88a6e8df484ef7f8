package io.jbeam.term;

import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Prints Java values as Erlang terms (see {@link TermKind} for how each Java type reads), on one line.
 *
 * <p>{@link #print} gives what Erlang/OTP 25's {@code io_lib:format("~p", [T])} gives, without its line
 * breaks: a list of printable Latin-1 codes as a string ({@code "hi"}), a binary of printable Latin-1 bytes as
 * {@code <<"text">>}. {@link #write} gives {@code ~w}: lists and binaries always as numbers. Both print maps
 * as {@code #{a => 1,b => 2}} with keys in map key order, floats in their shortest form ({@code 0.1},
 * {@code 1.0e10}), and atoms quoted when needed ({@code 'EXIT'}). Like {@code ~p} (not {@code ~tp}), text is
 * Latin-1: a String with non-ASCII characters shows its UTF-8 bytes, as Erlang shows the same binary.
 */
public final class TermPrinter {
    private TermPrinter() {
    }

    /** The term as {@code ~p} prints it, on one line. */
    public static String print(Object term) {
        StringBuilder sb = new StringBuilder();
        append(sb, term);
        return sb.toString();
    }

    /** The term as {@code ~w} prints it. */
    public static String write(Object term) {
        StringBuilder sb = new StringBuilder();
        append(sb, term, false);
        return sb.toString();
    }

    /** Appends the term as {@code ~p} prints it, on one line. */
    public static void append(StringBuilder sb, Object term) {
        append(sb, term, true);
    }

    private static void append(StringBuilder sb, Object value, boolean pretty) {
        Object t = TermKind.canonical(value);
        if (t instanceof Atom) {
            sb.append(t);
        } else if (t instanceof Tuple) {
            Tuple tuple = (Tuple) t;
            sb.append('{');
            for (int i = 0; i < tuple.arity(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                append(sb, tuple.get(i), pretty);
            }
            sb.append('}');
        } else if (t instanceof Long || t instanceof Integer || t instanceof Short || t instanceof Byte
                || t instanceof BigInteger) {
            sb.append(t);
        } else if (t instanceof Character) {
            sb.append((int) (Character) t);
        } else if (t instanceof Double) {
            sb.append(ErlangFloat.format((Double) t));
        } else if (t instanceof Float) {
            sb.append(ErlangFloat.format((Float) t));
        } else if (t instanceof Pid || t instanceof Ref) {
            sb.append(t);
        } else if (t instanceof List) {
            appendList(sb, (List<?>) t, pretty);
        } else if (t instanceof Map) {
            appendMap(sb, (Map<?, ?>) t, pretty);
        } else if (t instanceof String || t instanceof byte[] || t instanceof Binary) {
            appendBinary(sb, TermOrder.bytesOf(t), pretty);
        } else {
            sb.append("#Java<").append(t.getClass().getName()).append('>');
        }
    }

    private static void appendList(StringBuilder sb, List<?> list, boolean pretty) {
        if (pretty && !list.isEmpty() && isPrintableList(list)) {
            sb.append('"');
            for (Object e : list) {
                AtomSyntax.appendQuotedChar(sb, (int) TermKind.longValue(e), '"');
            }
            sb.append('"');
            return;
        }
        sb.append('[');
        Iterator<?> it = list.iterator();
        while (it.hasNext()) {
            append(sb, it.next(), pretty);
            if (it.hasNext()) {
                sb.append(',');
            }
        }
        sb.append(']');
    }

    private static boolean isPrintableList(List<?> list) {
        for (Object e : list) {
            if (!(TermKind.isLongInteger(e) && AtomSyntax.isPrintableLatin1(TermKind.longValue(e)))) {
                return false;
            }
        }
        return true;
    }

    private static void appendMap(StringBuilder sb, Map<?, ?> map, boolean pretty) {
        sb.append("#{");
        boolean first = true;
        for (Map.Entry<?, ?> e : TermOrder.sortedEntries(map)) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            append(sb, e.getKey(), pretty);
            sb.append(" => ");
            append(sb, e.getValue(), pretty);
        }
        sb.append('}');
    }

    private static void appendBinary(StringBuilder sb, byte[] bytes, boolean pretty) {
        sb.append("<<");
        if (pretty && bytes.length > 0 && isPrintable(bytes)) {
            sb.append('"');
            for (byte b : bytes) {
                AtomSyntax.appendQuotedChar(sb, b & 0xFF, '"');
            }
            sb.append('"');
        } else {
            for (int i = 0; i < bytes.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(bytes[i] & 0xFF);
            }
        }
        sb.append(">>");
    }

    private static boolean isPrintable(byte[] bytes) {
        for (byte b : bytes) {
            if (!AtomSyntax.isPrintableLatin1(b & 0xFF)) {
                return false;
            }
        }
        return true;
    }
}
