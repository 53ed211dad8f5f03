package dev.mysqlslice.bench;

/**
 * One scenario run by one tool, the median of its repetitions.
 *
 * @param scenario   S1..S5 (with a variant, e.g. "S2a md5")
 * @param tool       mysqlslice, mysqldump | mysql, mydumper + myloader, pt-table-sync
 * @param seconds    median wall time of the repetitions
 * @param runs       how many repetitions
 * @param rows       rows of the scenario's tables (for rows/s)
 * @param bytes      bytes of the scenario's data (for MB/s), 0 where not meaningful
 * @param rowsHashed rows hashed by mysqlslice (-1 for peers)
 * @param rowsRead   full rows read from the source by mysqlslice (-1 for peers)
 * @param bytesRead  bytes of those rows (-1 for peers)
 * @param peakRssMb  peak resident memory of the tool's process, in MB
 * @param identical  whether every repetition ended with identical tables
 * @param note       anything worth saying (lag figures for S5, exit codes)
 * @param overFloor  the median over the repetitions of each one's time over the floor's measured
 *                   right before it, on the same data (0 when not measured): the machine's speed
 *                   drifts by a third within minutes here, so a ratio of medians taken minutes apart
 *                   says as much about the drift as about the tool
 */
record Measurement(String scenario, String tool, double seconds, int runs, long rows, long bytes, long rowsHashed,
                   long rowsRead, long bytesRead, long peakRssMb, boolean identical, String note, double overFloor) {

    Measurement(String scenario, String tool, double seconds, int runs, long rows, long bytes, long rowsHashed,
                long rowsRead, long bytesRead, long peakRssMb, boolean identical, String note) {
        this(scenario, tool, seconds, runs, rows, bytes, rowsHashed, rowsRead, bytesRead, peakRssMb, identical, note, 0);
    }
}
