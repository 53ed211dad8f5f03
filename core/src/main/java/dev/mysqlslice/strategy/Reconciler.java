package dev.mysqlslice.strategy;

import dev.mysqlslice.concurrent.Both;
import dev.mysqlslice.concurrent.Futures;
import dev.mysqlslice.hash.Comparison;
import dev.mysqlslice.hash.Leaf;
import dev.mysqlslice.hash.LeafBatches;
import dev.mysqlslice.hash.RangeComparer;
import dev.mysqlslice.hash.RangeHash;
import dev.mysqlslice.hash.RangeHasher;
import dev.mysqlslice.hash.RowDiff;
import dev.mysqlslice.hash.RowHashes;
import dev.mysqlslice.model.Key;
import dev.mysqlslice.model.KeyRange;
import dev.mysqlslice.model.SyncMode;
import dev.mysqlslice.transfer.RangeRepairer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes some key ranges of a table identical (or, without writing, finds exactly how they
 * differ): compare range hashes, list the rows of differing leaves on both servers, repair only
 * the rows that differ, then look those rows up again on both servers to confirm they now match.
 */
public final class Reconciler {

    /** How many times a batch is repaired before it is reported as still different. */
    static final int ATTEMPTS = 3;
    /** How many full passes run when a REPLACE removed rows of already compared ranges. */
    static final int PASSES = 3;
    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    /**
     * How the ranges ended.
     *
     * @param identical whether every range now matches (or, without writing, already matched)
     * @param sample    some differing keys, as "insert 42" / "update 7" / "delete 9", for verify
     */
    public record Outcome(boolean identical, List<String> sample) {
    }

    private final RangeComparer comparer;
    private final RangeHasher hasher;
    private final RangeRepairer repairer;

    @Inject
    public Reconciler(RangeComparer comparer, RangeHasher hasher, RangeRepairer repairer) {
        this.comparer = comparer;
        this.hasher = hasher;
        this.repairer = repairer;
    }

    /**
     * Compares small ranges known to hold changes (the daemon's dirty ranges) row by row at once,
     * without a range-hash pass first.
     */
    public Outcome reconcileLeaves(Comparison comparison, Repair repair, List<Leaf> leaves, SyncMode mode,
                                   int sampleLimit) {
        List<String> sample = new ArrayList<>();
        boolean identical = true;
        List<List<Leaf>> batches = LeafBatches.of(leaves);
        Timings timings = new Timings();
        Ahead ahead = new Ahead(comparison, repair.runsAlongside(comparison), batches, timings);
        long collateral = 0;
        for (List<Leaf> batch : batches) {
            BatchResult result = reconcileBatch(comparison, repair, batch, ahead.next(), mode, sample, sampleLimit,
                    timings);
            identical &= result.identical();
            collateral += result.collateral();
        }
        if (mode.writes() && collateral > 0) {
            return afterDisplacement(comparison, repair, mode, sampleLimit, sample);
        }
        return new Outcome(identical, sample);
    }

    /**
     * Target rows of keys not being repaired were displaced (they held a written row's unique value,
     * so they were wrong): compares the whole table, as many times as that keeps happening, so values
     * moved in any order (swaps and cycles included) converge in one sync.
     */
    public Outcome afterDisplacement(Comparison comparison, Repair repair, SyncMode mode, int sampleLimit,
                                     List<String> sample) {
        LOG.info("{}: rows holding a written row's unique value were replaced; comparing the whole table",
                comparison.shape().name());
        Outcome again = reconcile(comparison, repair, List.of(KeyRange.ALL), mode, sampleLimit, ProgressListener.NONE);
        List<String> all = new ArrayList<>(sample);
        all.addAll(again.sample());
        return new Outcome(again.identical(), all);
    }

    public Outcome reconcile(Comparison comparison, Repair repair, List<KeyRange> regions, SyncMode mode,
                             int sampleLimit, ProgressListener progress) {
        List<String> sample = new ArrayList<>();
        boolean identical = true;
        List<KeyRange> compared = regions;
        for (int pass = 1; pass <= PASSES; pass++) {
            long started = System.nanoTime();
            List<Leaf> leaves = new ArrayList<>();
            for (KeyRange region : compared) {
                leaves.addAll(comparer.compare(comparison, region));
            }
            LOG.debug("{}: range comparison found {} differing leaves in {} ms", comparison.shape().name(),
                    leaves.size(), (System.nanoTime() - started) / 1_000_000);
            List<List<Leaf>> batches = LeafBatches.of(leaves);
            long collateral = 0;
            identical = true;
            int done = 0;
            Timings timings = new Timings();
            Ahead ahead = new Ahead(comparison, repair.runsAlongside(comparison), batches, timings);
            for (List<Leaf> batch : batches) {
                progress.update(comparison.shape().name(), mode.writes() ? "repairing" : "comparing", done,
                        batches.size(), "batches");
                BatchResult result = reconcileBatch(comparison, repair, batch, ahead.next(), mode, sample, sampleLimit,
                        timings);
                identical &= result.identical();
                collateral += result.collateral();
                done++;
            }
            LOG.debug("{}: {} batches listed in {} ms, repaired in {} ms, rechecked in {} ms",
                    comparison.shape().name(), batches.size(), timings.listNanos / 1_000_000,
                    timings.repairNanos / 1_000_000, timings.checkNanos / 1_000_000);
            if (!mode.writes() || collateral == 0) {
                return new Outcome(identical, sample);
            }
            LOG.info("{}: rows colliding on a secondary unique key were replaced; comparing the whole table again"
                    + " (pass {})", comparison.shape().name(), pass + 1);
            // Displaced rows may lie anywhere in the table.
            compared = List.of(KeyRange.ALL);
            identical = false;
        }
        return new Outcome(identical, sample);
    }

