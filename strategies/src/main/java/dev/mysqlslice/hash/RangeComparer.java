package dev.mysqlslice.hash;

import dev.mysqlslice.jdbc.KeyCodec;
import dev.mysqlslice.model.Key;
import dev.mysqlslice.model.KeyRange;
import dev.mysqlslice.model.KeyType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the ranges of a table that differ between source and target, narrowed down to leaves of
 * at most {@link Comparison#leafRows()} rows. Both servers hash at the same time. A single
 * integer key is cut arithmetically into buckets, all hashed in one scan per server; a differing
 * bucket too big to be a leaf is cut again between its real smallest and largest key, so skewed
 * keys converge quickly and sparse keys never produce empty ranges. Any other key is cut at every
 * chunk-rows-th key read from the index of the side with more rows.
 *
 * <p>Before hashing every bucket of a big integer-keyed region, a few buckets spread over it are
 * hashed as a sample. When most of them differ (dense changes), hashing the rest would only
 * confirm that nearly every bucket must be listed row by row anyway: the buckets are then only
 * counted (a fraction of the cost of hashing) and all of them become leaves, except buckets too
 * big to list, which are hashed and cut as usual. Listing a leaf compares every row of it, so
 * this changes what is read, never what is found.
 */
public final class RangeComparer {

    private static final Logger LOG = LoggerFactory.getLogger(RangeComparer.class);
    /** The most buckets one bucket query returns, however big the table. */
    private static final long MAX_BUCKETS = 200_000;
    private static final int MAX_DEPTH = 12;
    /** Buckets hashed to judge how much of a region differs. */
    static final int SAMPLE_BUCKETS = 24;
    /** Regions of fewer buckets are hashed whole without a sample. */
    static final long MIN_BUCKETS_TO_SAMPLE = 240;
    /** The share of non-empty sampled buckets that must differ for the rest to be assumed different. */
    static final double DENSE_SHARE = 0.5;

    private final RangeHasher hasher;

    @Inject
    public RangeComparer(RangeHasher hasher) {
        this.hasher = hasher;
    }

    /** The differing leaves within {@code region}. */
    public List<Leaf> compare(Comparison comparison, KeyRange region) {
        List<Leaf> leaves = new ArrayList<>();
        if (comparison.shape().hasSingleIntegerKey()) {
            compareIntegerRegion(comparison, region, leaves);
        } else {
            compareCut(comparison, region, true, 0, leaves);
        }
        LOG.debug("{}: {} differing leaves in {}", comparison.shape().name(), leaves.size(), region);
        return leaves;
    }

    private void compareIntegerRegion(Comparison comparison, KeyRange region, List<Leaf> leaves) {
        Both<Optional<BigInteger[]>> extremes = Both.run(comparison.executor(),
                () -> extremes(comparison.source(), comparison, region),
                () -> extremes(comparison.target(), comparison, region));
        if (extremes.source().isEmpty() && extremes.target().isEmpty()) {
            return;
        }
        BigInteger lo = min(extremes.source().map(e -> e[0]), extremes.target().map(e -> e[0]));
        BigInteger hi = max(extremes.source().map(e -> e[1]), extremes.target().map(e -> e[1]));
        long estimate = Math.max(hasher.estimatedRows(comparison.target(), comparison.shape()),
                hasher.estimatedRows(comparison.source(), comparison.shape()));
        compareBuckets(comparison, lo, hi, estimate, 0, leaves);
    }

    /** The smallest and largest key of the region that exist on this side (two index dives). */
    private Optional<BigInteger[]> extremes(Side side, Comparison comparison, KeyRange region) {
        Optional<Key> min = hasher.minKey(side, comparison.shape(), region);
        if (min.isEmpty()) {
            return Optional.empty();
        }
        Key max = hasher.maxKey(side, comparison.shape(), region).orElseThrow();
        return Optional.of(new BigInteger[] {integer(min.get()), integer(max)});
    }

    private void compareBuckets(Comparison comparison, BigInteger lo, BigInteger hi, long estimatedRows, int depth,
                                List<Leaf> leaves) {
        BigInteger span = hi.subtract(lo).add(BigInteger.ONE);
        long rows = Math.max(1, Math.min(estimatedRows, span.min(BigInteger.valueOf(Long.MAX_VALUE)).longValue()));
        BigInteger step = span.multiply(BigInteger.valueOf(comparison.chunkRows()))
                .add(BigInteger.valueOf(rows - 1)).divide(BigInteger.valueOf(rows));
        step = step.max(span.divide(BigInteger.valueOf(MAX_BUCKETS))).max(BigInteger.ONE);
        BigInteger bucketStep = step;
        boolean dense = depth == 0 && mostlyDifferent(comparison, lo, hi, step);
        Both<java.util.Map<BigInteger, Bucket>> buckets = dense
                ? Both.run(comparison.executor(),
                        () -> hasher.bucketCounts(comparison.source(), comparison.shape(), lo, hi, bucketStep),
                        () -> hasher.bucketCounts(comparison.target(), comparison.shape(), lo, hi, bucketStep))
                : Both.run(comparison.executor(),
                        () -> hasher.buckets(comparison.source(), comparison.shape(), lo, hi, bucketStep, comparison.hash()),
                        () -> hasher.buckets(comparison.target(), comparison.shape(), lo, hi, bucketStep, comparison.hash()));
        Set<BigInteger> numbers = new HashSet<>(buckets.source().keySet());
        numbers.addAll(buckets.target().keySet());
        long hashedRows = 0;
        List<BigInteger[]> deeper = new ArrayList<>();
        List<Long> deeperRows = new ArrayList<>();
        for (BigInteger number : numbers.stream().sorted().toList()) {
            Bucket source = buckets.source().get(number);
            Bucket target = buckets.target().get(number);
            if (!dense) {
                hashedRows += rows(source) + rows(target);
                if (same(source, target)) {
                    continue;
                }
            }
            BigInteger from = min(Optional.ofNullable(source).map(Bucket::min), Optional.ofNullable(target).map(Bucket::min));
            BigInteger to = max(Optional.ofNullable(source).map(Bucket::max), Optional.ofNullable(target).map(Bucket::max));
            long bucketRows = Math.max(rows(source), rows(target));
            if (bucketRows <= comparison.leafRows() || step.equals(BigInteger.ONE) || depth >= MAX_DEPTH) {
                leaves.add(new Leaf(KeyRange.closed(key(comparison, from), key(comparison, to)), bucketRows));
            } else {
                deeper.add(new BigInteger[] {from, to});
                deeperRows.add(bucketRows);
            }
        }
        comparison.counters().rangesCompared(numbers.size(), hashedRows);
        for (int i = 0; i < deeper.size(); i++) {
            compareBuckets(comparison, deeper.get(i)[0], deeper.get(i)[1], deeperRows.get(i), depth + 1, leaves);
        }
    }

    /**
     * Whether most of a sample of buckets spread over {@code [lo, hi]} differ. Regions of few
     * buckets are not sampled (false): hashing them whole is cheap enough.
     */
    private boolean mostlyDifferent(Comparison comparison, BigInteger lo, BigInteger hi, BigInteger step) {
        BigInteger count = hi.subtract(lo).divide(step).add(BigInteger.ONE);
        if (count.compareTo(BigInteger.valueOf(MIN_BUCKETS_TO_SAMPLE)) < 0) {
            return false;
        }
        List<BigInteger> sample = sampleBuckets(count, SAMPLE_BUCKETS);
        Both<java.util.Map<BigInteger, Bucket>> hashes = Both.run(comparison.executor(),
                () -> hasher.bucketsAmong(comparison.source(), comparison.shape(), lo, hi, step, sample, comparison.hash()),
                () -> hasher.bucketsAmong(comparison.target(), comparison.shape(), lo, hi, step, sample, comparison.hash()));
        int nonEmpty = 0;
        int differing = 0;
        long hashedRows = 0;
        for (BigInteger number : sample) {
            Bucket source = hashes.source().get(number);
            Bucket target = hashes.target().get(number);
            if (source == null && target == null) {
                continue;
            }
            nonEmpty++;
            hashedRows += rows(source) + rows(target);
            differing += same(source, target) ? 0 : 1;
        }
        comparison.counters().rangesCompared(sample.size(), hashedRows);
        boolean dense = nonEmpty >= SAMPLE_BUCKETS / 2 && differing >= DENSE_SHARE * nonEmpty;
        LOG.debug("{}: {} of {} sampled buckets differ{}", comparison.shape().name(), differing, nonEmpty,
                dense ? "; listing every bucket without hashing the rest" : "");
        return dense;
    }

    /** Rows in a bucket of one side (0 when that side has none there). */
    private static long rows(Bucket bucket) {
        return bucket == null ? 0 : bucket.hash().count();
    }

    /** Whether both sides have the bucket with the same rows. */
    private static boolean same(Bucket source, Bucket target) {
        return source != null && target != null && source.hash().equals(target.hash());
    }

    /** The numbers of {@code samples} buckets spread evenly over {@code count} buckets: the middle of each equal slice. */
    static List<BigInteger> sampleBuckets(BigInteger count, int samples) {
        List<BigInteger> numbers = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            BigInteger number = count.multiply(BigInteger.valueOf(2L * i + 1)).divide(BigInteger.valueOf(2L * samples));
            if (numbers.isEmpty() || number.compareTo(numbers.get(numbers.size() - 1)) > 0) {
                numbers.add(number);
            }
        }
        return numbers;
    }

    /**
     * Cuts {@code region} at every chunk-rows-th key of one side and compares the pieces; a piece
     * still too big is cut again from the side that has more rows in it.
     */
    private void compareCut(Comparison comparison, KeyRange region, boolean cutFromSource, int depth, List<Leaf> leaves) {
        Side cutter = cutFromSource ? comparison.source() : comparison.target();
        List<Key> boundaries = hasher.boundaries(cutter, comparison.shape(), region, comparison.chunkRows());
        List<KeyRange> pieces = pieces(region, boundaries);
        Both<List<RangeHash>> hashes = Both.run(comparison.executor(),
                () -> hasher.ranges(comparison.source(), comparison.shape(), pieces, comparison.hash()),
                () -> hasher.ranges(comparison.target(), comparison.shape(), pieces, comparison.hash()));
        long hashedRows = 0;
        for (int i = 0; i < pieces.size(); i++) {
            RangeHash source = hashes.source().get(i);
            RangeHash target = hashes.target().get(i);
            hashedRows += source.count() + target.count();
            if (source.equals(target)) {
                continue;
            }
            long rows = Math.max(source.count(), target.count());
            boolean targetBigger = target.count() > source.count();
            boolean canCutFurther = depth < MAX_DEPTH && (pieces.size() > 1 || targetBigger == cutFromSource);
            if (rows <= comparison.leafRows() || !canCutFurther) {
                leaves.add(new Leaf(pieces.get(i), rows));
            } else {
                compareCut(comparison, pieces.get(i), !targetBigger, depth + 1, leaves);
            }
        }
        comparison.counters().rangesCompared(pieces.size(), hashedRows);
    }

    /** The pieces of {@code region} between consecutive boundaries: (lower, b1], (b1, b2], ..., (bn, upper]. */
    static List<KeyRange> pieces(KeyRange region, List<Key> boundaries) {
        List<KeyRange> pieces = new ArrayList<>(boundaries.size() + 1);
        Optional<dev.mysqlslice.model.Bound> lower = region.lower();
        for (Key boundary : boundaries) {
            pieces.add(new KeyRange(lower, Optional.of(dev.mysqlslice.model.Bound.inclusive(boundary))));
            lower = Optional.of(dev.mysqlslice.model.Bound.exclusive(boundary));
        }
        if (boundaries.isEmpty() || !region.upper().map(upper -> upper.inclusive()
                && upper.key().equals(boundaries.get(boundaries.size() - 1))).orElse(false)) {
            pieces.add(new KeyRange(lower, region.upper()));
        }
        return pieces;
    }

    private static Key key(Comparison comparison, BigInteger value) {
        boolean big = KeyType.of(comparison.shape().keys().get(0)) == KeyType.BIG_INTEGER;
        return Key.of(big ? KeyCodec.normalize(value) : (Object) value.longValueExact());
    }

    private static BigInteger integer(Key key) {
        Object part = key.part(0);
        return part instanceof BigInteger big ? big : BigInteger.valueOf((Long) part);
    }

    private static BigInteger min(Optional<BigInteger> a, Optional<BigInteger> b) {
        return a.isEmpty() ? b.orElseThrow() : b.isEmpty() ? a.get() : a.get().min(b.get());
    }

    private static BigInteger max(Optional<BigInteger> a, Optional<BigInteger> b) {
        return a.isEmpty() ? b.orElseThrow() : b.isEmpty() ? a.get() : a.get().max(b.get());
    }
}
