package dev.mysqlslice.hash;

import dev.mysqlslice.config.HashAlgorithm;
import dev.mysqlslice.model.IntegerInterval;
import dev.mysqlslice.model.Key;
import dev.mysqlslice.model.KeyRange;
import dev.mysqlslice.model.ScanEnd;
import dev.mysqlslice.model.TableShape;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * What {@link RangeComparer} asks of one server: bucket and range hashes, a few keys, a row
 * estimate. {@link RangeHasher} answers with SQL; a test can answer from memory.
 */
public interface Hasher {

    /**
     * Every non-empty bucket of {@code step} integer keys in {@code [lo, hi]} (past {@code hi} too
     * when {@code end} is {@link ScanEnd#OPEN}, as far as the server can), numbered from {@code lo}.
     */
    Buckets buckets(Side side, TableShape shape, BigInteger lo, BigInteger hi, ScanEnd end, BigInteger step,
                                    HashAlgorithm hash);

    /** Like {@link #buckets}, counting rows without hashing them (the hashes are 0). */
    Buckets bucketCounts(Side side, TableShape shape, BigInteger lo, BigInteger hi, ScanEnd end,
                                         BigInteger step);

    /** Like {@link #buckets}, for only the buckets numbered {@code numbers}. */
    Buckets bucketsAmong(Side side, TableShape shape, BigInteger lo, BigInteger hi, BigInteger step,
                                         List<BigInteger> numbers, HashAlgorithm hash);

    /** Like {@link #buckets}, reading only the keys within {@code intervals}. */
    Buckets bucketsWithin(Side side, TableShape shape, BigInteger lo, BigInteger hi, BigInteger step,
                                          List<IntegerInterval> intervals, HashAlgorithm hash);

    /** The summary of each range, in order. */
    List<RangeHash> ranges(Side side, TableShape shape, List<KeyRange> ranges, HashAlgorithm hash);

    /** Every {@code every}-th key of a range in key order. */
    List<Key> boundaries(Side side, TableShape shape, KeyRange range, int every);

    Optional<Key> minKey(Side side, TableShape shape, KeyRange range);

    Optional<Key> maxKey(Side side, TableShape shape, KeyRange range);

    /** The server's row estimate for the table (no scan). */
    long estimatedRows(Side side, TableShape shape);
}
