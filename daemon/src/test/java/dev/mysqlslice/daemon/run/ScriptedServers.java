package dev.mysqlslice.daemon.run;

import dev.mysqlslice.config.DaemonSettings;
import dev.mysqlslice.daemon.binlog.BinlogPosition;
import dev.mysqlslice.daemon.cascade.CascadeGraph;
import dev.mysqlslice.daemon.checkpoint.Checkpoint;
import dev.mysqlslice.daemon.dirty.CascadeChange;
import dev.mysqlslice.daemon.dirty.DirtyTracker;
import dev.mysqlslice.daemon.dirty.TableChange;
import dev.mysqlslice.daemon.monitor.DaemonMetrics;
import dev.mysqlslice.model.TablePlan;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@link DaemonServers} a test scripts: the start, the source's end position, failures and locked
 * units per call, shape checks per unit; it records every sync and every checkpoint written.
 */
final class ScriptedServers implements DaemonServers {

    Start start;
    BinlogPosition end;
    final List<Map<String, TableChange>> syncs = new ArrayList<>();
    final List<Checkpoint> saved = new ArrayList<>();
    /** What the next syncs throw, one per sync (they succeed once it is empty). */
    final Deque<RuntimeException> syncFailures = new ArrayDeque<>();
    /** What the next successful syncs could not finish (retry) or had to stop (unit -> reason), one per sync. */
    final Deque<CycleRunner.Result> results = new ArrayDeque<>();
    /** The units still locked at the next barriers, one set per cycle (none once it is empty). */
    final Deque<Set<String>> locked = new ArrayDeque<>();
    /** Each unit's shape check. */
    final Map<String, ShapeWatcher.Check> shapes = new LinkedHashMap<>();
    final List<Collection<String>> shapeChecks = new ArrayList<>();
    /** Runs after each successful sync with its changes. */
    Consumer<Map<String, TableChange>> afterSync = changes -> { };
    /** Runs after each lease renewal. */
    Runnable afterRenew = () -> { };
    int renewals;
    int resets;
    boolean closed;

    ScriptedServers(Start start, BinlogPosition end) {
        this.start = start;
        this.end = end;
    }

    /** The positions of the checkpoints written, oldest first. */
    List<BinlogPosition> savedPositions() {
        return saved.stream().map(Checkpoint::position).toList();
    }

    Checkpoint lastSaved() {
        return saved.get(saved.size() - 1);
    }

    @Override
    public Start decide(DaemonSettings settings, List<String> units) {
        return start;
    }

    @Override
    public CascadeGraph cascadeGraph(Collection<TablePlan> plans) {
        return CascadeGraph.EMPTY;
    }

    @Override
    public Map<String, TableChange> cascaded(CascadeGraph graph, List<CascadeChange> changes) {
        return Map.of();
    }

    @Override
    public BinlogPosition currentEnd() {
        return end;
    }

    @Override
    public Set<String> locked(Map<String, TableChange> changes, Map<String, TablePlan> plans,
                              Optional<DirtyTracker.LastRow> lastRow) {
        Set<String> units = locked.poll();
        return units == null ? Set.of() : units;
    }

    @Override
    public CycleRunner.Result sync(Map<String, TableChange> changes, Map<String, TablePlan> plans, DaemonMetrics metrics) {
        syncs.add(Map.copyOf(changes));
        RuntimeException failure = syncFailures.poll();
        if (failure != null) {
            throw failure;
        }
        afterSync.accept(changes);
        CycleRunner.Result scripted = results.poll();
        return scripted != null ? scripted : new CycleRunner.Result(Map.of(), Map.of(), changes.size(), false);
    }

    @Override
    public Map<String, ShapeWatcher.Check> checkShapes(Collection<TablePlan> plans) {
        shapeChecks.add(plans.stream().map(TablePlan::name).toList());
        Map<String, ShapeWatcher.Check> checks = new LinkedHashMap<>();
        plans.forEach(plan -> checks.put(plan.name(), shapes.getOrDefault(plan.name(),
                new ShapeWatcher.Check(Optional.of(plan), ""))));
        return checks;
    }

    @Override
    public void save(Checkpoint checkpoint) {
        saved.add(checkpoint);
    }

    @Override
    public void renewLease() {
        renewals++;
        afterRenew.run();
    }

    @Override
    public void reset() {
        resets++;
    }

    @Override
    public void close() {
        closed = true;
    }
}
