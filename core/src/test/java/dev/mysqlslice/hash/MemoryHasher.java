package dev.mysqlslice.hash;

import dev.mysqlslice.config.HashAlgorithm;
import dev.mysqlslice.error.Failure;
import dev.mysqlslice.error.MysqlsliceException;
import dev.mysqlslice.model.Bound;
import dev.mysqlslice.model.IntegerInterval;
import dev.mysqlslice.model.Key;
import dev.mysqlslice.model.KeyRange;
import dev.mysqlslice.model.ScanEnd;
import dev.mysqlslice.model.TableShape;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Two servers in memory for {@link RangeComparer}: each a sorted map from key to a row value, told
 * apart by the filter of the {@link Side} asking ("source" or "target"). Counts the queries of
 * each kind, and can stop source scans over too many rows as a server's time limit would.
 */
final class MemoryHasher implements Hasher {

    static final Side SOURCE = new Side(null, Optional.of("source"));
    static final Side TARGET = new Side(null, Optional.of("target"));

    private final NavigableMap<Key, Long> source = new TreeMap<>(KEY_ORDER);
    private final NavigableMap<Key, Long> target = new TreeMap<>(KEY_ORDER);
    private final Map<String, Integer> queries = new HashMap<>();
    private long sourceScanLimit = Long.MAX_VALUE;
    private Runnable beforeScans = () -> { };

    /** Single-column keys: integers by value, strings by text. */
    private static final Comparator<Key> KEY_ORDER = (a, b) -> a.part(0) instanceof String left
            ? left.compareTo((String) b.part(0)) : a.integer().compareTo(b.integer());

    /** Puts the same row on both servers. */
    MemoryHasher both(Object key, long value) {
        source.put(Key.of(key), value);
        target.put(Key.of(key), value);
        return this;
    }

    NavigableMap<Key, Long> source() {
        return source;
    }

    NavigableMap<Key, Long> target() {
        return target;
    }

    /**
     * Runs {@code writes} once, when the next bucket scan starts: rows written after the comparison
     * read both sides' smallest and largest keys.
     */
    void beforeScans(Runnable writes) {
        beforeScans = () -> {
            beforeScans = () -> { };
            writes.run();
        };
    }

    /** Source scans with a time limit that would read more than {@code rows} rows are stopped. */
    void stopSourceScansOver(long rows) {
        sourceScanLimit = rows;
    }

    /**
     * How many queries of one kind ran, both sides: "buckets", "counts", "among", "within", "ranges",
     * "boundaries", and "stopped" (source scans stopped at their time limit).
     */
    int queries(String kind) {
        return queries.getOrDefault(kind, 0);
    }

    @Override
    public Buckets buckets(Side side, TableShape shape, BigInteger lo, BigInteger hi, ScanEnd end,
                                           BigInteger step, HashAlgorithm hash) {
        return bucketsOf("buckets", side, lo, hi, end, step, key -> true, true);
    }

    @Override
    public Buckets bucketCounts(Side side, TableShape shape, BigInteger lo, BigInteger hi, ScanEnd end,
                                                BigInteger step) {
        return bucketsOf("counts", side, lo, hi, end, step, key -> true, false);
    }

    @Override
    public Buckets bucketsAmong(Side side, TableShape shape, BigInteger lo, BigInteger hi,
                                                BigInteger step, List<BigInteger> numbers, HashAlgorithm hash) {
        return bucketsOf("among", side, lo, hi, ScanEnd.AT_HI, step, key -> numbers.contains(key.subtract(lo).divide(step)), true);
    }

    @Override
    public Buckets bucketsWithin(Side side, TableShape shape, BigInteger lo, BigInteger hi,
                                                 BigInteger step, List<IntegerInterval> intervals, HashAlgorithm hash) {
        TreeMap<BigInteger, BigInteger> lastByFirst = new TreeMap<>();
        intervals.forEach(interval -> lastByFirst.merge(interval.first(), interval.last(), BigInteger::max));
        return bucketsOf("within", side, lo, hi, ScanEnd.AT_HI, step, key -> {
            Map.Entry<BigInteger, BigInteger> interval = lastByFirst.floorEntry(key);
            return interval != null && key.compareTo(interval.getValue()) <= 0;
        }, true);
    }

    @Override
    public List<RangeHash> ranges(Side side, TableShape shape, List<KeyRange> ranges, HashAlgorithm hash) {
        List<RangeHash> hashes = new ArrayList<>();
        for (KeyRange range : ranges) {
            count("ranges");
            NavigableMap<Key, Long> rows = rows(side, range);
            stopIfTooMany(side, rows.size());
            long xor = 0;
            for (Map.Entry<Key, Long> row : rows.entrySet()) {
                xor ^= mix(row.getKey(), row.getValue());
            }
            hashes.add(rows.isEmpty() ? RangeHash.EMPTY : new RangeHash(rows.size(), xor, 0));
        }
        return hashes;
    }

