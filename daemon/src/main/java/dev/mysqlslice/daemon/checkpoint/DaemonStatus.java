package dev.mysqlslice.daemon.checkpoint;

import java.util.Map;

/**
 * What the daemon last reported about itself, kept with the checkpoint for {@code mysqlslice status}.
 *
 * @param lastEventMillis  source timestamp of the last binlog event applied (0 when none)
 * @param lastCycleMillis  when the last cycle finished (epoch millis; 0 when none)
 * @param lastCycleTook    how long the last cycle took, in milliseconds
 * @param lastCycleChanges rows inserted, updated and deleted by the last cycle
 * @param cycles           cycles run since the daemon started
 * @param fullSyncs        full range-hash syncs run since the daemon started
 * @param stopped          tables stopped by errors, with the error
 * @param running          whether a daemon was running when this was written
 * @param lagMillis        how far behind the source it was then: the age of the oldest change committed
 *                         on the source and not yet synced (0 when caught up)
 * @param throttled        why it was holding back its work on the source then; empty when it was not
 */
public record DaemonStatus(long lastEventMillis, long lastCycleMillis, long lastCycleTook, long lastCycleChanges,
                           long cycles, long fullSyncs, Map<String, String> stopped, boolean running, long lagMillis,
                           String throttled) {

    public DaemonStatus {
        stopped = Map.copyOf(stopped == null ? Map.of() : stopped);
        throttled = throttled == null ? "" : throttled;
    }

    public static DaemonStatus initial() {
        return new DaemonStatus(0, 0, 0, 0, 0, 0, Map.of(), false, 0, "");
    }
}
