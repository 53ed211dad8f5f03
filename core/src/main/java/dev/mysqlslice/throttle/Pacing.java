package dev.mysqlslice.throttle;

import dev.mysqlslice.config.ChunkTime;

/**
 * The paces of one table's source reads, each learning its own speed: bucket scans that hash,
 * bucket scans that only count (several times faster per row), range hashes of pieces cut at
 * every n-th key, and copy pages.
 *
 * @param time   the chunk time they all aim at
 * @param scans  rows per hashing bucket scan: from 16 buckets' worth, no upper bound (a scan covers
 *               whole buckets, of chunk-rows rows each)
 * @param counts rows per counting bucket scan, likewise
 * @param pieces rows per hashed piece of a table without a single integer key: chunk-rows at most
 * @param pages  rows per copy page: the transaction size at most
 */
public record Pacing(ChunkTime time, Pace scans, Pace counts, Pace pieces, Pace pages) {

    /** Buckets the first scan of a table covers, before its speed is known. */
    static final int FIRST_SCAN_BUCKETS = 16;

    public static Pacing of(ChunkTime time, int chunkRows, int pageRows) {
        long firstScan = (long) FIRST_SCAN_BUCKETS * chunkRows;
        return new Pacing(time, new Pace(time, firstScan, 1, Long.MAX_VALUE), new Pace(time, firstScan, 1, Long.MAX_VALUE),
                new Pace(time, chunkRows, 1, chunkRows), new Pace(time, pageRows, 1, pageRows));
    }

    /** Pacing off: one scan per region, pieces of chunk-rows, pages of the transaction size, no time limit. */
    public static Pacing off(int chunkRows, int pageRows) {
        return of(ChunkTime.OFF, chunkRows, pageRows);
    }
}
