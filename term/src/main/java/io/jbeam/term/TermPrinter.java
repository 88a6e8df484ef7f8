package io.jbeam.term;

/** Prints terms in Erlang syntax. (Minimal; to be completed: quoting rules, lists, binaries, maps.) */
public final class TermPrinter {
    private TermPrinter() {
    }

    public static String print(Object term) {
        StringBuilder sb = new StringBuilder();
        append(sb, term);
        return sb.toString();
    }

    public static void append(StringBuilder sb, Object term) {
        if (term instanceof Atom) {
            sb.append(((Atom) term).name());
        } else if (term instanceof Tuple) {
            Tuple t = (Tuple) term;
            sb.append('{');
            for (int i = 0; i < t.arity(); i++) {
                if (i > 0) sb.append(',');
                append(sb, t.get(i));
            }
            sb.append('}');
        } else {
            sb.append(term);
        }
    }
}
