package dev.mysqlslice.daemon.run;

import dev.mysqlslice.config.DaemonSettings;
import dev.mysqlslice.config.StrategyKind;
import dev.mysqlslice.daemon.binlog.BinlogFaults;
import dev.mysqlslice.daemon.binlog.BinlogPosition;
import dev.mysqlslice.daemon.binlog.BinlogStream;
import dev.mysqlslice.daemon.binlog.EventRouter;
import dev.mysqlslice.daemon.binlog.KeyExtractor;
import dev.mysqlslice.daemon.binlog.ParentChanges;
import dev.mysqlslice.daemon.binlog.TableTracker;
import dev.mysqlslice.daemon.binlog.Unaccounted;
import dev.mysqlslice.daemon.cascade.CascadeGraph;
import dev.mysqlslice.daemon.cascade.CascadeMarker;
import dev.mysqlslice.daemon.dirty.DirtyTracker;
import dev.mysqlslice.daemon.monitor.DaemonMetrics;
import dev.mysqlslice.error.MysqlsliceException;
import dev.mysqlslice.jdbc.Endpoint;
import dev.mysqlslice.model.KeyType;
import dev.mysqlslice.model.TablePlan;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the source's binlog for one daemon run: which tables are tracked and how, the dirty
 * keys, the stream, and one queue of what the stream reported (position lost, fatal error,
 * disconnect, DDL) for the daemon's loop to act on in its own thread.
 */
final class BinlogFollower implements ChangeFeed {

    private static final Logger LOG = LoggerFactory.getLogger(BinlogFollower.class);

    private final Endpoint source;
    private final DaemonSettings settings;
    private final boolean gtid;
    private final TableTracker tables;
    private final DirtyTracker dirty;
    private final Set<String> appendOnly = new HashSet<>();
    private final DaemonMetrics metrics;
    private final BinlogFaults faults;
    private final Queue<Signal> signals = new ConcurrentLinkedQueue<>();
    private final RepeatedWarnings warnings = new RepeatedWarnings(Duration.ofMinutes(1), System::nanoTime);
    private BinlogStream stream;
    private volatile EventRouter router;
    private volatile ParentChanges parents = ParentChanges.NONE;
    private long eventsBefore;

    BinlogFollower(Endpoint source, DaemonSettings settings, boolean gtid, Iterable<TablePlan> plans, DaemonMetrics metrics,
                   BinlogFaults faults) {
        this.source = source;
        this.settings = settings;
        this.gtid = gtid;
        this.metrics = metrics;
        this.faults = faults;
        this.tables = new TableTracker(source.database());
        Map<String, DirtyTracker.TableSpec> specs = new LinkedHashMap<>();
        plans.forEach(plan -> specs.put(plan.name(), spec(plan)));
        this.dirty = new DirtyTracker(specs);
        plans.forEach(this::track);
    }

    @Override
    public DirtyTracker dirty() {
        return dirty;
    }

    /** Tracks a table (or a slice's tables) again with a freshly read shape. */
    @Override
    public void track(TablePlan plan) {
        for (var member : plan.members()) {
            tables.track(new TableTracker.Tracked(member.name(), plan.name(), KeyExtractor.of(member), true,
                    plan.config().strategy() == StrategyKind.SLICE));
        }
        dirty.register(plan.name(), spec(plan));
        if (plan.config().strategy() == StrategyKind.APPEND_ONLY) {
            appendOnly.add(plan.name());
        }
        if (plan.config().strategy() != StrategyKind.SLICE && !KeyExtractor.of(plan.shape()).exact()) {
            LOG.warn("{}: its key type cannot be read exactly from the binlog, so every change to it compares the"
                    + " whole table", plan.name());
        }
    }

    /** Watches the parents of {@code graph}'s cascades from now on (the graph is read again after DDL). */
    @Override
    public void watchCascades(CascadeGraph graph) {
        parents = graph.isEmpty() ? ParentChanges.NONE : new CascadeMarker(graph, dirty);
        tables.decodeParents(graph.parents());
    }

