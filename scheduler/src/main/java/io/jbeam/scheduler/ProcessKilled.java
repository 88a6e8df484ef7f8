package io.jbeam.scheduler;

/**
 * Unwinds a process that an exit signal has ended while it runs code that cannot suspend (a built-in, a pinned
 * frame, a plain thread). An Error, so that {@code catch (Exception e)} in user code does not swallow it; a process
 * that catches it anyway still ends at its next scheduling point, with the same reason.
 */
public final class ProcessKilled extends Error implements TermException {
    private static final long serialVersionUID = 1L;

    private final transient Object reason;

    ProcessKilled(Object reason) {
        super(String.valueOf(reason), null, false, false);
        this.reason = reason;
    }

    @Override
    public Object reason() {
        return reason;
    }

    @Override
    public boolean isExitClass() {
        return true;
    }
}
