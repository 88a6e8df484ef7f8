package io.jbeam.scheduler;

/** Why a process unwound its stack and gave its scheduler thread back. */
public enum SuspendReason {
    /** Not suspended. */
    NONE,
    /** Its reduction budget ran out at a yield point: back to the end of its run queue. */
    PREEMPTED,
    /** It called yield(): back to the end of its run queue. */
    YIELDED,
    /** It waits for a message (receive), perhaps with a timeout armed. */
    RECEIVE,
    /** It sleeps until a timer fires. */
    SLEEP
}
