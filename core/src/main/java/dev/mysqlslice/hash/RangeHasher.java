package dev.mysqlslice.hash;

import dev.mysqlslice.config.HashAlgorithm;
import dev.mysqlslice.jdbc.KeyCodec;
import dev.mysqlslice.jdbc.Session;
import dev.mysqlslice.jdbc.TextNumbers;
import dev.mysqlslice.model.Bound;
import dev.mysqlslice.model.Bytes;
import dev.mysqlslice.model.IntegerInterval;
import dev.mysqlslice.model.Key;
import dev.mysqlslice.model.KeyRange;
import dev.mysqlslice.model.KeyType;
import dev.mysqlslice.model.ScanEnd;
import dev.mysqlslice.model.TableShape;
import dev.mysqlslice.sql.ChecksumSql;
import dev.mysqlslice.sql.SqlFragment;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;

/** Runs the read-only comparison queries of {@link ChecksumSql} on one server. */
public final class RangeHasher implements Hasher {

    @Inject
    public RangeHasher() {
    }

    @Override
    public Buckets buckets(Side side, TableShape shape, BigInteger lo, BigInteger hi, ScanEnd end,
                                           BigInteger step, HashAlgorithm hash) {
        return buckets(side, shape, lo, step, ChecksumSql.buckets(shape, lo, hi, end, step, hash, side.filter()));
    }

    @Override
    public Buckets bucketCounts(Side side, TableShape shape, BigInteger lo, BigInteger hi, ScanEnd end,
                                                BigInteger step) {
        return buckets(side, shape, lo, step, ChecksumSql.bucketCounts(shape, lo, hi, end, step, side.filter()));
    }

    @Override
    public Buckets bucketsAmong(Side side, TableShape shape, BigInteger lo, BigInteger hi, BigInteger step,
                                                List<BigInteger> numbers, HashAlgorithm hash) {
        return buckets(side, shape, lo, step, ChecksumSql.bucketsAmong(shape, lo, hi, step, numbers, hash, side.filter()));
    }

    @Override
    public Buckets bucketsWithin(Side side, TableShape shape, BigInteger lo, BigInteger hi, BigInteger step,
                                                 List<IntegerInterval> intervals, HashAlgorithm hash) {
        return buckets(side, shape, lo, step, ChecksumSql.bucketsWithin(shape, lo, hi, step, intervals, hash, side.filter()));
    }

    /**
     * Streamed: a bucket is six longs once read (48 bytes), but a buffered result would hold every
     * row's bytes at once, on both sides at the same time (measured: a verify of 200,000 buckets a
     * side needed a 96 MB heap buffered).
     */
    private Buckets buckets(Side side, TableShape shape, BigInteger lo, BigInteger step, SqlFragment query) {
        Buckets.Builder buckets = Buckets.from(lo, step);
        long first = lo.longValue();
        side.session().stream(side.limited(query.sql()), Session.Binder.NONE, row -> {
            while (row.next()) {
                // A key's offset from lo, in wrapping arithmetic on the keys' 64 bits (exact: it lies in [0, 2^64)).
                buckets.add(TextNumbers.parseUnsignedLong(row.getBytes(1)), TextNumbers.parseLong(row.getBytes(2)),
                        TextNumbers.parseUnsignedLong(row.getBytes(3)), TextNumbers.parseUnsignedLong(row.getBytes(4)),
                        TextNumbers.parseLongBits(row.getBytes(5)) - first,
                        TextNumbers.parseLongBits(row.getBytes(6)) - first);
            }
        }, "hashing " + shape.name() + " in buckets");
        // A bucket spanning two intervals of a bucketsWithin query comes back once per interval: the builder adds them up.
        return buckets.build();
    }

    /** One query per range on this server's session. */
    @Override
    public List<RangeHash> ranges(Side side, TableShape shape, List<KeyRange> ranges, HashAlgorithm hash) {
        List<RangeHash> hashes = new ArrayList<>(ranges.size());
        for (KeyRange range : ranges) {
            SqlFragment query = ChecksumSql.range(shape, range, hash, side.filter());
            hashes.add(side.session().queryOne(side.limited(query.sql()), statement -> query.bind(statement, 1),
                    row -> hashOf(row, 1), "hashing a range of " + shape.name()).orElse(RangeHash.EMPTY));
        }
        return hashes;
    }


    /** Each row's key and hash in the given ranges. */
    public RowHashes rowHashes(Side side, TableShape shape, List<KeyRange> ranges, HashAlgorithm hash) {
        SqlFragment query = ChecksumSql.rowHashes(shape, ranges, hash, side.filter());
        List<KeyType> types = KeyCodec.types(shape.keys());
        int hashColumn = types.size() + 1;
        Map<Key, Bytes> rows = new LinkedHashMap<>();
        side.session().stream(query.sql(), statement -> query.bind(statement, 1), result -> {
            while (result.next()) {
                rows.put(KeyCodec.read(result, 1, types), Bytes.wrap(result.getBytes(hashColumn)));
            }
        }, "listing row hashes of " + shape.name());
        return new RowHashes(rows);
    }

