package dev.mysqlslice.model;

/**
 * Where a scan of integer-key buckets stops. A region with no upper bound ends at the largest key
 * either server had when the comparison began; a scan of it may run to the table's end instead,
 * which a server does faster than checking an end key on every row (MariaDB 10.11: about 11% of
 * a bucket hash), and rows written above that key since then land in buckets past it.
 */
public enum ScanEnd {
    /** Up to and including the region's highest key. */
    AT_HI,
    /** To the end of the table: keys above the region's highest fall in buckets numbered past it. */
    OPEN
}
