package io.jbeam.conformance;

import io.jbeam.term.TermPrinter;

import java.util.ArrayList;
import java.util.List;

/**
 * What a Java scenario observes, one term a line, printed as Erlang's {@code ~w} prints it (the escripts print
 * with {@code io:format("~w~n", [T])}). Any process of the scenario may print; lines keep the order of the calls.
 */
public final class Trace {
    private final List<String> lines = new ArrayList<>();

    /** Prints one term on its own line. */
    public synchronized void p(Object term) {
        lines.add(TermPrinter.write(term));
    }

    /** The lines so far, joined by newlines, with a final newline (as the escript's output). */
    public synchronized String text() {
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            sb.append(line).append('\n');
        }
        return sb.toString();
    }
}
