package io.jbeam.scheduler;

import io.jbeam.term.Atom;
import io.jbeam.term.Tuple;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Turns how a process ended into its exit reason, prints Erlang's error report for crashes, and tells the
 * {@link ExitListener}s. Error reports go to stderr unless {@code -Djbeam.errorReports=false}.
 */
public final class ProcessExits {
    public static final Atom NORMAL = Atom.of("normal");
    private static final Atom FILE = Atom.of("file");
    private static final Atom LINE = Atom.of("line");
    private static final DateTimeFormatter REPORT_TIME =
            DateTimeFormatter.ofPattern("d-MMM-yyyy::HH:mm:ss.SSSSSS", Locale.ROOT);

    /** Copy-on-write: registered rarely (at start-up), read on every exit. */
    private static final CopyOnWriteArrayList<ExitListener> LISTENERS = new CopyOnWriteArrayList<>();

    private ProcessExits() {
    }

    public static void addListener(ExitListener listener) {
        LISTENERS.add(listener);
    }

    public static void removeListener(ExitListener listener) {
        LISTENERS.remove(listener);
    }

    /**
     * The exit reason of an uncaught throwable: an exit's reason as is; an error's {@code {Reason, Stack}}; any other
     * Java exception {@code {Exception, Stack}}, the exception object itself standing for the term.
     */
    public static Object reasonOf(Throwable t) {
        if (t instanceof TermException) {
            TermException te = (TermException) t;
            return te.isExitClass() ? te.reason() : Tuple.of(te.reason(), stackTerm(t));
        }
        return Tuple.of(t, stackTerm(t));
    }

    /** True when the error report is printed for this ending: errors, not exits. */
    static boolean isReported(Throwable t) {
        return !(t instanceof TermException && ((TermException) t).isExitClass());
    }

    /**
     * A stack in Erlang's shape: a list of {@code {Module, Function, Arity, [{file, F}, {line, L}]}}. The JVM does
     * not tell the arity of a frame, so it is 0... except that it is unknown; Erlang tools only print it.
     */
    public static List<Object> stackTerm(Throwable t) {
        StackTraceElement[] trace = t.getStackTrace();
        int n = Math.min(trace.length, 8);
        List<Object> frames = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StackTraceElement e = trace[i];
            List<Object> location = new ArrayList<>(2);
            if (e.getFileName() != null) location.add(Tuple.of(FILE, e.getFileName()));
            if (e.getLineNumber() >= 0) location.add(Tuple.of(LINE, (long) e.getLineNumber()));
            frames.add(Tuple.of(Atom.of(e.getClassName()), Atom.of(e.getMethodName()), 0L, location));
        }
        return frames;
    }

    static void report(ProcessControlBlock p, Object reason, Throwable cause) {
        if (!Boolean.parseBoolean(System.getProperty("jbeam.errorReports", "true"))) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        sb.append("=ERROR REPORT==== ").append(LocalDateTime.now().format(REPORT_TIME)).append(" ===\n");
        sb.append("Error in process ").append(p.pid()).append(" with exit value:\n");
        sb.append(reason).append('\n');
        if (!(cause instanceof TermException)) {
            java.io.StringWriter w = new java.io.StringWriter();
            cause.printStackTrace(new java.io.PrintWriter(w));
            sb.append(w);
        }
        System.err.print(sb);
    }

    static void notifyListeners(ProcessControlBlock p, Object reason) {
        for (ExitListener l : LISTENERS) {
            try {
                l.processExited(p, reason);
            } catch (Throwable t) {
                System.err.println("jbeam: exit listener " + l + " failed for " + p.pid() + ": " + t);
            }
        }
    }
}
