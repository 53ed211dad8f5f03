package dev.mysqlslice.daemon.run;

import dev.mysqlslice.config.Config;
import dev.mysqlslice.daemon.binlog.BinlogFaults;
import dev.mysqlslice.daemon.cascade.Cascades;
import dev.mysqlslice.daemon.checkpoint.CheckpointStore;
import dev.mysqlslice.jdbc.Connector;
import dev.mysqlslice.jdbc.Endpoint;
import dev.mysqlslice.model.TablePlan;
import java.time.Clock;
import java.util.List;
import javax.inject.Inject;

/** Builds a {@link Daemon} for a config and its checked table plans. */
public final class DaemonFactory {

    private final Connector connector;
    private final StartPlanner starter;
    private final CheckpointStore store;
    private final CycleRunner cycles;
    private final ShapeWatcher shapes;
    private final Cascades cascades;

    @Inject
    public DaemonFactory(Connector connector, StartPlanner starter, CheckpointStore store, CycleRunner cycles,
                         ShapeWatcher shapes, Cascades cascades) {
        this.cascades = cascades;
        this.connector = connector;
        this.starter = starter;
        this.store = store;
        this.cycles = cycles;
        this.shapes = shapes;
    }

    public Daemon create(Config config, Endpoint source, Endpoint target, List<TablePlan> plans) {
        return create(config, source, target, plans, BinlogFaults.NONE);
    }

    /** A daemon whose binlog decoding or routing fails on purpose (fault-injection tests). */
    public Daemon create(Config config, Endpoint source, Endpoint target, List<TablePlan> plans, BinlogFaults faults) {
        return new Daemon(config, source, target, plans, connector, starter, store, cycles, shapes, cascades, faults,
                Clock.systemUTC());
    }
}
