package dev.mysqlslice.daemon.run;

import dev.mysqlslice.daemon.binlog.BinlogPosition;
import dev.mysqlslice.daemon.binlog.SourceIdentity;
import dev.mysqlslice.daemon.dirty.TableChange;
import java.util.Map;

/**
 * Where the daemon starts reading and what it must do first.
 *
 * @param position where to read the binlog from
 * @param gtid     whether to follow by GTID
 * @param identity the source server
 * @param fullSync whether every table must first be compared in full (no usable checkpoint)
 * @param reason   why a full sync is needed
 * @param pending  ranges the last run drained but did not sync
 */
public record Start(BinlogPosition position, boolean gtid, SourceIdentity identity, boolean fullSync, String reason,
                    Map<String, TableChange> pending) {

    public Start {
        pending = Map.copyOf(pending);
    }
}
