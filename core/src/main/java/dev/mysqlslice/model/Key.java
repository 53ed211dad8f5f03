package dev.mysqlslice.model;

import java.math.BigInteger;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The key of one row: one value per key column, typed by {@link KeyType} (Long, BigInteger,
 * BigDecimal, Double, String or {@link Bytes}). Equal keys are the same row.
 */
public record Key(List<Object> parts) {

    public Key {
        parts = List.copyOf(parts);
    }

    public static Key of(Object... parts) {
        return new Key(List.of(parts));
    }

    public Object part(int index) {
        return parts.get(index);
    }

    public int size() {
        return parts.size();
    }

    /** The first part as an integer (a key whose first column is an integer: Long or BigInteger). */
    public BigInteger integer() {
        Object part = parts.get(0);
        return part instanceof BigInteger big ? big : BigInteger.valueOf(((Number) part).longValue());
    }

    /** Part by part, without the iterator a list comparison costs (keys are compared millions of times). */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Key key) || key.parts.size() != parts.size()) {
            return false;
        }
        for (int i = 0; i < parts.size(); i++) {
            if (!parts.get(i).equals(key.parts.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return parts.size() == 1 ? parts.get(0).hashCode() : parts.hashCode();
    }

    @Override
    public String toString() {
        return parts.size() == 1 ? String.valueOf(parts.get(0))
                : parts.stream().map(String::valueOf).collect(Collectors.joining(", ", "(", ")"));
    }
}
