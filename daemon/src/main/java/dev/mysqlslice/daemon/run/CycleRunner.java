package dev.mysqlslice.daemon.run;

import dev.mysqlslice.config.StrategyKind;
import dev.mysqlslice.daemon.dirty.TableChange;
import dev.mysqlslice.daemon.monitor.DaemonMetrics;
import dev.mysqlslice.error.Failure;
import dev.mysqlslice.error.MysqlsliceException;
import dev.mysqlslice.model.SyncMode;
import dev.mysqlslice.model.TablePlan;
import dev.mysqlslice.model.TableReport;
import dev.mysqlslice.model.TableState;
import dev.mysqlslice.strategy.ProgressListener;
import dev.mysqlslice.strategy.Scope;
import dev.mysqlslice.strategy.Servers;
import dev.mysqlslice.strategy.SliceStrategy;
import dev.mysqlslice.strategy.SyncStrategy;
import dev.mysqlslice.strategy.TableJob;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Syncs one batch of changes: each changed table (or slice) through its strategy, a whole table
 * or only its dirty ranges. A table whose shape no longer matches is to be stopped; any other
 * failure keeps its changes for the next cycle.
 */
public final class CycleRunner {

    private static final Logger LOG = LoggerFactory.getLogger(CycleRunner.class);

    /**
     * What a cycle did.
     *
     * @param retry            changes that failed, or whose sync left rows different, and must be synced again
     * @param stop             tables to stop, with the reason
     * @param changes          rows inserted, updated and deleted
     * @param connectionFailed whether a server connection failed (pooled sessions must be dropped)
     * @param different        the units (among {@code retry}) whose sync ran to the end with rows still different
     */
    public record Result(Map<String, TableChange> retry, Map<String, String> stop, long changes,
                         boolean connectionFailed, Set<String> different) {

        public Result {
            different = Set.copyOf(different);
        }

        /** A result in which every sync that ran to the end left its rows identical. */
        public Result(Map<String, TableChange> retry, Map<String, String> stop, long changes, boolean connectionFailed) {
            this(retry, stop, changes, connectionFailed, Set.of());
        }
    }

    private final Map<StrategyKind, SyncStrategy> strategies;
    private final RepeatedWarnings warnings = new RepeatedWarnings(Duration.ofMinutes(1), System::nanoTime);

    @Inject
    public CycleRunner(Map<StrategyKind, SyncStrategy> strategies) {
        this.strategies = strategies;
    }

    public Result run(Map<String, TableChange> changes, Map<String, TablePlan> plans, Servers servers,
                      DaemonMetrics metrics) {
        Map<String, TableChange> retry = new LinkedHashMap<>();
        Map<String, String> stop = new LinkedHashMap<>();
        Set<String> stillDifferent = new LinkedHashSet<>();
        long rows = 0;
        boolean connectionFailed = false;
        for (Map.Entry<String, TableChange> entry : changes.entrySet()) {
            TablePlan plan = plans.get(entry.getKey());
            if (plan == null) {
                continue;
            }
            MDC.put("table", plan.name());
            try {
                List<TableReport> reports = strategies.get(plan.config().strategy())
                        .sync(new TableJob(plan, scope(entry.getValue(), plan), SyncMode.APPLY, servers,
                                ProgressListener.NONE));
                List<String> different = new ArrayList<>();
                for (TableReport report : reports) {
                    metrics.work(report.counters());
                    rows += report.counters().changes();
                    if (report.state() != TableState.IDENTICAL) {
                        different.add(report.table());
                    }
                }
                if (!different.isEmpty()) {
                    // The repair's own recheck found rows still differing (the source or another writer
                    // changed them meanwhile): the change is not accounted for until a sync confirms it.
                    warnings.warn(LOG, "retry " + plan.name() + " different", String.join(", ", different)
                            + " still differ after this cycle's repair; its changes are kept and synced again");
                    retry.put(entry.getKey(), entry.getValue());
                    stillDifferent.add(entry.getKey());
                }
                if (plan.config().strategy() == StrategyKind.SLICE && !reports.isEmpty()) {
                    metrics.slice(plan.name(), SliceStrategy.MAINTAINED.equals(reports.get(0).checkedBy()), reports);
                }
            } catch (MysqlsliceException e) {
                if (e.failure() == Failure.SCHEMA) {
                    stop.put(plan.name(), e.getMessage());
                } else {
                    warnings.warn(LOG, "retry " + plan.name() + " " + e.failure(), plan.name() + ": " + e.getMessage()
                            + "; will retry");
                    retry.put(entry.getKey(), entry.getValue());
                    connectionFailed |= e.failure() == Failure.CONNECTION;
                }
            } finally {
                MDC.remove("table");
            }
        }
        return new Result(retry, stop, rows, connectionFailed, stillDifferent);
    }

    /** What part of a table its strategy syncs for a change: a slice's changed rows, ranges, or all of it. */
    static Scope scope(TableChange change, TablePlan plan) {
        boolean slice = plan.config().strategy() == StrategyKind.SLICE;
        if (change instanceof TableChange.Rewritten) {
            return Scope.EVERY_ROW;
        }
        if (change instanceof TableChange.Members members && slice) {
            return new Scope.Members(members.keys());
        }
        if (change instanceof TableChange.Ranges ranges && !slice) {
            return new Scope.Ranges(ranges.ranges());
        }
        return Scope.WHOLE;
    }
}
