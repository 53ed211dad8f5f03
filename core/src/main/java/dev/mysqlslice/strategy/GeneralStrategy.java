package dev.mysqlslice.strategy;

import dev.mysqlslice.config.StrategyKind;
import dev.mysqlslice.hash.Comparison;
import dev.mysqlslice.hash.Leaf;
import dev.mysqlslice.hash.RangeHasher;
import dev.mysqlslice.hash.Side;
import dev.mysqlslice.jdbc.Session;
import dev.mysqlslice.model.Key;
import dev.mysqlslice.model.KeyRange;
import dev.mysqlslice.model.SyncMode;
import dev.mysqlslice.model.TableCounters;
import dev.mysqlslice.model.TableReport;
import dev.mysqlslice.model.TableShape;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;

/**
 * For tables with INSERT, UPDATE and DELETE: first pull the source rows above the target's
 * largest key (bulk, cheap), then compare the rest range by range and repair only what differs.
 */
public final class GeneralStrategy implements SyncStrategy {

    static final int SAMPLE_LIMIT = 20;
    /** A pull of at most one row in this many of the table's is compared again with the rest. */
    private static final long FEW_PULLED = 10;

    private final RangeHasher hasher;
    private final NewRowPuller puller;
    private final Reconciler reconciler;

    @Inject
    public GeneralStrategy(RangeHasher hasher, NewRowPuller puller, Reconciler reconciler) {
        this.hasher = hasher;
        this.puller = puller;
        this.reconciler = reconciler;
    }

    @Override
    public List<TableReport> sync(TableJob job) {
        Instant start = Instant.now();
        TableCounters counters = new TableCounters();
        TableShape shape = job.plan().shape();
        // A whole-table repair gets a second pair of sessions, so the next batch of rows is listed
        // while the current one is written.
        boolean ahead = job.mode().writes() && !(job.scope() instanceof Scope.Ranges);
        try (Session source = job.servers().openSource(); Session target = job.servers().openTarget();
             Session repairSource = ahead ? job.servers().openSource() : null;
             Session repairTarget = ahead ? job.servers().openTarget() : null) {
            Side sourceSide = new Side(source, Optional.empty());
            Side targetSide = new Side(target, Optional.empty());
            Comparison comparison = job.comparison(sourceSide, targetSide, counters);
            Repair repair = ahead ? new Repair(new Side(repairSource, Optional.empty()),
                    new Side(repairTarget, Optional.empty()), job.servers().writeMethod())
                    : Repair.through(comparison, job.servers().writeMethod());
            List<KeyRange> regions;
            long newRows = 0;
            if (job.scope() instanceof Scope.Ranges ranges) {
                // Dirty ranges: single keys and narrow ranges are listed row by row at once; wider
                // ranges (coarsened runs of many changes) are compared by hash first, like a sync.
                List<Leaf> leaves = new ArrayList<>();
                List<KeyRange> wide = new ArrayList<>();
                long displaced = 0;
                for (KeyRange range : ranges.ranges()) {
                    long rows = range.rowsAtMost(comparison.leafRows());
                    if (rows >= 0) {
                        leaves.add(new Leaf(range, rows));
                    } else {
                        wide.add(range);
                    }
                }
                if (job.mode().writes() && !wide.isEmpty() && shape.hasSingleIntegerKey()) {
                    // A bulk insert dirties a wide run above the target's largest key: copy what is
                    // there instead of hashing it; later changes to those rows dirty them again.
                    Optional<Key> targetMax = hasher.maxKey(comparison.target(), shape, KeyRange.ALL);
                    if (targetMax.isPresent() && wide.stream().anyMatch(range -> range.reachesAbove(targetMax.get()))) {
                        displaced = puller.pull(job, comparison, KeyRange.above(targetMax.get())).displaced();
                        wide = wide.stream().flatMap(range -> range.atOrBelow(targetMax.get()).stream()).toList();
                    }
                }
                Reconciler.Outcome listed = reconciler.reconcileLeaves(comparison, repair, leaves, job.mode(),
                        SAMPLE_LIMIT);
                Reconciler.Outcome compared = wide.isEmpty() ? new Reconciler.Outcome(true, List.of())
                        : reconciler.reconcile(comparison, repair, wide, job.mode(), SAMPLE_LIMIT, job.progress());
                if (displaced > 0) {
                    compared = reconciler.afterDisplacement(comparison, repair, job.mode(), SAMPLE_LIMIT,
                            compared.sample());
                }
                List<String> sample = new ArrayList<>(listed.sample());
                sample.addAll(compared.sample());
                return List.of(TableReport.finished(shape.name(), StrategyKind.GENERAL, job.mode(), counters.snapshot(),
                        Duration.between(start, Instant.now()), listed.identical() && compared.identical(),
                        "changed rows", sample));
            } else if (job.mode() == SyncMode.VERIFY) {
                regions = List.of(KeyRange.ALL);
            } else {
                Optional<Key> targetMax = hasher.maxKey(comparison.target(), shape, KeyRange.ALL);
                // Rows the pull displaces held a pulled row's unique value; they lie at or below targetMax,
                // which is compared next.
                newRows = puller.pull(job, comparison, targetMax.map(KeyRange::above).orElse(KeyRange.ALL)).rows();
                regions = targetMax.isEmpty() ? List.of()
                        : List.of(comparedAfterPull(job, comparison, shape, targetMax.get(), newRows));
            }
            Reconciler.Outcome outcome = reconciler.reconcile(comparison, repair, regions, job.mode(), SAMPLE_LIMIT, job.progress());
            boolean identical = outcome.identical() && (job.mode().writes() || newRows == 0);
            String checkedBy = regions.isEmpty() ? "copied" : "range hash";
            return List.of(TableReport.finished(shape.name(), StrategyKind.GENERAL, job.mode(), counters.snapshot(),
                    Duration.between(start, Instant.now()), identical, checkedBy, outcome.sample()));
        }
    }

    /**
     * What a sync compares after pulling the rows above the target's largest key {@code max}: the
     * rest, up to {@code max}, after a dry run's pull (which wrote nothing: the rows it counted
     * would be counted again) or one of many rows (hashing them again would be a second pass over
     * what was just copied); the whole table after a pull that wrote few, whose scans then need no
     * end key (a range scan checking one on every row costs about 11% of a bucket hash) and which
     * checks the few copied rows once more.
     */
    private KeyRange comparedAfterPull(TableJob job, Comparison comparison, TableShape shape, Key max, long pulled) {
        boolean few = job.mode().writes() && pulled * FEW_PULLED <= hasher.estimatedRows(comparison.target(), shape);
        return few ? KeyRange.ALL : KeyRange.upTo(max);
    }
}
