package dev.mysqlslice.hash;

import java.math.BigInteger;

/** One bucket of an integer key's range as one server sees it: its summary and its smallest and largest key. */
public record Bucket(RangeHash hash, BigInteger min, BigInteger max) {
}
