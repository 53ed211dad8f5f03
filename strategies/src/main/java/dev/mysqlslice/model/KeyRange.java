package dev.mysqlslice.model;

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

    @Override
    public String toString() {
        String from = lower.map(bound -> (bound.inclusive() ? "[" : "(") + bound.key()).orElse("(-inf");
        String to = upper.map(bound -> bound.key() + (bound.inclusive() ? "]" : ")")).orElse("+inf)");
        return from + ", " + to;
    }
}
