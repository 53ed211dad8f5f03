package dev.mysqlslice.hash;

import dev.mysqlslice.concurrent.Both;
import dev.mysqlslice.error.Failure;
import dev.mysqlslice.error.MysqlsliceException;
import dev.mysqlslice.jdbc.KeyCodec;
import dev.mysqlslice.model.Bound;
import dev.mysqlslice.model.IntegerInterval;
import dev.mysqlslice.model.Key;
import dev.mysqlslice.model.KeyRange;
import dev.mysqlslice.model.ScanEnd;
import dev.mysqlslice.model.KeyType;
import dev.mysqlslice.throttle.Pace;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
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
 * <p>Before hashing every bucket of a big integer-keyed region, a sync (not a verify, which expects
 * the tables to match: {@link ExpectedChanges}) hashes a few buckets spread over it as a sample
 * (as narrow as the finer hash's, where differing buckets would be hashed finer). When most of
 * them differ (dense changes), hashing the rest would only confirm that nearly every
 * bucket must be listed row by row anyway: the buckets are then only counted (a fraction of the
 * cost of hashing) and all of them become leaves, except buckets too big to list, which are hashed
 * and cut as usual. Otherwise the region is hashed in the narrow buckets at once: whether a few
 * changes (a tenth of the buckets differ) or many (0.1-1% of the rows: nearly all do), hashing
 * the differing buckets again finer would read more than the narrow scan costs, which is the
 * same server work as the wide one. Listing a leaf compares every row of it, so this changes what
 * is read, never what is found.
 */
public final class RangeComparer {

    private static final Logger LOG = LoggerFactory.getLogger(RangeComparer.class);
    /** The most buckets one bucket query returns, however big the table. */
    private static final long MAX_BUCKETS = 200_000;
    /**
     * The most buckets a narrow first pass cuts a region into (every bucket is a row each server
     * sends and the client decodes): 1,000,000 rows still get the full sixteenth, bigger tables
     * buckets less narrow.
     */
    static final long MAX_NARROW_BUCKETS = 20_000;
    private static final int MAX_DEPTH = 12;
    /** Buckets hashed to judge how much of a region differs. */
    static final int SAMPLE_BUCKETS = 24;
    /** Regions of fewer buckets are hashed whole without a sample. */
    static final long MIN_BUCKETS_TO_SAMPLE = 240;
    /** The share of non-empty sampled buckets that must differ for the rest to be assumed different. */
    static final double DENSE_SHARE = 0.5;
    /** The fewest rows per bucket a window is sized by (an empty window doubles the next one). */
    private static final double MIN_ROWS_PER_BUCKET = 1e-6;
    /** Into how many buckets a bucket no scan could read in time is cut. */
    private static final double UNSCANNED_FINER = 16;
    /**
     * Single buckets in a row the source may stop before the comparison gives up: skew makes a
     * few, a source too busy for any scan makes them all.
     */
    private static final int MAX_SINGLE_STOPS = 8;
    /** How many times narrower the buckets are when a differing bucket small enough to list is hashed again. */
    private static final int FINER = 16;
    /** The fewest rows a differing bucket must hold to be hashed again before it is listed. */
    private static final long MIN_ROWS_TO_HASH_FINER = 256;
    /** The most buckets one finer hash query reads (each one BETWEEN in its WHERE). */
    static final int MAX_FINER_RANGES = 1000;

    private final Hasher hasher;

    @Inject
    public RangeComparer(RangeHasher hasher) {
        this((Hasher) hasher);
    }

    /** A comparer asking {@code hasher} (a test's in-memory servers, say). */
    public RangeComparer(Hasher hasher) {
        this.hasher = hasher;
    }

    /** The differing leaves within {@code region}. */
    public List<Leaf> compare(Comparison comparison, KeyRange region) {
        List<Leaf> leaves = new ArrayList<>();
        if (comparison.shape().hasSingleIntegerKey()) {
            compareIntegerRegion(comparison, region, leaves);
        } else if (comparison.shape().hasLeadingIntegerKey() && region.lower().isEmpty()) {
            compareByLeadingColumn(comparison, region, leaves);
        } else {
            compareCut(comparison, region, CutBy.SOURCE, 0, leaves);
        }
        LOG.debug("{}: {} differing leaves in {}", comparison.shape().name(), leaves.size(), region);
        return leaves;
    }

    /**
     * A key of several columns starting with an integer, in a region without a lower bound (a
     * whole table, or all of it up to the target's largest key): the leading column is bucketed
     * like a single integer key. Up to a full-key upper bound {@code (a, b)}, the leading values
     * below {@code a} are bucketed and the rows of {@code a} up to the bound are cut, so no row
     * past the region is compared.
     */
    private void compareByLeadingColumn(Comparison comparison, KeyRange region, List<Leaf> leaves) {
        Optional<Bound> upper = region.upper();
        if (upper.isEmpty() || upper.get().key().size() == 1) {
            compareIntegerRegion(comparison, region, leaves);
            return;
        }
        Key leading = Key.of(upper.get().key().part(0));
        compareIntegerRegion(comparison, new KeyRange(Optional.empty(), Optional.of(Bound.exclusive(leading))), leaves);
        compareCut(comparison, new KeyRange(Optional.of(Bound.inclusive(leading)), upper), CutBy.SOURCE, 0, leaves);
    }

    private void compareIntegerRegion(Comparison comparison, KeyRange region, List<Leaf> leaves) {
        Both<Optional<IntegerInterval>> extremes = Both.run(comparison.executor(),
                () -> extremes(comparison.source(), comparison, region),
                () -> extremes(comparison.target(), comparison, region));
        if (extremes.source().isEmpty() && extremes.target().isEmpty()) {
            return;
        }
        BigInteger lo = min(extremes.source().map(IntegerInterval::first), extremes.target().map(IntegerInterval::first));
        BigInteger hi = max(extremes.source().map(IntegerInterval::last), extremes.target().map(IntegerInterval::last));
        long estimate = Math.max(hasher.estimatedRows(comparison.target(), comparison.shape()),
                hasher.estimatedRows(comparison.source(), comparison.shape()));
        // With no upper bound, hi is the largest key either side had a moment ago: the scans may run to the table's end.
        ScanEnd end = region.upper().isEmpty() ? ScanEnd.OPEN : ScanEnd.AT_HI;
        compareBuckets(comparison, new Span(lo, hi, estimate, comparison.chunkRows()), end, 0, leaves);
    }

    /** The smallest and largest key of the region that exist on this side (two index dives). */
    private Optional<IntegerInterval> extremes(Side side, Comparison comparison, KeyRange region) {
        Optional<Key> min = hasher.minKey(side, comparison.shape(), region);
        if (min.isEmpty()) {
            return Optional.empty();
        }
        Key max = hasher.maxKey(side, comparison.shape(), region).orElseThrow();
        return Optional.of(new IntegerInterval(min.get().integer(), max.integer()));
    }

    private void compareBuckets(Comparison comparison, Span region, ScanEnd end, int depth, List<Leaf> leaves) {
        BigInteger lo = region.lo();
        BigInteger hi = region.hi();
        BigInteger span = hi.subtract(lo).add(BigInteger.ONE);
        boolean leading = comparison.shape().hasLeadingIntegerKey();
        if (leading && span.equals(BigInteger.ONE) && region.rows() > comparison.leafRows()) {
            finest(comparison, region, leaves);
            return;
        }
        // A unique integer key holds at most one row per value; a leading column may hold many.
        long rows = Math.max(1, leading ? region.rows()
                : Math.min(region.rows(), span.min(BigInteger.valueOf(Long.MAX_VALUE)).longValue()));
        BigInteger step = span.multiply(BigInteger.valueOf(region.bucketRows()))
                .add(BigInteger.valueOf(rows - 1)).divide(BigInteger.valueOf(rows));
        step = step.max(span.divide(BigInteger.valueOf(MAX_BUCKETS))).max(BigInteger.ONE);
        long bucketRows = region.bucketRows();
        // Differing buckets would be hashed again finer: the sample is of buckets that narrow (step / FINER >= 1).
        boolean hashedFiner = worthHashingFiner(bucketRows, step);
        Density density = depth == 0 && comparison.expected() == ExpectedChanges.ANY
                ? density(comparison, lo, hi, step, hashedFiner) : Density.UNKNOWN;
        boolean dense = density == Density.DENSE;
        if (density == Density.SPARSE && hashedFiner) {
            // Differing buckets would be read again to hash them finer: the region is read once, as finely as the
            // sample.
            BigInteger narrow = step.divide(BigInteger.valueOf(FINER)).max(span.divide(BigInteger.valueOf(MAX_NARROW_BUCKETS)));
            if (narrow.compareTo(step) < 0) {
                LOG.debug("{}: hashing buckets of {} keys instead of {}", comparison.shape().name(), narrow, step);
                bucketRows = BigInteger.valueOf(bucketRows).multiply(narrow).divide(step).max(BigInteger.ONE).longValue();
                step = narrow;
            }
        }
        Scan scan = scan(comparison, lo, hi, end, step, rows, bucketRows, dense);
        long compared = 0;
        long hashedRows = 0;
        boolean finest = step.equals(BigInteger.ONE) || depth >= MAX_DEPTH;
        List<Span> deeper = new ArrayList<>();
        List<Span> finer = new ArrayList<>();
        for (Buckets.Pairs bucket = Buckets.pairs(scan.source(), scan.target()); bucket.next(); ) {
            compared++;
            if (!dense) {
                hashedRows += bucket.rows();
                if (bucket.same()) {
                    continue;
                }
            }
            Span differing = covering(bucket, comparison.chunkRows());
            if (differing.rows() <= comparison.leafRows()) {
                if (!dense && worthHashingFiner(differing.rows(), step)) {
                    finer.add(differing);
                } else {
                    leaves.add(leaf(comparison, differing));
                }
            } else if (finest) {
                finest(comparison, differing, leaves);
            } else {
                deeper.add(differing);
            }
        }
        for (Span unscanned : scan.unscanned()) {
            if (finest) {
                finest(comparison, unscanned, leaves);
            } else {
                deeper.add(unscanned);
            }
        }
        comparison.counters().rangesCompared(compared, hashedRows);
        hashFiner(comparison, lo, hi, step.divide(BigInteger.valueOf(FINER)), finer, leaves);
        for (Span next : deeper) {
            compareBuckets(comparison, next, ScanEnd.AT_HI, depth + 1, leaves);
        }
    }

    /**
     * Whether a differing bucket small enough to list is worth hashing again in buckets
     * {@value #FINER} times narrower first: it holds enough rows, and its keys span enough values.
     */
    private static boolean worthHashingFiner(long rows, BigInteger step) {
        return rows >= MIN_ROWS_TO_HASH_FINER && step.compareTo(BigInteger.valueOf(FINER)) >= 0;
    }

    /**
     * Hashes differing buckets again in buckets of {@code step} keys, numbered from {@code lo}, one
     * query per server per group of them; the finer buckets that differ become the leaves. Listing
     * a row costs several times hashing it (it is sent and decoded), so where a bucket holds a few
     * changed rows this lists about a {@value #FINER}th of its rows. The first group is small (the
     * rows of one listing batch): when most of the narrower buckets it hashed differ too (changes
     * are dense there: each would be listed anyway), the remaining buckets are listed whole without
     * hashing them again. The rest go in groups as big as the source's scans (its pace), so a few
     * dozen scattered changes cost two queries per server, not one per listing batch. A group the
     * source stops at its time limit is tried again in small groups; a small one becomes leaves as
     * it is (listing is what was left to do anyway).
     */
    private void hashFiner(Comparison comparison, BigInteger lo, BigInteger regionHi, BigInteger step, List<Span> buckets,
                           List<Leaf> leaves) {
        // A scan run to the table's end may have found buckets past the region's highest key.
        BigInteger hi = buckets.stream().map(Span::hi).reduce(regionHi, BigInteger::max);
        long hashedFiner = 0;
        long differingFiner = 0;
        Deque<List<Span>> groups = new ArrayDeque<>(finerGroups(buckets, comparison.pacing().scans().size()));
        while (!groups.isEmpty()) {
            List<Span> group = groups.removeFirst();
            if (hashedFiner > 0 && differingFiner >= DENSE_SHARE * hashedFiner) {
                group.forEach(bucket -> leaves.add(leaf(comparison, bucket)));
                continue;
            }
            List<IntegerInterval> within = group.stream().map(bucket -> new IntegerInterval(bucket.lo(), bucket.hi())).toList();
            Side limited = comparison.source().limitedTo(comparison.pacing().scans().limit());
            Both<Buckets> hashes;
            try {
                hashes = Both.run(comparison.executor(),
                        () -> hasher.bucketsWithin(limited, comparison.shape(), lo, hi, step, within, comparison.hash()),
                        () -> hasher.bucketsWithin(comparison.target(), comparison.shape(), lo, hi, step, within,
                                comparison.hash()));
            } catch (MysqlsliceException e) {
                if (e.failure() != Failure.TIME_LIMIT) {
                    throw e;
                }
                List<List<Span>> smaller = LeafBatches.of(group, Span::rows);
                if (smaller.size() > 1) {
                    LOG.debug("{}: the source stopped a finer hash of {} buckets at its time limit; trying smaller groups",
                            comparison.shape().name(), group.size());
                    for (int i = smaller.size() - 1; i >= 0; i--) {
                        groups.addFirst(smaller.get(i));
                    }
                } else {
                    LOG.debug("{}: the source stopped a finer hash of {} buckets at its time limit; listing them whole",
                            comparison.shape().name(), group.size());
                    group.forEach(bucket -> leaves.add(leaf(comparison, bucket)));
                }
                continue;
            }
            long compared = 0;
            long hashedRows = 0;
            for (Buckets.Pairs bucket = Buckets.pairs(hashes.source(), hashes.target()); bucket.next(); ) {
                compared++;
                hashedRows += bucket.rows();
                if (!bucket.same()) {
                    differingFiner++;
                    leaves.add(leaf(comparison, covering(bucket, comparison.chunkRows())));
                }
            }
            hashedFiner += compared;
            comparison.counters().rangesCompared(compared, hashedRows);
        }
    }

    /**
     * The groups of differing buckets hashed finer: first one listing batch, then groups of up to
     * {@code scanRows} rows (at least a listing batch) and {@value #MAX_FINER_RANGES} buckets.
     */
    private static List<List<Span>> finerGroups(List<Span> buckets, long scanRows) {
        List<List<Span>> groups = new ArrayList<>();
        if (buckets.isEmpty()) {
            return groups;
        }
        List<Span> first = LeafBatches.of(buckets, Span::rows).get(0);
        groups.add(first);
        groups.addAll(LeafBatches.of(buckets.subList(first.size(), buckets.size()), Span::rows,
                Math.max(LeafBatches.MAX_ROWS, scanRows), MAX_FINER_RANGES));
        return groups;
    }

    /** The keys a bucket holds on either side (from the smaller smallest to the larger largest), and its rows. */
    private static Span covering(Buckets.Pairs bucket, long bucketRows) {
        return new Span(bucket.lowest(), bucket.highest(), bucket.maxRows(), bucketRows);
    }

    private static Leaf leaf(Comparison comparison, Span span) {
        return new Leaf(KeyRange.closed(key(comparison, span.lo()), key(comparison, span.hi())), span.rows());
    }

    /** How long the source's half of a comparison step took (what its pace learns from). */
    private static final class SourceTimer {
        private volatile long nanos;

        <T> T time(Supplier<T> work) {
            long start = System.nanoTime();
            T result = work.get();
            nanos = System.nanoTime() - start;
            return result;
        }

        long nanos() {
            return nanos;
        }
    }

    /**
     * A differing span that buckets cannot cut further: a leaf, unless the key has more columns,
     * whose rows for these leading values are then cut at every chunk-rows-th key.
     */
    private void finest(Comparison comparison, Span span, List<Leaf> leaves) {
        KeyRange range = KeyRange.closed(key(comparison, span.lo()), key(comparison, span.hi()));
        if (comparison.shape().hasLeadingIntegerKey()) {
            compareCut(comparison, range, CutBy.SOURCE, 0, leaves);
        } else {
            leaves.add(new Leaf(range, span.rows()));
        }
    }

    /** Keys {@code lo} to {@code hi} holding about {@code rows} rows, to be cut into buckets of about {@code bucketRows}. */
    private record Span(BigInteger lo, BigInteger hi, long rows, long bucketRows) {
    }

    /**
     * The buckets of a region on both sides, numbered from its lowest key, and the buckets no
     * scan could read within the source's time limit (each to be cut finer: it holds far more
     * rows than its share).
     */
    private record Scan(Buckets source, Buckets target, List<Span> unscanned) {
    }

    /**
     * Every non-empty bucket of {@code step} keys in {@code [lo, hi]} on both sides (only counted
     * when {@code countOnly}), numbered from {@code lo}. The target (mysqlslice's own server) is
     * scanned in one query; at the same time the source is scanned in windows of whole buckets, as
     * many as its pace's rows at the rows per bucket the previous window found (the region's
     * estimate at first), so skewed keys do not make one source query much longer than the next.
     * A window the source stops at its time limit is tried again smaller; a single bucket it stops
     * is left out of both sides and returned as unscanned.
     */
    private Scan scan(Comparison comparison, BigInteger lo, BigInteger hi, ScanEnd end, BigInteger step,
                      long estimatedRows, long bucketRows, boolean countOnly) {
        Both<SideScan> both = Both.run(comparison.executor(),
                () -> scanSource(comparison, lo, hi, end, step, estimatedRows, bucketRows, countOnly),
                () -> new SideScan(countOnly ? hasher.bucketCounts(comparison.target(), comparison.shape(), lo, hi, end, step)
                        : hasher.buckets(comparison.target(), comparison.shape(), lo, hi, end, step, comparison.hash()),
                        Map.of()));
        Buckets target = both.target().buckets().without(both.source().unscanned().keySet());
        return new Scan(both.source().buckets(), target, List.copyOf(both.source().unscanned().values()));
    }

    /** The buckets one side's scan read, and (the source's only) the buckets it stopped, by number. */
    private record SideScan(Buckets buckets, Map<Long, Span> unscanned) {
    }

    private SideScan scanSource(Comparison comparison, BigInteger lo, BigInteger hi, ScanEnd end, BigInteger step,
                                  long estimatedRows, long bucketRows, boolean countOnly) {
        Pace pace = countOnly ? comparison.pacing().counts() : comparison.pacing().scans();
        Side source = comparison.source().limitedTo(pace.limit());
        BigInteger count = hi.subtract(lo).divide(step).add(BigInteger.ONE);
        Buckets.Builder buckets = Buckets.from(lo, step);
        Map<Long, Span> unscanned = new HashMap<>();
        int singleStops = 0;
        double rowsPerBucket = Math.max(MIN_ROWS_PER_BUCKET, estimatedRows / count.doubleValue());
        BigInteger first = BigInteger.ZERO;
        while (first.compareTo(count) < 0) {
            BigInteger windowBuckets = BigInteger.valueOf((long) Math.max(1, Math.min(Long.MAX_VALUE / 2.0,
                    pace.size() / rowsPerBucket))).min(count.subtract(first));
            BigInteger from = lo.add(first.multiply(step));
            BigInteger to = from.add(windowBuckets.multiply(step)).subtract(BigInteger.ONE).min(hi);
            ScanEnd windowEnd = first.add(windowBuckets).compareTo(count) >= 0 ? end : ScanEnd.AT_HI;
            long start = System.nanoTime();
            Buckets window;
            try {
                window = countOnly ? hasher.bucketCounts(source, comparison.shape(), from, to, windowEnd, step)
                        : hasher.buckets(source, comparison.shape(), from, to, windowEnd, step, comparison.hash());
            } catch (MysqlsliceException e) {
                if (e.failure() != Failure.TIME_LIMIT) {
                    throw e;
                }
                if (windowBuckets.equals(BigInteger.ONE)) {
                    if (++singleStops > MAX_SINGLE_STOPS) {
                        throw pace.gaveUp("the scan of single buckets of " + comparison.shape().name(), e);
                    }
                    // One bucket holds too many rows to scan in time: it is cut finer, as if it differed.
                    long guess = (long) Math.min(Long.MAX_VALUE / 2.0, Math.max(rowsPerBucket, bucketRows));
                    unscanned.put(first.longValue(), new Span(from, to, guess, Math.max(1, (long) (guess / UNSCANNED_FINER))));
                    first = first.add(BigInteger.ONE);
                    LOG.debug("{}: the source stopped the scan of one bucket at its time limit; cutting it finer",
                            comparison.shape().name());
                } else {
                    if (!pace.stopped((long) Math.min(Long.MAX_VALUE / 2.0, windowBuckets.doubleValue() * rowsPerBucket))) {
                        throw pace.gaveUp("a bucket scan of " + comparison.shape().name(), e);
                    }
                    LOG.debug("{}: the source stopped a scan of {} buckets at its time limit; trying {} rows",
                            comparison.shape().name(), windowBuckets, pace.size());
                }
                continue;
            }
            singleStops = 0;
            long rows = window.rows();
            pace.took(rows, System.nanoTime() - start);
            rowsPerBucket = rows > 0 ? Math.max(MIN_ROWS_PER_BUCKET, rows / windowBuckets.doubleValue())
                    : Math.max(MIN_ROWS_PER_BUCKET, rowsPerBucket / 2);
            buckets.addAll(window);
            first = first.add(windowBuckets);
        }
        return new SideScan(buckets.build(), unscanned);
    }

    /**
     * How many of a sample of buckets spread over {@code [lo, hi]} differ. Regions of few
     * buckets are not sampled (UNKNOWN): hashing them whole is cheap enough. Where differing buckets
     * would be hashed finer before they are listed, the sample is of buckets that much narrower:
     * what the choice is between is listing every bucket whole or listing only the narrower
     * buckets that differ, so their share is the one to judge by (a few changed rows in every
     * bucket are not dense changes when a sixteenth of each bucket would be listed), and the sample
     * reads a sixteenth of the rows. {@code finer}: whether differing buckets of {@code step} keys
     * would be hashed finer (the caller's judgement, which its narrow pass then relies on).
     */
    private Density density(Comparison comparison, BigInteger lo, BigInteger hi, BigInteger step, boolean finer) {
        BigInteger count = hi.subtract(lo).divide(step).add(BigInteger.ONE);
        if (count.compareTo(BigInteger.valueOf(MIN_BUCKETS_TO_SAMPLE)) < 0) {
            return Density.UNKNOWN;
        }
        BigInteger sampleStep = finer ? step.divide(BigInteger.valueOf(FINER)) : step;
        List<BigInteger> sample = sampleBuckets(hi.subtract(lo).divide(sampleStep).add(BigInteger.ONE), SAMPLE_BUCKETS);
        Side limited = comparison.source().limitedTo(comparison.pacing().time().limit());
        Both<Buckets> hashes;
        try {
            hashes = Both.run(comparison.executor(),
                    () -> hasher.bucketsAmong(limited, comparison.shape(), lo, hi, sampleStep, sample, comparison.hash()),
                    () -> hasher.bucketsAmong(comparison.target(), comparison.shape(), lo, hi, sampleStep, sample,
                            comparison.hash()));
        } catch (MysqlsliceException e) {
            if (e.failure() != Failure.TIME_LIMIT) {
                throw e;
            }
            LOG.debug("{}: the source stopped the sample at its time limit; hashing every bucket", comparison.shape().name());
            return Density.UNKNOWN;
        }
        int nonEmpty = 0;
        int differing = 0;
        long hashedRows = 0;
        for (Buckets.Pairs bucket = Buckets.pairs(hashes.source(), hashes.target()); bucket.next(); ) {
            nonEmpty++;
            hashedRows += bucket.rows();
            differing += bucket.same() ? 0 : 1;
        }
        comparison.counters().rangesCompared(sample.size(), hashedRows);
        if (nonEmpty < SAMPLE_BUCKETS / 2) {
            LOG.debug("{}: {} of {} sampled buckets hold rows", comparison.shape().name(), nonEmpty, sample.size());
            return Density.UNKNOWN;
        }
        Density density = differing >= DENSE_SHARE * nonEmpty ? Density.DENSE : Density.SPARSE;
        LOG.debug("{}: {} of {} sampled buckets differ{}", comparison.shape().name(), differing, nonEmpty,
                density == Density.DENSE ? "; listing every bucket without hashing the rest" : "");
        return density;
    }

    /**
     * What a region's sample found. DENSE: most sampled buckets differ (the rest are only counted,
     * and all listed). SPARSE: fewer do (the region is hashed in buckets as narrow as the
     * sample's). UNKNOWN: no sample was taken, or too few sampled buckets hold rows to judge by.
     */
    private enum Density {
        DENSE, SPARSE, UNKNOWN
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
    private void compareCut(Comparison comparison, KeyRange region, CutBy cutBy, int depth, List<Leaf> leaves) {
        Side cutter = cutBy == CutBy.SOURCE ? comparison.source() : comparison.target();
        Pace pace = comparison.pacing().pieces();
        int every = (int) pace.size();
        List<Key> boundaries = hasher.boundaries(cutter, comparison.shape(), region, every);
        List<KeyRange> pieces = pieces(region, boundaries);
        Side limited = comparison.source().limitedTo(pace.limit());
        SourceTimer timer = new SourceTimer();
        Both<List<RangeHash>> hashes;
        try {
            hashes = Both.run(comparison.executor(),
                    () -> timer.time(() -> hasher.ranges(limited, comparison.shape(), pieces, comparison.hash())),
                    () -> hasher.ranges(comparison.target(), comparison.shape(), pieces, comparison.hash()));
        } catch (MysqlsliceException e) {
            if (e.failure() != Failure.TIME_LIMIT) {
                throw e;
            }
            if (!pace.stopped(every)) {
                throw pace.gaveUp("a range hash of " + comparison.shape().name(), e);
            }
            LOG.debug("{}: the source stopped a range hash at its time limit; cutting every {} rows",
                    comparison.shape().name(), pace.size());
            compareCut(comparison, region, cutBy, depth, leaves);
            return;
        }
        pace.took(hashes.source().stream().mapToLong(RangeHash::count).sum(), timer.nanos(), pieces.size());
        long hashedRows = 0;
        for (int i = 0; i < pieces.size(); i++) {
            RangeHash source = hashes.source().get(i);
            RangeHash target = hashes.target().get(i);
            hashedRows += source.count() + target.count();
            if (source.equals(target)) {
                continue;
            }
            long rows = Math.max(source.count(), target.count());
            CutBy bigger = target.count() > source.count() ? CutBy.TARGET : CutBy.SOURCE;
            boolean canCutFurther = depth < MAX_DEPTH && (pieces.size() > 1 || bigger != cutBy);
            if (rows <= comparison.leafRows() || !canCutFurther) {
                leaves.add(new Leaf(pieces.get(i), rows));
            } else {
                compareCut(comparison, pieces.get(i), bigger, depth + 1, leaves);
            }
        }
        comparison.counters().rangesCompared(pieces.size(), hashedRows);
    }

    /** Whose index a region is cut at: the side with more rows in it (the source at first). */
    private enum CutBy {
        SOURCE, TARGET
    }

    /** The pieces of {@code region} between consecutive boundaries: (lower, b1], (b1, b2], ..., (bn, upper]. */
    static List<KeyRange> pieces(KeyRange region, List<Key> boundaries) {
        List<KeyRange> pieces = new ArrayList<>(boundaries.size() + 1);
        Optional<Bound> lower = region.lower();
        for (Key boundary : boundaries) {
            pieces.add(new KeyRange(lower, Optional.of(Bound.inclusive(boundary))));
            lower = Optional.of(Bound.exclusive(boundary));
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

    private static BigInteger min(Optional<BigInteger> a, Optional<BigInteger> b) {
        return a.isEmpty() ? b.orElseThrow() : b.isEmpty() ? a.get() : a.get().min(b.get());
    }

    private static BigInteger max(Optional<BigInteger> a, Optional<BigInteger> b) {
        return a.isEmpty() ? b.orElseThrow() : b.isEmpty() ? a.get() : a.get().max(b.get());
    }
}
