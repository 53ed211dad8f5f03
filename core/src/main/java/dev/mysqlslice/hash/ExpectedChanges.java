package dev.mysqlslice.hash;

/**
 * What a comparison expects to find, which decides whether a big region is sampled before it is
 * hashed. The sample (a few buckets spread over the region) costs one more query per server
 * before the scan can start; it pays for itself only where changes may be dense.
 */
public enum ExpectedChanges {
    /**
     * A sync: the target may be far behind (a first sync, a long pause, a binlog gap), so a big
     * region is sampled first and, when most of the sample differs, only counted and listed;
     * otherwise hashed in narrow buckets from the start.
     */
    ANY,
    /**
     * A verify: the tables are expected to match, so every bucket is hashed at once, without a
     * sample. Dense or scattered differences are then hashed twice before they are listed: slower,
     * and rare.
     */
    FEW
}