    @Override
    public List<Key> boundaries(Side side, TableShape shape, KeyRange range, int every) {
        count("boundaries");
        List<Key> keys = new ArrayList<>(rows(side, range).keySet());
        List<Key> boundaries = new ArrayList<>();
        for (int i = every - 1; i < keys.size(); i += every) {
            boundaries.add(keys.get(i));
        }
        return boundaries;
    }

    @Override
    public Optional<Key> minKey(Side side, TableShape shape, KeyRange range) {
        NavigableMap<Key, Long> rows = rows(side, range);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.firstKey());
    }

    @Override
    public Optional<Key> maxKey(Side side, TableShape shape, KeyRange range) {
        NavigableMap<Key, Long> rows = rows(side, range);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.lastKey());
    }

    @Override
    public long estimatedRows(Side side, TableShape shape) {
        return server(side).size();
    }

    /** Buckets as the SQL reads them: an open end reads every key above hi too (as it does from a lower bound of 0 up). */
    private Buckets bucketsOf(String kind, Side side, BigInteger lo, BigInteger hi, ScanEnd end,
                                              BigInteger step, Predicate<BigInteger> among, boolean hashed) {
        beforeScans.run();
        count(kind);
        TreeMap<BigInteger, long[]> sums = new TreeMap<>();
        Map<BigInteger, IntegerInterval> extremes = new HashMap<>();
        long read = 0;
        NavigableMap<Key, Long> keys = end == ScanEnd.OPEN && lo.signum() >= 0
                ? server(side).tailMap(integerKey(lo), true) : server(side).subMap(integerKey(lo), true, integerKey(hi), true);
        for (Map.Entry<Key, Long> row : keys.entrySet()) {
            BigInteger key = row.getKey().integer();
            if (!among.test(key)) {
                continue;
            }
            read++;
            BigInteger number = key.subtract(lo).divide(step);
            long[] sum = sums.computeIfAbsent(number, n -> new long[2]);
            sum[0]++;
            sum[1] ^= hashed ? mix(row.getKey(), row.getValue()) : 0;
            extremes.merge(number, new IntegerInterval(key, key),
                    (a, b) -> new IntegerInterval(a.first().min(b.first()), a.last().max(b.last())));
        }
        stopIfTooMany(side, read);
        // In descending order: the comparer must not rely on the order a server sends buckets in.
        Buckets.Builder buckets = Buckets.from(lo, step);
        sums.descendingMap().forEach((number, sum) -> buckets.add(number.longValue(),
                sum[0], sum[1], 0, extremes.get(number).first().subtract(lo).longValue(),
                extremes.get(number).last().subtract(lo).longValue()));
        return buckets.build();
    }

    /** The key of an integer value as the servers' maps hold it (Long where it fits). */
    private static Key integerKey(BigInteger value) {
        return Key.of(value.bitLength() < 64 ? (Object) value.longValue() : value);
    }

    private void stopIfTooMany(Side side, long rows) {
        if (side.filter().equals(SOURCE.filter()) && side.limit().isPresent() && rows > sourceScanLimit) {
            count("stopped");
            throw new MysqlsliceException(Failure.TIME_LIMIT, "the source stopped a scan of " + rows + " rows");
        }
    }

    private NavigableMap<Key, Long> rows(Side side, KeyRange range) {
        NavigableMap<Key, Long> rows = server(side);
        Optional<Bound> lower = range.lower();
        Optional<Bound> upper = range.upper();
        if (lower.isPresent()) {
            rows = rows.tailMap(lower.get().key(), lower.get().inclusive());
        }
        if (upper.isPresent()) {
            rows = rows.headMap(upper.get().key(), upper.get().inclusive());
        }
        return rows;
    }

    private NavigableMap<Key, Long> server(Side side) {
        return side.filter().equals(SOURCE.filter()) ? source : target;
    }

    private void count(String kind) {
        queries.merge(kind, 1, Integer::sum);
    }

    /**
     * A row's contribution to a hash: its key and value through a non-linear 64-bit mix (MurmurHash3's
     * finalizer), so that, as with the servers' row hash, two rows swapping values or getting the same
     * edit do not cancel in the XOR of a bucket.
     */
    private static long mix(Key key, long value) {
        return fmix64(fmix64(key.hashCode()) ^ value);
    }

    private static long fmix64(long value) {
        long x = value;
        x ^= x >>> 33;
        x *= 0xFF51AFD7ED558CCDL;
        x ^= x >>> 33;
        x *= 0xC4CEB9FE1A85EC53L;
        return x ^ (x >>> 33);
    }
}
