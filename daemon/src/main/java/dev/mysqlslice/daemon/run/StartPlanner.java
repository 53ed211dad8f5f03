package dev.mysqlslice.daemon.run;

import dev.mysqlslice.config.DaemonSettings;
import dev.mysqlslice.daemon.binlog.Availability;
import dev.mysqlslice.daemon.binlog.BinlogInspector;
import dev.mysqlslice.daemon.binlog.BinlogPosition;
import dev.mysqlslice.daemon.binlog.SourceIdentity;
import dev.mysqlslice.daemon.checkpoint.Checkpoint;
import dev.mysqlslice.daemon.checkpoint.CheckpointLedger;
import dev.mysqlslice.daemon.checkpoint.CheckpointStore;
import dev.mysqlslice.daemon.dirty.TableChange;
import dev.mysqlslice.jdbc.Session;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides where to start: with no checkpoint, remember the source's current position and sync
 * everything in full; with a checkpoint still readable on the source, continue from the oldest
 * position of the units this run syncs (comparing in full the units it does not cover yet); with
 * one that is not (purged, other server, beyond the end), say why in one WARN line, remember the
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

    public Start decide(Session source, Session target, DaemonSettings settings, Collection<String> units) {
        inspector.checkPrerequisites(source);
        boolean gtid = inspector.useGtid(source, settings.position());
        SourceIdentity identity = inspector.identity(source);
        store.prepare(target);
        Optional<Checkpoint> saved = store.load(target, settings.checkpointName());
        if (saved.isEmpty()) {
            return fresh(source, gtid, identity, settings, units, "there is no checkpoint yet");
        }
        Checkpoint checkpoint = saved.get();
        BinlogPosition from = checkpoint.coverage().startFor(units, checkpoint.position());
        Availability availability = inspector.availability(source, checkpoint.identity(), from, gtid);
        if (!availability.available()) {
            LOG.warn("cannot continue from checkpoint {}: {}; running a full range-hash sync, then following the binlog"
                    + " from its current end", from, availability.reason());
            return fresh(source, gtid, identity, settings, units, availability.reason());
        }
        Set<String> newUnits = new LinkedHashSet<>();
        Map<String, TableChange> pending = new LinkedHashMap<>();
        Map<String, String> stopped = new LinkedHashMap<>();
        for (String unit : units) {
            if (!checkpoint.coverage().covers(unit)) {
                newUnits.add(unit);
            }
            Optional.ofNullable(checkpoint.pending().get(unit)).ifPresent(change -> pending.put(unit, change));
            Optional.ofNullable(checkpoint.status().stopped().get(unit)).ifPresent(reason -> stopped.put(unit, reason));
        }
        LOG.info("continuing from checkpoint {}{}{}{}", from,
                from.equals(checkpoint.position()) ? "" : " (the oldest position of the tables this run syncs)",
                pending.isEmpty() ? "" : " with " + pending.size() + " table(s) pending",
                newUnits.isEmpty() ? "" : "; new to this checkpoint, compared in full first: " + String.join(", ", newUnits));
        return new Start(from, gtid, identity, false, "", pending, newUnits, stopped,
                CheckpointLedger.resumed(checkpoint, units, identity));
    }

    /** The end of the source's binlog now. */
    public BinlogPosition currentEnd(Session source) {
        return inspector.currentPosition(source);
    }

    private Start fresh(Session source, boolean gtid, SourceIdentity identity, DaemonSettings settings,
                        Collection<String> units, String reason) {
        BinlogPosition current = inspector.currentPosition(source);
        return new Start(current, gtid, identity, true, reason, Map.of(), Set.of(), Map.of(),
                CheckpointLedger.fresh(settings.checkpointName(), identity, units));
    }
}
