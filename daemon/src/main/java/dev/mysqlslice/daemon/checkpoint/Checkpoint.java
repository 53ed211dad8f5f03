package dev.mysqlslice.daemon.checkpoint;

import dev.mysqlslice.daemon.binlog.BinlogPosition;
import dev.mysqlslice.daemon.binlog.SourceIdentity;
import dev.mysqlslice.daemon.dirty.TableChange;
import java.time.Instant;
import java.util.Map;

/**
 * How far the target is in step with the source: every change up to {@code position} has been
 * synced for the units it covers (some of them only up to an older position of their own, see
 * {@link Coverage}), except the {@code pending} ranges, which were drained but not yet synced. A
 * restart syncs the pending ranges and reads the binlog from the oldest position of the units it
 * runs for, so a crash at any moment replays and never skips.
 */
public record Checkpoint(String name, SourceIdentity identity, BinlogPosition position, Coverage coverage,
                         Map<String, TableChange> pending, DaemonStatus status, Instant updatedAt) {

    public Checkpoint {
        pending = Map.copyOf(pending);
    }

    public Checkpoint withPosition(BinlogPosition newPosition) {
        return new Checkpoint(name, identity, newPosition, coverage, pending, status, updatedAt);
    }

    public Checkpoint withPending(Map<String, TableChange> newPending) {
        return new Checkpoint(name, identity, position, coverage, newPending, status, updatedAt);
    }

    public Checkpoint withStatus(DaemonStatus newStatus) {
        return new Checkpoint(name, identity, position, coverage, pending, newStatus, updatedAt);
    }
}
