package dev.mysqlslice.model;

/** One end of a {@link KeyRange}: a key, and whether the key itself is inside the range. */
public record Bound(Key key, boolean inclusive) {

    public static Bound inclusive(Key key) {
        return new Bound(key, true);
    }

    public static Bound exclusive(Key key) {
        return new Bound(key, false);
    }
}
