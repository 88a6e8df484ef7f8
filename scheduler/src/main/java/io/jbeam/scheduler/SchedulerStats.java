package io.jbeam.scheduler;

/**
 * A snapshot of scheduler counters (read racily: each number is recent, the set is not atomic).
 *
 * @param schedulers       scheduler count
 * @param carrierThreads   carrier threads created (schedulers plus spares)
 * @param pinnedCarriers   carriers detached right now with a pinned process
 * @param idleSpares       spare carriers waiting for a scheduler
 * @param handOffs         times a scheduler moved to a spare because its process blocked pinned
 * @param slices           slices run
 * @param suspensions      slices that ended in a suspension (preempted, yielded, receive, sleep)
 * @param renewals         budgets that ran out with nothing else to run, so the process went on with a fresh one
 * @param renewalsInPlace  of those, renewed from the scheduler's grant without asking it (counted when the slice ends)
 * @param steals           successful steals
 * @param stolenProcesses  processes migrated by steals
 * @param runnextHits      slices started from a runnext slot
 * @param parks            times an idle scheduler parked
 * @param queued           processes in run queues
 * @param processes        live processes
 */
public record SchedulerStats(int schedulers, int carrierThreads, int pinnedCarriers, int idleSpares, int handOffs,
                             long slices, long suspensions, long renewals, long renewalsInPlace, long steals,
                             long stolenProcesses, long runnextHits, long parks, int queued, int processes) {
}
