package dev.mysqlslice.strategy;

import dev.mysqlslice.hash.Both;
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
import dev.mysqlslice.transfer.RangeRepairer;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes some key ranges of a table identical (or, without writing, finds exactly how they
 * differ): compare range hashes, list the rows of differing leaves on both servers, repair only
 * the rows that differ, then hash each repaired batch again to confirm it now matches.
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
    public Outcome reconcileLeaves(Comparison comparison, List<Leaf> leaves, SyncMode mode, int sampleLimit) {
        List<String> sample = new ArrayList<>();
        boolean identical = true;
        for (List<Leaf> batch : LeafBatches.of(leaves)) {
            BatchResult result = reconcileBatch(comparison, batch, mode, sample, sampleLimit);
            identical &= result.identical() && result.collateral() == 0;
        }
        return new Outcome(identical, sample);
    }

    public Outcome reconcile(Comparison comparison, List<KeyRange> regions, SyncMode mode, int sampleLimit,
                             ProgressListener progress) {
        List<String> sample = new ArrayList<>();
        boolean identical = true;
        for (int pass = 1; pass <= PASSES; pass++) {
            List<Leaf> leaves = new ArrayList<>();
            for (KeyRange region : regions) {
                leaves.addAll(comparer.compare(comparison, region));
            }
            List<List<Leaf>> batches = LeafBatches.of(leaves);
            long collateral = 0;
            identical = true;
            int done = 0;
            for (List<Leaf> batch : batches) {
                progress.update(comparison.shape().name(), mode.writes() ? "repairing" : "comparing", done,
                        batches.size(), "batches");
                BatchResult result = reconcileBatch(comparison, batch, mode, sample, sampleLimit);
                identical &= result.identical();
                collateral += result.collateral();
                done++;
            }
            if (!mode.writes() || collateral == 0) {
                return new Outcome(identical, sample);
            }
            LOG.info("{}: rows colliding on a secondary unique key were replaced; comparing again (pass {})",
                    comparison.shape().name(), pass + 1);
            identical = false;
        }
        return new Outcome(identical, sample);
    }

    private record BatchResult(boolean identical, long collateral) {
    }

    private BatchResult reconcileBatch(Comparison comparison, List<Leaf> batch, SyncMode mode, List<String> sample,
                                       int sampleLimit) {
        List<KeyRange> ranges = batch.stream().map(Leaf::range).toList();
        long collateral = 0;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            RowDiff diff = diff(comparison, ranges, attempt == 1 ? batch.size() : 0);
            if (diff.isEmpty()) {
                return new BatchResult(true, collateral);
            }
            if (!mode.writes()) {
                comparison.counters().applied(diff.inserts().size(), diff.updates().size(), diff.deletes().size());
                addSample(sample, sampleLimit, diff);
                return new BatchResult(false, 0);
            }
            RangeRepairer.Result result = repairer.repair(comparison.source().session(), comparison.source().filter(),
                    comparison.target().session(), comparison.shape(), diff, comparison.counters());
            collateral += result.collateral();
            if (matches(comparison, ranges)) {
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

    private boolean matches(Comparison comparison, List<KeyRange> ranges) {
        Both<RangeHash> hashes = Both.run(comparison.executor(),
                () -> hasher.together(comparison.source(), comparison.shape(), ranges, comparison.hash()),
                () -> hasher.together(comparison.target(), comparison.shape(), ranges, comparison.hash()));
        comparison.counters().rangeCompared(hashes.source().count() + hashes.target().count());
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