    private record BatchResult(boolean identical, long collateral) {
    }

    /** Where one call's time went (debug lines); one per call, so table threads never share it. */
    private static final class Timings {
        private long listNanos;
        private long repairNanos;
        private long checkNanos;
    }

    /**
     * Lists the row hashes of the batches one ahead of the one being repaired, when the repairs
     * have sessions of their own: the servers read the next batch while the current one is written.
     */
    private final class Ahead {
        private final Comparison comparison;
        private final boolean runAhead;
        private final List<List<Leaf>> batches;
        private final Timings timings;
        private int index;
        private CompletableFuture<RowDiff> pending;

        Ahead(Comparison comparison, boolean runAhead, List<List<Leaf>> batches, Timings timings) {
            this.comparison = comparison;
            this.runAhead = runAhead;
            this.batches = batches;
            this.timings = timings;
        }

        /** The first attempt's diff of the next batch. */
        RowDiff next() {
            long listing = System.nanoTime();
            RowDiff diff;
            if (pending != null) {
                diff = Futures.join(pending);
            } else {
                diff = list(index);
            }
            timings.listNanos += System.nanoTime() - listing;
            index++;
            pending = runAhead && index < batches.size()
                    ? CompletableFuture.supplyAsync(() -> list(index), comparison.executor()) : null;
            return diff;
        }

        private RowDiff list(int batch) {
            List<Leaf> leaves = batches.get(batch);
            return diff(comparison, leaves.stream().map(Leaf::range).toList(), leaves.size());
        }
    }

    private BatchResult reconcileBatch(Comparison comparison, Repair repair, List<Leaf> batch, RowDiff firstDiff,
                                       SyncMode mode, List<String> sample, int sampleLimit, Timings timings) {
        List<KeyRange> ranges = batch.stream().map(Leaf::range).toList();
        long collateral = 0;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            long listing = System.nanoTime();
            RowDiff diff = attempt == 1 ? firstDiff : diff(comparison.withSides(repair.source(), repair.target()),
                    ranges, 0);
            timings.listNanos += System.nanoTime() - listing;
            if (diff.isEmpty()) {
                return new BatchResult(true, collateral);
            }
            if (!mode.writes()) {
                comparison.counters().applied(diff.inserts().size(), diff.updates().size(), diff.deletes().size());
                addSample(sample, sampleLimit, diff);
                return new BatchResult(false, 0);
            }
            long repairing = System.nanoTime();
            RangeRepairer.Result result = repairer.repair(repair.source().session(), repair.source().filter(),
                    repair.target().session(), comparison.shape(), diff, comparison.counters(), repair.writes());
            collateral += result.collateral();
            long checking = System.nanoTime();
            timings.repairNanos += checking - repairing;
            boolean repaired = repaired(comparison, repair, diff);
            timings.checkNanos += System.nanoTime() - checking;
            if (repaired) {
                return new BatchResult(true, collateral);
            }
            LOG.debug("{}: batch of {} ranges still differs after repair {}", comparison.shape().name(), ranges.size(),
                    attempt);
        }
        return new BatchResult(false, collateral);
    }

    private RowDiff diff(Comparison comparison, List<KeyRange> ranges, int newLeaves) {
        Both<RowHashes> rows = Both.run(comparison.executor(),
                () -> hasher.rowHashes(comparison.source(), comparison.shape(), ranges, comparison.hash()),
                () -> hasher.rowHashes(comparison.target(), comparison.shape(), ranges, comparison.hash()));
        comparison.counters().leafListed(newLeaves, rows.source().size() + rows.target().size());
        return RowDiff.between(rows.source(), rows.target());
    }

    /**
     * Whether every repaired row now matches: the rows of the diff are looked up by key on both
     * servers (the other rows of the batch were just found equal and were not touched).
     */
    private boolean repaired(Comparison comparison, Repair repair, RowDiff diff) {
        List<Key> keys = new ArrayList<>(diff.keysToCopy());
        keys.addAll(diff.deletes());
        Both<List<RangeHash>> hashes = Both.run(comparison.executor(),
                () -> hasher.hashesOfKeys(repair.source(), comparison.shape(), keys, comparison.hash()),
                () -> hasher.hashesOfKeys(repair.target(), comparison.shape(), keys, comparison.hash()));
        long rows = hashes.source().stream().mapToLong(RangeHash::count).sum()
                + hashes.target().stream().mapToLong(RangeHash::count).sum();
        comparison.counters().rangesCompared(hashes.source().size(), rows);
        return hashes.source().equals(hashes.target());
    }

    private static void addSample(List<String> sample, int limit, RowDiff diff) {
        add(sample, limit, "missing on target", diff.inserts());
        add(sample, limit, "differs", diff.updates());
        add(sample, limit, "only on target", diff.deletes());
    }

    private static void add(List<String> sample, int limit, String what, List<Key> keys) {
        for (Key key : keys) {
            if (sample.size() >= limit) {
                return;
            }
            sample.add(what + ": " + key);
        }
    }
}
