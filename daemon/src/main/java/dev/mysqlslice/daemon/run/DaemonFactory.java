package dev.mysqlslice.daemon.run;

import dev.mysqlslice.config.Config;
import dev.mysqlslice.daemon.binlog.BinlogFaults;
import dev.mysqlslice.daemon.cascade.Cascades;
import dev.mysqlslice.daemon.checkpoint.CheckpointStore;
import dev.mysqlslice.jdbc.Connector;
import dev.mysqlslice.jdbc.Endpoint;
import dev.mysqlslice.model.TablePlan;
import dev.mysqlslice.throttle.ReplicaLag;
import dev.mysqlslice.throttle.SourceStatus;
import dev.mysqlslice.throttle.Throttle;
import java.time.Clock;
import java.util.List;
import javax.inject.Inject;

/**
 * Builds a {@link Daemon} for a config and its checked table plans: on the real servers
 * ({@link LiveServers}), following the source's binlog ({@link BinlogFollower}), held back by a
 * throttle that reads the source's status and its replicas' lag.
 */
public final class DaemonFactory {

    private final Connector connector;
    private final LiveServers.Steps steps;

    @Inject
    public DaemonFactory(Connector connector, StartPlanner starter, CheckpointStore store, CycleRunner cycles,
                         ShapeWatcher shapes, Cascades cascades, VisibilityBarrier barrier) {
        this.connector = connector;
        this.steps = new LiveServers.Steps(starter, store, cycles, shapes, cascades, barrier);
    }

    public Daemon create(Config config, Endpoint source, Endpoint target, List<TablePlan> plans) {
        return create(config, source, target, plans, BinlogFaults.NONE);
    }

    /** A daemon whose binlog decoding or routing fails on purpose (fault-injection tests). */
    public Daemon create(Config config, Endpoint source, Endpoint target, List<TablePlan> plans, BinlogFaults faults) {
        SourceStatus status = new SourceStatus(connector, source);
        ReplicaLag lag = new ReplicaLag(connector, ReplicaLag.endpoints(source, config.throttle().replicas()),
                config.throttle().maxLag());
        Throttle.Sleeper sleeper = duration -> Thread.sleep(duration.toMillis());
        Throttle throttle = new Throttle(config.throttle(), status, lag.isEmpty() ? Throttle.LagProbe.NONE : lag,
                System::nanoTime, sleeper);
        LiveServers.Probes probes = new LiveServers.Probes(status, lag);
        return new Daemon(config.daemon(), plans,
                () -> LiveServers.open(steps, connector, source, target, config, throttle, probes),
                (gtid, units, metrics) -> new BinlogFollower(source, config.daemon(), gtid, units, metrics, faults),
                throttle, Clock.systemUTC(), sleeper);
    }
}
