package dev.mysqlslice.model;

import java.util.concurrent.atomic.LongAdder;

/** What a table's sync did so far; thread-safe, read by the progress display and the summary. */
public final class TableCounters {

    private final LongAdder rangesCompared = new LongAdder();
    private final LongAdder rangesDifferent = new LongAdder();
    private final LongAdder rowsHashed = new LongAdder();
    private final LongAdder rowsListed = new LongAdder();
    private final LongAdder rowsCopied = new LongAdder();
    private final LongAdder bytesRead = new LongAdder();
    private final LongAdder inserted = new LongAdder();
    private final LongAdder updated = new LongAdder();
    private final LongAdder deleted = new LongAdder();

    /** A range or bucket whose hash was compared on both servers. */
    public void rangeCompared(long rowsOnBothSides) {
        rangesCompared.increment();
        rowsHashed.add(rowsOnBothSides);
    }

    public void rangesCompared(long ranges, long rowsOnBothSides) {
        rangesCompared.add(ranges);
        rowsHashed.add(rowsOnBothSides);
    }

    /** A leaf range found different, whose rows' keys and hashes were listed. */
    public void leafListed(long ranges, long rowsOnBothSides) {
        rangesDifferent.add(ranges);
        rowsListed.add(rowsOnBothSides);
    }

    /** Full rows read from the source (to copy or repair). */
    public void rowsRead(long rows, long bytes) {
        rowsCopied.add(rows);
        bytesRead.add(bytes);
    }

    public void applied(long insertedRows, long updatedRows, long deletedRows) {
        inserted.add(insertedRows);
        updated.add(updatedRows);
        deleted.add(deletedRows);
    }

    public Snapshot snapshot() {
        return new Snapshot(rangesCompared.sum(), rangesDifferent.sum(), rowsHashed.sum(), rowsListed.sum(),
                rowsCopied.sum(), bytesRead.sum(), inserted.sum(), updated.sum(), deleted.sum());
    }

    /**
     * The counters at one moment.
     *
     * @param rangesCompared  ranges (or buckets) whose hashes were compared
     * @param rangesDifferent leaf ranges that differed and were listed row by row
     * @param rowsHashed      rows read into range hashes, both servers together
     * @param rowsListed      rows whose key and hash were listed, both servers together
     * @param rowsCopied      full rows read from the source
     * @param bytesRead       bytes of full rows read from the source
     * @param inserted        rows inserted into the target (or that would be, in a dry run)
     * @param updated         rows replaced in the target
     * @param deleted         rows deleted from the target
     */
    public record Snapshot(long rangesCompared, long rangesDifferent, long rowsHashed, long rowsListed,
                           long rowsCopied, long bytesRead, long inserted, long updated, long deleted) {

        public long changes() {
            return inserted + updated + deleted;
        }
    }
}
