package io.jbeam.scheduler;

/**
 * Process priorities, as Erlang's. Max and high run strictly before the rest; low shares the normal band and gets
 * one turn in eight when both have work.
 */
public enum Priority {
    MAX, HIGH, NORMAL, LOW;

    private static final Priority[] VALUES = values();

    static Priority of(int ordinal) {
        return VALUES[ordinal];
    }
}
