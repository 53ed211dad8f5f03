package dev.mysqlslice.daemon.run;

import dev.mysqlslice.config.Config;
import dev.mysqlslice.config.DaemonSettings;
import dev.mysqlslice.daemon.binlog.BinlogPosition;
import dev.mysqlslice.daemon.cascade.CascadeGraph;
import dev.mysqlslice.daemon.cascade.Cascades;
import dev.mysqlslice.daemon.checkpoint.Checkpoint;
import dev.mysqlslice.daemon.checkpoint.CheckpointLease;
import dev.mysqlslice.daemon.checkpoint.CheckpointStore;
import dev.mysqlslice.daemon.dirty.CascadeChange;
import dev.mysqlslice.daemon.dirty.DirtyTracker;
import dev.mysqlslice.daemon.dirty.TableChange;
import dev.mysqlslice.daemon.monitor.DaemonMetrics;
import dev.mysqlslice.jdbc.Connector;
import dev.mysqlslice.jdbc.Endpoint;
import dev.mysqlslice.jdbc.Session;
import dev.mysqlslice.model.TablePlan;
import dev.mysqlslice.strategy.ServerSettings;
import dev.mysqlslice.sync.ServerPool;
import dev.mysqlslice.throttle.ReplicaLag;
import dev.mysqlslice.throttle.SourceStatus;
import dev.mysqlslice.throttle.Throttle;
import dev.mysqlslice.transfer.WriteMethod;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link DaemonServers} on the real servers: a session pool kept for the run, under the
 * checkpoint's lease; each step borrows the sessions it needs.
 */
final class LiveServers implements DaemonServers {

    /** The stateless steps the daemon runs on the servers. */
    record Steps(StartPlanner starter, CheckpointStore store, CycleRunner cycles, ShapeWatcher shapes, Cascades cascades,
                 VisibilityBarrier barrier) {
    }

    /** The throttle's probe sessions: closed with the run's servers (they open again on first use). */
    record Probes(SourceStatus status, ReplicaLag lag) {
    }

    private final Steps steps;
    private final CheckpointLease lease;
    private final SessionPool pool;
    private final Probes probes;

    private LiveServers(Steps steps, CheckpointLease lease, SessionPool pool, Probes probes) {
        this.steps = steps;
        this.lease = lease;
        this.pool = pool;
        this.probes = probes;
    }

    /** Takes the checkpoint's lease, then opens the pool (its source sessions gated by {@code throttle}). */
    static LiveServers open(Steps steps, Connector connector, Endpoint source, Endpoint target, Config config,
                            Throttle throttle, Probes probes) {
        CheckpointLease lease = CheckpointLease.acquire(connector, target, config.daemon().checkpointName());
        try {
            WriteMethod writes;
            try (Session targetSession = Session.open(connector, target)) {
                writes = ServerPool.writeMethod(targetSession);
            }
            SessionPool pool = new SessionPool(new ServerSettings(connector, source, target, writes,
                    config.defaults().transactionRows(), throttle, config.throttle().chunkTime()));
            return new LiveServers(steps, lease, pool, probes);
        } catch (RuntimeException e) {
            lease.close();
            throw e;
        }
    }

    @Override
    public Start decide(DaemonSettings settings, List<String> units) {
        try (Session sourceSession = pool.openSource(); Session targetSession = pool.openTarget()) {
            return steps.starter().decide(sourceSession, targetSession, settings, units);
        }
    }

    @Override
    public CascadeGraph cascadeGraph(Collection<TablePlan> plans) {
        try (Session sourceSession = pool.openSource()) {
            return steps.cascades().read(sourceSession, plans);
        }
    }

    @Override
    public Map<String, TableChange> cascaded(CascadeGraph graph, List<CascadeChange> changes) {
        try (Session sourceSession = pool.openSource(); Session targetSession = pool.openTarget()) {
            return steps.cascades().resolve(graph, changes, sourceSession, targetSession);
        }
    }

    @Override
    public BinlogPosition currentEnd() {
        try (Session sourceSession = pool.openSource()) {
            return steps.starter().currentEnd(sourceSession);
        }
    }

    @Override
    public Set<String> locked(Map<String, TableChange> changes, Map<String, TablePlan> plans,
                              Optional<DirtyTracker.LastRow> lastRow) {
        try (Session sourceSession = pool.openSource()) {
            return steps.barrier().await(sourceSession, changes, plans, lastRow);
        }
    }

    @Override
    public CycleRunner.Result sync(Map<String, TableChange> changes, Map<String, TablePlan> plans, DaemonMetrics metrics) {
        return steps.cycles().run(changes, plans, pool, metrics);
    }

    @Override
    public Map<String, ShapeWatcher.Check> checkShapes(Collection<TablePlan> plans) {
        Map<String, ShapeWatcher.Check> checks = new LinkedHashMap<>();
        try (Session sourceSession = pool.openSource(); Session targetSession = pool.openTarget()) {
            for (TablePlan plan : plans) {
                checks.put(plan.name(), steps.shapes().check(sourceSession, targetSession, plan));
            }
        }
        return checks;
    }

    @Override
    public void save(Checkpoint checkpoint) {
        try (Session targetSession = pool.openTarget()) {
            steps.store().save(targetSession, checkpoint);
        }
    }

    @Override
    public void renewLease() {
        lease.renew();
    }

    @Override
    public void reset() {
        pool.reset();
    }

    @Override
    public void close() {
        try (CheckpointLease held = lease; SessionPool sessions = pool; SourceStatus status = probes.status();
             ReplicaLag lag = probes.lag()) {
            // Closed last first: the probes, the sessions, then the lease.
        }
    }
}
