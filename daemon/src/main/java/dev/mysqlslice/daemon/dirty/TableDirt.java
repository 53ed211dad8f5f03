package dev.mysqlslice.daemon.dirty;

import dev.mysqlslice.jdbc.KeyCodec;
import dev.mysqlslice.model.Key;
import dev.mysqlslice.model.KeyRange;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The changed part of one table: exact keys while there are few; past {@link #MAX_ENTRIES},
 * integer keys are coarsened to aligned buckets (doubling the width as needed) and other keys to
 * the whole table. Not thread-safe; {@link DirtyTracker} guards it.
 */
final class TableDirt {

    static final int MAX_ENTRIES = 10_000;

    private final boolean integerKey;
    private final long initialWidth;
    private Set<Key> keys = new HashSet<>();
    private TreeSet<BigInteger> buckets;
    private BigInteger width;
    private boolean whole;
    private boolean rewritten;

    TableDirt(boolean integerKey, long initialWidth) {
        this.integerKey = integerKey;
        this.initialWidth = Math.max(1, initialWidth);
    }

    void add(Key key) {
        if (whole) {
            return;
        }
        if (buckets != null) {
            addBucket(integer(key));
            return;
        }
        keys.add(key);
        if (keys.size() > MAX_ENTRIES) {
            coarsen();
        }
    }

    void addWhole() {
        whole = true;
        keys = new HashSet<>();
        buckets = null;
    }

    boolean isEmpty() {
        return !whole && keys.isEmpty() && (buckets == null || buckets.isEmpty());
    }

    boolean isWhole() {
        return whole;
    }

    void addRewritten() {
        addWhole();
        rewritten = true;
    }

    boolean isRewritten() {
        return rewritten;
    }

    /** The changed ranges in key order (integers merged into runs); empty when the whole table changed. */
    List<KeyRange> ranges(boolean bigIntegers) {
        List<KeyRange> ranges = new ArrayList<>();
        if (whole) {
            return ranges;
        }
        if (buckets != null) {
            BigInteger start = null;
            BigInteger end = null;
            for (BigInteger bucket : buckets) {
                BigInteger from = bucket.multiply(width);
                BigInteger to = from.add(width).subtract(BigInteger.ONE);
                if (end != null && from.equals(end.add(BigInteger.ONE))) {
                    end = to;
                } else {
                    if (start != null) {
                        ranges.add(range(start, end, bigIntegers));
                    }
                    start = from;
                    end = to;
                }
            }
            if (start != null) {
                ranges.add(range(start, end, bigIntegers));
            }
            return ranges;
        }
        if (integerKey) {
            TreeSet<BigInteger> sorted = new TreeSet<>();
            keys.forEach(key -> sorted.add(integer(key)));
            BigInteger start = null;
            BigInteger end = null;
            for (BigInteger value : sorted) {
                if (end != null && value.equals(end.add(BigInteger.ONE))) {
                    end = value;
                } else {
                    if (start != null) {
                        ranges.add(range(start, end, bigIntegers));
                    }
                    start = value;
                    end = value;
                }
            }
            if (start != null) {
                ranges.add(range(start, end, bigIntegers));
            }
            return ranges;
        }
        keys.forEach(key -> ranges.add(KeyRange.single(key)));
        return ranges;
    }

    /** How many entries are held (keys or buckets), for status. */
    int size() {
        return whole ? 1 : buckets != null ? buckets.size() : keys.size();
    }

    private void coarsen() {
        if (!integerKey) {
            addWhole();
            return;
        }
        buckets = new TreeSet<>();
        width = BigInteger.valueOf(initialWidth);
        Set<Key> old = keys;
        keys = new HashSet<>();
        old.forEach(key -> addBucket(integer(key)));
    }

    private void addBucket(BigInteger value) {
        buckets.add(floorDiv(value, width));
        while (buckets.size() > MAX_ENTRIES) {
            width = width.shiftLeft(1);
            TreeSet<BigInteger> wider = new TreeSet<>();
            buckets.forEach(bucket -> wider.add(floorDiv(bucket, BigInteger.TWO)));
            buckets = wider;
        }
    }

    private static BigInteger floorDiv(BigInteger value, BigInteger divisor) {
        BigInteger[] division = value.divideAndRemainder(divisor);
        return division[1].signum() < 0 ? division[0].subtract(BigInteger.ONE) : division[0];
    }

    private static BigInteger integer(Key key) {
        Object part = key.part(0);
        return part instanceof BigInteger big ? big : BigInteger.valueOf((Long) part);
    }

    private static KeyRange range(BigInteger from, BigInteger to, boolean bigIntegers) {
        return KeyRange.closed(Key.of(value(from, bigIntegers)), Key.of(value(to, bigIntegers)));
    }

    private static Object value(BigInteger value, boolean bigIntegers) {
        if (bigIntegers) {
            return KeyCodec.normalize(value.max(BigInteger.ZERO));
        }
        return value.max(BigInteger.valueOf(Long.MIN_VALUE)).min(BigInteger.valueOf(Long.MAX_VALUE)).longValueExact();
    }
}
