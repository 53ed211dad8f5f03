package dev.mysqlslice.daemon.run;

import dev.mysqlslice.config.DaemonSettings;
import dev.mysqlslice.daemon.binlog.Availability;
import dev.mysqlslice.daemon.binlog.BinlogInspector;
import dev.mysqlslice.daemon.binlog.BinlogPosition;
import dev.mysqlslice.daemon.binlog.SourceIdentity;
import dev.mysqlslice.daemon.checkpoint.Checkpoint;
import dev.mysqlslice.daemon.checkpoint.CheckpointStore;
import dev.mysqlslice.jdbc.Session;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides where to start: with no checkpoint, remember the source's current position and sync
 * everything in full; with a checkpoint still readable on the source, continue from it; with one
 * that is not (purged, other server, beyond the end), say why in one WARN line, remember the
 * current position and sync everything in full.
 */
public final class StartPlanner {

    private static final Logger LOG = LoggerFactory.getLogger(StartPlanner.class);

    private final BinlogInspector inspector;
    private final CheckpointStore store;

    @Inject
    public StartPlanner(BinlogInspector inspector, CheckpointStore store) {
        this.inspector = inspector;
        this.store = store;
    }

    public Start decide(Session source, Session target, DaemonSettings settings) {
        inspector.checkPrerequisites(source);
        boolean gtid = inspector.useGtid(source, settings.position());
        SourceIdentity identity = inspector.identity(source);
        store.prepare(target);
        Optional<Checkpoint> saved = store.load(target, settings.checkpointName());
        if (saved.isEmpty()) {
            return fresh(source, gtid, identity, "there is no checkpoint yet");
        }
        Checkpoint checkpoint = saved.get();
        Availability availability = inspector.availability(source, checkpoint.identity(), checkpoint.position(), gtid);
        if (!availability.available()) {
            LOG.warn("cannot continue from checkpoint {}: {}; running a full range-hash sync, then following the binlog"
                    + " from its current end", checkpoint.position(), availability.reason());
            return fresh(source, gtid, identity, availability.reason());
        }
        LOG.info("continuing from checkpoint {}{}", checkpoint.position(),
                checkpoint.pending().isEmpty() ? "" : " with " + checkpoint.pending().size() + " table(s) pending");
        return new Start(checkpoint.position(), gtid, identity, false, "", checkpoint.pending());
    }

    /** The end of the source's binlog now. */
    public BinlogPosition currentEnd(Session source) {
        return inspector.currentPosition(source);
    }

    /** The source's current end, for a start with a full sync. */
    public Start fresh(Session source, boolean gtid, SourceIdentity identity, String reason) {
        BinlogPosition current = inspector.currentPosition(source);
        return new Start(current, gtid, identity, true, reason, Map.of());
    }
}
