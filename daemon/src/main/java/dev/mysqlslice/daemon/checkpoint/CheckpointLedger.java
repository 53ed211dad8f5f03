package dev.mysqlslice.daemon.checkpoint;

import dev.mysqlslice.daemon.binlog.BinlogPosition;
import dev.mysqlslice.daemon.binlog.SourceIdentity;
import dev.mysqlslice.daemon.dirty.TableChange;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds each checkpoint a daemon run writes: the run's own units at the position it synced, with
 * their pending changes and stopped tables; every other unit the checkpoint covered is written back
 * exactly as the run found it (its position, its pending changes, its stop), so a run limited with
 * {@code --table} never moves another table past changes it did not sync.
 */
public final class CheckpointLedger {

    private final String name;
    private final SourceIdentity identity;
    private final Set<String> selection;
    private final Optional<Checkpoint> found;

    private CheckpointLedger(String name, SourceIdentity identity, Collection<String> selection, Optional<Checkpoint> found) {
        this.name = name;
        this.identity = identity;
        this.selection = Set.copyOf(new LinkedHashSet<>(selection));
        this.found = found;
    }

    /** A run that starts over (no checkpoint, or one that cannot be continued): it covers exactly its units. */
    public static CheckpointLedger fresh(String name, SourceIdentity identity, Collection<String> selection) {
        return new CheckpointLedger(name, identity, selection, Optional.empty());
    }

    /** A run that continues {@code found} for {@code selection} on the source {@code now} (another one after a failover). */
    public static CheckpointLedger resumed(Checkpoint found, Collection<String> selection, SourceIdentity now) {
        return new CheckpointLedger(found.name(), now, selection, Optional.of(found));
    }

    /** The checkpoint to write once this run's units are synced up to {@code synced}. */
    public Checkpoint next(BinlogPosition synced, Map<String, TableChange> pending, DaemonStatus status) {
        Coverage coverage = found.map(old -> old.coverage().after(selection, old.position()))
                .orElseGet(() -> Coverage.of(selection));
        Map<String, TableChange> allPending = new LinkedHashMap<>();
        Map<String, String> stopped = new LinkedHashMap<>();
        found.ifPresent(old -> {
            old.pending().forEach((unit, change) -> {
                if (!selection.contains(unit) && coverage.covers(unit)) {
                    allPending.put(unit, change);
                }
            });
            old.status().stopped().forEach((unit, reason) -> {
                if (!selection.contains(unit) && coverage.covers(unit)) {
                    stopped.put(unit, reason);
                }
            });
        });
        allPending.putAll(pending);
        stopped.putAll(status.stopped());
        DaemonStatus merged = new DaemonStatus(status.lastEventMillis(), status.lastCycleMillis(), status.lastCycleTook(),
                status.lastCycleChanges(), status.cycles(), status.fullSyncs(), stopped, status.running(), status.lagMillis(),
                status.throttled());
        return new Checkpoint(name, identity, synced, coverage, allPending, merged, Instant.now());
    }
}
