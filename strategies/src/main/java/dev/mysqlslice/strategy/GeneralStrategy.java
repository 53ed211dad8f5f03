package dev.mysqlslice.strategy;

import dev.mysqlslice.config.StrategyKind;
import dev.mysqlslice.hash.Comparison;
import dev.mysqlslice.hash.Leaf;
import dev.mysqlslice.hash.RangeHasher;
import dev.mysqlslice.hash.Side;
import dev.mysqlslice.jdbc.Session;
import dev.mysqlslice.model.Key;
import dev.mysqlslice.model.KeyRange;
import dev.mysqlslice.model.TableCounters;
import dev.mysqlslice.model.TableShape;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;

/**
 * For tables with INSERT, UPDATE and DELETE: first pull the source rows above the target's
 * largest key (bulk, cheap), then compare the rest range by range and repair only what differs.
 */
public final class GeneralStrategy implements SyncStrategy {

    static final int SAMPLE_LIMIT = 20;

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
        try (Session source = job.servers().openSource(); Session target = job.servers().openTarget()) {
            Comparison comparison = new Comparison(shape, job.plan().config().hash(), job.plan().config().chunkRows(),
                    new Side(source, Optional.empty()), new Side(target, Optional.empty()), job.servers().executor(),
                    counters);
            List<KeyRange> regions;
            long newRows = 0;
            if (job.scope() instanceof Scope.Ranges ranges) {
                // Small dirty ranges: list their rows at once, no range-hash pass.
                List<Leaf> leaves = ranges.ranges().stream().map(range -> new Leaf(range,
                        isSingleKey(range) ? 1 : comparison.chunkRows())).toList();
                Reconciler.Outcome outcome = reconciler.reconcileLeaves(comparison, leaves, job.mode(), SAMPLE_LIMIT);
                return List.of(new TableReport(shape.name(), StrategyKind.GENERAL, job.mode(), counters.snapshot(),
                        Duration.between(start, Instant.now()), outcome.identical() ? TableState.IDENTICAL
                        : TableState.DIFFERENT, "changed rows", outcome.sample(), Optional.empty()));
            } else if (job.mode() == SyncMode.VERIFY) {
                regions = List.of(KeyRange.ALL);
            } else {
                Optional<Key> targetMax = hasher.maxKey(comparison.target(), shape, KeyRange.ALL);
                newRows = puller.pull(job, comparison, targetMax.map(KeyRange::above).orElse(KeyRange.ALL));
                regions = targetMax.map(max -> List.of(KeyRange.upTo(max))).orElse(List.of());
            }
            Reconciler.Outcome outcome = reconciler.reconcile(comparison, regions, job.mode(), SAMPLE_LIMIT, job.progress());
            boolean identical = outcome.identical() && (job.mode().writes() || newRows == 0);
            String checkedBy = regions.isEmpty() ? "copied" : "range hash";
            return List.of(new TableReport(shape.name(), StrategyKind.GENERAL, job.mode(), counters.snapshot(),
                    Duration.between(start, Instant.now()), identical ? TableState.IDENTICAL : TableState.DIFFERENT,
                    checkedBy, outcome.sample(), Optional.empty()));
        }
    }


    private static boolean isSingleKey(KeyRange range) {
        return range.lower().isPresent() && range.upper().isPresent()
                && range.lower().get().key().equals(range.upper().get().key());
    }
}
