package dev.mysqlslice.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;

/**
 * A contiguous stretch of the key space in key order; a missing bound is unbounded. Ranges are
 * applied identically on both servers, so a row is in the same range on either side.
 */
public record KeyRange(Optional<Bound> lower, Optional<Bound> upper) {

    public static final KeyRange ALL = new KeyRange(Optional.empty(), Optional.empty());

    /** {@code [from, to]}. */
    public static KeyRange closed(Key from, Key to) {
        return new KeyRange(Optional.of(Bound.inclusive(from)), Optional.of(Bound.inclusive(to)));
    }

    /** {@code (after, upTo]}; either may be absent. */
    public static KeyRange of(Optional<Key> after, Optional<Key> upTo) {
        return new KeyRange(after.map(Bound::exclusive), upTo.map(Bound::inclusive));
    }

    /** {@code (after, +inf)}. */
    public static KeyRange above(Key after) {
        return new KeyRange(Optional.of(Bound.exclusive(after)), Optional.empty());
    }

    /** {@code (-inf, upTo]}. */
    public static KeyRange upTo(Key upTo) {
        return new KeyRange(Optional.empty(), Optional.of(Bound.inclusive(upTo)));
    }

    /** The single key {@code [key, key]}. */
    public static KeyRange single(Key key) {
        return closed(key, key);
    }

    public boolean isAll() {
        return lower.isEmpty() && upper.isEmpty();
    }

    /**
     * How many rows this range can hold at most when that is known to be at most {@code limit}: 1
     * for a single key, the span of a closed integer range; -1 when it may hold more.
     */
    public long rowsAtMost(long limit) {
        if (lower.isEmpty() || upper.isEmpty()) {
            return -1;
        }
        Key from = lower.get().key();
        Key to = upper.get().key();
        if (from.equals(to) && lower.get().inclusive() && upper.get().inclusive()) {
            return 1;
        }
        Object first = from.part(0);
        if (from.size() != 1 || !(first instanceof Number) || first instanceof BigDecimal || first instanceof Double) {
            return -1;
        }
        BigInteger span = to.integer().subtract(from.integer()).add(BigInteger.ONE);
        return span.signum() > 0 && span.compareTo(BigInteger.valueOf(limit)) <= 0 ? span.longValue() : -1;
    }

    /** Whether this integer-keyed range may hold keys above {@code max}. */
    public boolean reachesAbove(Key max) {
        return upper.isEmpty() || upper.get().key().integer().compareTo(max.integer()) > 0;
    }

    /** The part of this integer-keyed range at or below {@code max}, if any. */
    public Optional<KeyRange> atOrBelow(Key max) {
        if (lower.isPresent()) {
            int order = lower.get().key().integer().compareTo(max.integer());
            if (order > 0 || order == 0 && !lower.get().inclusive()) {
                return Optional.empty();
            }
        }
        return Optional.of(reachesAbove(max) ? new KeyRange(lower, Optional.of(Bound.inclusive(max))) : this);
    }

    @Override
    public String toString() {
        String from = lower.map(bound -> (bound.inclusive() ? "[" : "(") + bound.key()).orElse("(-inf");
        String to = upper.map(bound -> bound.key() + (bound.inclusive() ? "]" : ")")).orElse("+inf)");
        return from + ", " + to;
    }
}
