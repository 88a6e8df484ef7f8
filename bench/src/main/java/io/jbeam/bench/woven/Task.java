package io.jbeam.bench.woven;

import io.jbeam.bench.Workload;

/**
 * A workload seen from woven code. The weaver treats a call as capturable only when the type it is made through is
 * woven, so process bodies call workloads through this interface (woven, in this package) rather than through
 * {@link Workload} (plain): through {@code Workload} the whole workload would run pinned, never preempted.
 */
public interface Task extends Workload {
}
