package dev.mysqlslice.daemon.run;

import dev.mysqlslice.daemon.binlog.BinlogPosition;
import dev.mysqlslice.daemon.binlog.SourceIdentity;
import dev.mysqlslice.daemon.checkpoint.CheckpointLedger;
import dev.mysqlslice.daemon.dirty.TableChange;
import java.util.Map;
import java.util.Set;

/**
 * Where the daemon starts reading and what it must do first.
 *
 * @param position where to read the binlog from
 * @param gtid     whether to follow by GTID
 * @param identity the source server
 * @param fullSync whether every table must first be compared in full (no usable checkpoint)
 * @param reason   why a full sync is needed
 * @param pending  changes of this run's units the last run drained but did not sync
 * @param newUnits units the checkpoint does not cover yet: each is compared in full first
 * @param stopped  units the last run stopped (their shapes differed), with the reason
 * @param ledger   builds the checkpoints this run writes
 */
public record Start(BinlogPosition position, boolean gtid, SourceIdentity identity, boolean fullSync, String reason,
                    Map<String, TableChange> pending, Set<String> newUnits, Map<String, String> stopped,
                    CheckpointLedger ledger) {

    public Start {
        pending = Map.copyOf(pending);
        newUnits = Set.copyOf(newUnits);
        stopped = Map.copyOf(stopped);
    }
}