    /** Each row's key and hash for the given keys, in groups of {@value #KEYS_PER_QUERY}. */
    public RowHashes rowHashesOfKeys(Side side, TableShape shape, List<Key> keys, HashAlgorithm hash) {
        List<KeyType> types = KeyCodec.types(shape.keys());
        int hashColumn = types.size() + 1;
        Map<Key, Bytes> rows = new LinkedHashMap<>();
        for (int from = 0; from < keys.size(); from += KEYS_PER_QUERY) {
            SqlFragment query = ChecksumSql.rowHashesOfKeys(shape, keys.subList(from, Math.min(keys.size(),
                    from + KEYS_PER_QUERY)), hash, side.filter());
            side.session().query(query.sql(), statement -> query.bind(statement, 1), result -> {
                rows.put(KeyCodec.read(result, 1, types), Bytes.wrap(result.getBytes(hashColumn)));
                return null;
            }, "checking repaired rows of " + shape.name());
        }
        return new RowHashes(rows);
    }

    /** The summary of the rows with some keys, per group of {@value #KEYS_PER_QUERY} keys, in key list order. */
    public List<RangeHash> hashesOfKeys(Side side, TableShape shape, List<Key> keys, HashAlgorithm hash) {
        List<RangeHash> hashes = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += KEYS_PER_QUERY) {
            SqlFragment query = ChecksumSql.hashOfKeys(shape, keys.subList(from, Math.min(keys.size(), from + KEYS_PER_QUERY)),
                    hash, side.filter());
            hashes.add(side.session().queryOne(query.sql(), statement -> query.bind(statement, 1), row -> hashOf(row, 1),
                    "checking repaired rows of " + shape.name()).orElse(RangeHash.EMPTY));
        }
        return hashes;
    }

    /** Keys per query when rows are looked up by key. */
    static final int KEYS_PER_QUERY = 1000;

    /** One bounded index dive per key returned. */
    @Override
    public List<Key> boundaries(Side side, TableShape shape, KeyRange range, int every) {
        List<Key> boundaries = new ArrayList<>();
        KeyRange rest = range;
        while (true) {
            // One index dive per boundary (the server steps over every keys and sends one): far
            // cheaper than streaming every key of the range to the client.
            Optional<Key> next = nthKey(side, shape, rest, every);
            if (next.isEmpty()) {
                return boundaries;
            }
            boundaries.add(next.get());
            rest = new KeyRange(Optional.of(Bound.exclusive(next.get())), range.upper());
        }
    }

    @Override
    public Optional<Key> maxKey(Side side, TableShape shape, KeyRange range) {
        return extremeKey(side, shape, ChecksumSql.maxKey(shape, range, side.filter()), "finding the largest key");
    }

    @Override
    public Optional<Key> minKey(Side side, TableShape shape, KeyRange range) {
        return extremeKey(side, shape, ChecksumSql.minKey(shape, range, side.filter()), "finding the smallest key");
    }

    /** The {@code n}-th smallest key of a range (n from 1), or empty when it has fewer rows. */
    public Optional<Key> nthKey(Side side, TableShape shape, KeyRange range, long n) {
        return extremeKey(side, shape, ChecksumSql.nthKey(shape, range, n, side.filter()), "finding the " + n
                + "th key");
    }

    public long count(Side side, TableShape shape, KeyRange range) {
        SqlFragment query = ChecksumSql.count(shape, range, side.filter());
        return side.session().queryOne(query.sql(), statement -> query.bind(statement, 1), row -> row.getLong(1),
                "counting rows of " + shape.name()).orElse(0L);
    }

    /** From information_schema. */
    @Override
    public long estimatedRows(Side side, TableShape shape) {
        return side.session().queryOne("SELECT TABLE_ROWS FROM information_schema.TABLES"
                        + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?", statement -> statement.setString(1, shape.name()),
                row -> row.getLong(1), "estimating the size of " + shape.name()).orElse(0L);
    }

    private Optional<Key> extremeKey(Side side, TableShape shape, SqlFragment query, String doing) {
        List<KeyType> types = KeyCodec.types(shape.keys());
        return side.session().queryOne(query.sql(), statement -> query.bind(statement, 1),
                row -> KeyCodec.read(row, 1, types), doing + " of " + shape.name());
    }

    private static RangeHash hashOf(ResultSet row, int first) throws SQLException {
        return new RangeHash(row.getLong(first), TextNumbers.parseUnsignedLong(row.getBytes(first + 1)),
                TextNumbers.parseUnsignedLong(row.getBytes(first + 2)));
    }
}
