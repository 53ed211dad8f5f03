package dev.mysqlslice.hash;

/** The summary of the rows of a range on one server: how many, and two order-free 64-bit hashes. */
public record RangeHash(long count, long hash1, long hash2) {

    public static final RangeHash EMPTY = new RangeHash(0, 0, 0);

    public boolean isEmpty() {
        return count == 0;
    }
}
