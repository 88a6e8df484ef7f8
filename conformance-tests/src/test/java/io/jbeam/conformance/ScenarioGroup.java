package io.jbeam.conformance;

/**
 * A class of scenarios. {@link #dispatch} calls the scenario method of that name directly (a switch, no reflection
 * and no method handle between the process entry and the scenario), so the scenario's process runs as woven code
 * throughout and suspends instead of pinning its carrier.
 */
interface ScenarioGroup {
    /** Runs the scenario method {@code method}; false when this group has no such method. */
    boolean dispatch(String method, Trace t);
}
