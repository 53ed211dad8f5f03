package dev.mysqlslice.hash;

import java.math.BigInteger;

/** One bucket of an integer key's range as one server sees it: its summary and its smallest and largest key. */
public record Bucket(RangeHash hash, BigInteger min, BigInteger max) {

    /** The bucket of the rows of both (disjoint sets of rows of one bucket, read apart). */
    public Bucket plus(Bucket other) {
        return new Bucket(hash.plus(other.hash), min.min(other.min), max.max(other.max));
    }
}
