package dev.mysqlslice.daemon.monitor;

import dev.mysqlslice.daemon.binlog.Unaccounted;
import dev.mysqlslice.throttle.Throttle;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * Registers a daemon's live counters as Micrometer meters. The meters read the counters when
 * scraped, so the daemon's hot paths never touch Micrometer.
 */
public final class DaemonMeters {

    private DaemonMeters() {
    }

    public static void bind(MeterRegistry registry, DaemonMetrics metrics, List<String> tables) {
        Gauge.builder("mysqlslice.seconds.behind.source", metrics,
                        live -> live.lagMillis() / 1000.0)
                .description("Age in seconds of the oldest change committed on the source and not yet synced")
                .register(registry);
        Gauge.builder("mysqlslice.binlog.tailing", metrics, live -> live.isTailing() ? 1 : 0)
                .description("1 while the source's binlog is being followed").register(registry);
        counter(registry, "mysqlslice.binlog.events.read", "Binlog events read from the source", metrics, DaemonMetrics::eventsRead);
        counter(registry, "mysqlslice.ranges.hashed", "Key ranges hashed on both servers", metrics, DaemonMetrics::rangesHashed);
        counter(registry, "mysqlslice.rows.hashed", "Rows hashed by range comparisons", metrics, DaemonMetrics::rowsHashed);
        counter(registry, "mysqlslice.rows.listed", "Rows listed key by key to find differences", metrics, DaemonMetrics::rowsListed);
        counter(registry, "mysqlslice.rows.inserted", "Rows inserted into the target", metrics, DaemonMetrics::inserted);
        counter(registry, "mysqlslice.rows.updated", "Rows updated in the target", metrics, DaemonMetrics::updated);
        counter(registry, "mysqlslice.rows.deleted", "Rows deleted from the target", metrics, DaemonMetrics::deleted);
        counter(registry, "mysqlslice.bytes.read", "Bytes of row data read from the source", metrics, DaemonMetrics::bytesRead);
        counter(registry, "mysqlslice.full.syncs", "Full range-hash syncs (first start or a lost binlog position)", metrics, DaemonMetrics::fullSyncs);
        counter(registry, "mysqlslice.reconnects", "Reconnects to the source's binlog", metrics, DaemonMetrics::reconnects);
        for (Unaccounted cause : Unaccounted.values()) {
            FunctionCounter.builder("mysqlslice.binlog.unreadable.changes", metrics, live -> live.comparedInFull(cause))
                    .tag("cause", cause.tag())
                    .description("Binlog events whose changes could not be read key by key; the tables they may touch"
                            + " were compared in full instead").register(registry);
        }
        FunctionTimer.builder("mysqlslice.cycle.duration", metrics, DaemonMetrics::cycles,
                        DaemonMetrics::cycleMillisTotal, TimeUnit.MILLISECONDS)
                .description("Sync cycles run and the time they took").register(registry);
        Gauge.builder("mysqlslice.cycle.last.duration", metrics, live -> live.lastCycleMillis() / 1000.0)
                .description("Duration of the last sync cycle").baseUnit("seconds").register(registry);
        for (Throttle.Reason reason : Throttle.Reason.values()) {
            FunctionCounter.builder("mysqlslice.throttled.seconds", metrics, live -> live.heldSeconds(reason))
                    .tag("reason", reason.tag())
                    .description("Time work on the source was held back: max_load, replica_lag, paused"
                            + " (mysqlslice pause), pause_file").register(registry);
        }
        metrics.slices().forEach((slice, counts) -> {
            for (String how : List.of("maintained", "rebuilt")) {
                FunctionCounter.builder("mysqlslice.slice.cycles", metrics, live -> (how.equals("maintained")
                                ? live.slices().get(slice).maintained : live.slices().get(slice).rebuilt).sum())
                        .tag("slice", slice).tag("how", how)
                        .description("Cycles that changed a slice: maintained in place from the changed rows, or"
                                + " rebuilt whole").register(registry);
            }
            for (String change : List.of("added", "updated", "evicted")) {
                FunctionCounter.builder("mysqlslice.slice.rows", metrics, live -> sliceRows(live.slices().get(slice), change))
                        .tag("slice", slice).tag("change", change)
                        .description("Rows of a slice's tables added, updated and evicted").register(registry);
            }
        });
        for (String table : tables) {
            perTable(registry, "mysqlslice.dirty.ranges.pending", table,
                    "Dirty keys or ranges waiting to be synced (1 for a whole table)",
                    live -> live.pending().getOrDefault(table, 0), metrics);
            perTable(registry, "mysqlslice.table.stopped", table,
                    "1 when syncing this table stopped with an error (see status and logs)",
                    live -> live.stoppedTables().containsKey(table) ? 1 : 0, metrics);
        }
    }

    private static double sliceRows(DaemonMetrics.SliceCounts counts, String change) {
        return switch (change) {
            case "added" -> counts.added.sum();
            case "updated" -> counts.updated.sum();
            default -> counts.evicted.sum();
        };
    }

    /** Micrometer holds the state object weakly: it must be the daemon's own metrics, not a lambda. */
    private static void counter(MeterRegistry registry, String name, String description, DaemonMetrics metrics,
                                ToLongFunction<DaemonMetrics> value) {
        FunctionCounter.builder(name, metrics, live -> value.applyAsLong(live)).description(description).register(registry);
    }

    private static void perTable(MeterRegistry registry, String name, String table, String description,
                                 ToDoubleFunction<DaemonMetrics> value, DaemonMetrics metrics) {
        Gauge.builder(name, metrics, value).tag("table", table).description(description).register(registry);
    }
}
