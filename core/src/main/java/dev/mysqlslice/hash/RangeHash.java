package dev.mysqlslice.hash;

/**
 * The summary of the rows of a range on one server: how many, and two order-free 64-bit hashes.
 * {@code equals} and {@code hashCode} are written out: a record's own are bootstrapped through
 * method handles on first use, ~30 ms of CPU in the first comparison of a cold JVM.
 */
public record RangeHash(long count, long hash1, long hash2) {

    public static final RangeHash EMPTY = new RangeHash(0, 0, 0);

    /**
     * The summary of the rows of both (disjoint sets of rows): counts add up, and so do the
     * hashes, which are XORs of one value per row.
     */
    public RangeHash plus(RangeHash other) {
        return new RangeHash(count + other.count, hash1 ^ other.hash1, hash2 ^ other.hash2);
    }

    public boolean isEmpty() {
        return count == 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RangeHash that && count == that.count && hash1 == that.hash1 && hash2 == that.hash2;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(count) * 961 + Long.hashCode(hash1) * 31 + Long.hashCode(hash2);
    }
}
