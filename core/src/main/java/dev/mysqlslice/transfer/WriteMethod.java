package dev.mysqlslice.transfer;

/** How rows are written to the target in bulk, chosen once per run from what the target accepts. */
public enum WriteMethod {
    /** LOAD DATA LOCAL INFILE of TSV chunks: several times cheaper than INSERTs for many rows. */
    LOAD_DATA,
    /** Batched multi-row INSERTs: the target does not accept LOAD DATA LOCAL (local_infile=OFF). */
    INSERT
}
