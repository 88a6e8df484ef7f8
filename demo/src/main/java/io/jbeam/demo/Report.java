package io.jbeam.demo;

import java.io.PrintStream;

/** Prints the tour: titled sections and indented lines a newcomer can read. */
final class Report {
    private final PrintStream out;

    Report(PrintStream out) {
        this.out = out;
    }

    void title(String title) {
        out.println();
        out.println("== " + title);
    }

    void line(String format, Object... args) {
        out.println("   " + String.format(format, args));
        out.flush();
    }
}