    /** What the stream reported since the last call, oldest first. */
    @Override
    public List<Signal> takeSignals() {
        List<Signal> taken = new ArrayList<>();
        for (Signal signal = signals.poll(); signal != null; signal = signals.poll()) {
            taken.add(signal);
        }
        return taken;
    }

    /** Binlog events read in this run, over every reconnect. */
    @Override
    public long eventsRead() {
        EventRouter current = router;
        return eventsBefore + (current == null ? 0 : current.eventsRead());
    }

    /**
     * How long the stream has been silent (not even a heartbeat): a connection whose network path
     * died without closing never says so itself. Zero while not following.
     */
    @Override
    public Duration silence() {
        EventRouter current = router;
        if (stream == null || current == null) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(System.nanoTime() - current.lastEventNanos());
    }

    /** Starts (or restarts) following the binlog at {@code from}. */
    @Override
    public void follow(BinlogPosition from) {
        stop();
        if (router != null) {
            eventsBefore += router.eventsRead();
        }
        EventRouter events = new EventRouter(tables, dirty, new EventRouter.Listener() {
            @Override
            public void ddl(String table) {
                tables.tracked(table).ifPresent(tracked -> signal(new Signal.Ddl(tracked.dirtyAs())));
            }

            @Override
            public void appendOnlyChanged(String table) {
                warnings.warn(LOG, "append-only " + table, table + ": an UPDATE or DELETE reached this append-only table;"
                        + " the append-only strategy only pulls new rows and misses it (use strategy general if rows change)");
            }

            @Override
            public void comparedInFull(Set<String> units, Unaccounted cause, String detail) {
                metrics.comparedInFull(cause, units.size());
                warnings.warn(LOG, cause + " " + units, detail + "; comparing " + (units.size() == 1
                        ? units.iterator().next() : units.size() + " table(s)") + " in full instead" + cause.fix());
            }
        }, from, gtid && from.gtids().filter(gtids -> gtids.contains(":")).isPresent(), appendOnly, faults,
                new CurrentParents());
        router = events;
        stream = BinlogStream.start(source, settings, from, gtid, tables, events, faults, new BinlogStream.Listener() {
            @Override
            public void positionLost(String reason) {
                signal(new Signal.PositionLost(reason));
            }

            @Override
            public void fatal(MysqlsliceException error) {
                signal(new Signal.Fatal(error));
            }

            @Override
            public void disconnected(String reason, boolean undecodable) {
                metrics.tailing(false);
                signal(new Signal.Disconnected(reason, undecodable));
            }
        });
        metrics.tailing(true);
    }

    @Override
    public void stop() {
        if (stream != null) {
            stream.stop();
            stream = null;
        }
        metrics.tailing(false);
    }

    /** The cascade watcher of the moment, for routers created before the graph was read again. */
    private final class CurrentParents implements ParentChanges {
        @Override
        public Set<String> parents() {
            return parents.parents();
        }

        @Override
        public void deleted(String table, Serializable[] row, BitSet included, int columns) {
            parents.deleted(table, row, included, columns);
        }

        @Override
        public void updated(String table, Serializable[] before, BitSet beforeIncluded, Serializable[] after,
                            BitSet afterIncluded, int columns) {
            parents.updated(table, before, beforeIncluded, after, afterIncluded, columns);
        }

        @Override
        public void unreadable(String table) {
            parents.unreadable(table);
        }
    }

    private void signal(Signal signal) {
        signals.add(signal);
        dirty.wakeUp();
    }

    private static DirtyTracker.TableSpec spec(TablePlan plan) {
        boolean integer = plan.config().strategy() != StrategyKind.SLICE && plan.shape().hasSingleIntegerKey();
        boolean big = integer && KeyType.of(plan.shape().keys().get(0)) == KeyType.BIG_INTEGER;
        return new DirtyTracker.TableSpec(integer, big, plan.config().chunkRows());
    }
}
