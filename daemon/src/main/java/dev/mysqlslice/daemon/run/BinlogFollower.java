package dev.mysqlslice.daemon.run;

import dev.mysqlslice.config.DaemonSettings;
import dev.mysqlslice.config.StrategyKind;
import dev.mysqlslice.daemon.binlog.BinlogPosition;
import dev.mysqlslice.daemon.binlog.BinlogStream;
import dev.mysqlslice.daemon.binlog.EventRouter;
import dev.mysqlslice.daemon.binlog.KeyExtractor;
import dev.mysqlslice.daemon.binlog.TableTracker;
import dev.mysqlslice.daemon.dirty.DirtyTracker;
import dev.mysqlslice.error.MysqlsliceException;
import dev.mysqlslice.jdbc.Endpoint;
import dev.mysqlslice.model.KeyType;
import dev.mysqlslice.strategy.TablePlan;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the source's binlog for one daemon run: which tables are tracked and how, the dirty
 * keys, the stream, and what the stream reported (position lost, fatal error, disconnect, DDL)
 * for the daemon's loop to act on in its own thread.
 */
final class BinlogFollower {

    private static final Logger LOG = LoggerFactory.getLogger(BinlogFollower.class);

    private final Endpoint source;
    private final DaemonSettings settings;
    private final boolean gtid;
    private final TableTracker tables;
    private final DirtyTracker dirty;
    private final Set<String> appendOnly = new HashSet<>();
    private final Set<String> ddlTables = ConcurrentHashMap.newKeySet();
    private final Set<String> warnedAppendOnly = ConcurrentHashMap.newKeySet();
    private final DaemonMetrics metrics;
    private volatile String lostReason;
    private volatile MysqlsliceException fatal;
    private volatile boolean disconnected;
    private BinlogStream stream;
    private volatile EventRouter router;
    private long eventsBefore;

    BinlogFollower(Endpoint source, DaemonSettings settings, boolean gtid, Iterable<TablePlan> plans, DaemonMetrics metrics) {
        this.source = source;
        this.settings = settings;
        this.gtid = gtid;
        this.metrics = metrics;
        this.tables = new TableTracker(source.database());
        Map<String, DirtyTracker.TableSpec> specs = new LinkedHashMap<>();
        plans.forEach(plan -> specs.put(plan.name(), spec(plan)));
        this.dirty = new DirtyTracker(specs);
        plans.forEach(this::track);
    }

    DirtyTracker dirty() {
        return dirty;
    }

    /** Tracks a table (or a slice's tables) again with a freshly read shape. */
    void track(TablePlan plan) {
        for (var member : plan.members()) {
            tables.track(new TableTracker.Tracked(member.name(), plan.name(), KeyExtractor.of(member), true));
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

    /** The sync units (tables, or slice roots) touched by DDL since the last call. */
    Set<String> takeDdlUnits() {
        Set<String> units = new java.util.LinkedHashSet<>();
        for (String table : List.copyOf(ddlTables)) {
            ddlTables.remove(table);
            tables.tracked(table).ifPresent(tracked -> units.add(tracked.dirtyAs()));
        }
        return units;
    }

    /** Marks the position as lost again (a recovery that failed half-way is retried). */
    void positionLost(String reason) {
        lostReason = reason;
    }

    Optional<String> takeLostReason() {
        String reason = lostReason;
        lostReason = null;
        return Optional.ofNullable(reason);
    }

    Optional<MysqlsliceException> fatal() {
        return Optional.ofNullable(fatal);
    }

    boolean isDisconnected() {
        return disconnected;
    }

    /** Binlog events read in this run, over every reconnect. */
    long eventsRead() {
        EventRouter current = router;
        return eventsBefore + (current == null ? 0 : current.eventsRead());
    }

    /** Starts (or restarts) following the binlog at {@code from}. */
    void follow(BinlogPosition from) {
        stop();
        if (router != null) {
            eventsBefore += router.eventsRead();
        }
        disconnected = false;
        BinlogStream[] holder = new BinlogStream[1];
        EventRouter events = new EventRouter(tables, dirty, new EventRouter.Listener() {
            @Override
            public void ddl(String table) {
                ddlTables.add(table);
                dirty.wakeUp();
            }

            @Override
            public void appendOnlyChanged(String table) {
                if (warnedAppendOnly.add(table)) {
                    LOG.warn("{}: an UPDATE or DELETE reached this append-only table; the append-only strategy only"
                            + " pulls new rows and misses it (use strategy general if rows change)", table);
                }
            }
        }, from, () -> holder[0] == null ? Optional.empty() : holder[0].gtids(), appendOnly);
        router = events;
        stream = BinlogStream.start(source, settings, from, gtid, tables, events, new BinlogStream.Listener() {
            @Override
            public void positionLost(String reason) {
                lostReason = reason;
                dirty.wakeUp();
            }

            @Override
            public void fatal(MysqlsliceException error) {
                fatal = error;
                dirty.wakeUp();
            }

            @Override
            public void disconnected(String reason) {
                disconnected = true;
                metrics.tailing(false);
                dirty.wakeUp();
            }
        });
        holder[0] = stream;
        metrics.tailing(true);
    }

    void stop() {
        if (stream != null) {
            stream.stop();
            stream = null;
        }
        metrics.tailing(false);
    }

    private static DirtyTracker.TableSpec spec(TablePlan plan) {
        boolean integer = plan.config().strategy() != StrategyKind.SLICE && plan.shape().hasSingleIntegerKey();
        boolean big = integer && KeyType.of(plan.shape().keys().get(0)) == KeyType.BIG_INTEGER;
        return new DirtyTracker.TableSpec(integer, big, plan.config().chunkRows());
    }
}
