package dev.mysqlslice.config;

/**
 * Settings every table gets unless it says otherwise.
 *
 * @param strategy        strategy of tables without one (and of all tables when none are listed)
 * @param chunkRows       rows per compared range
 * @param hash            range hash
 * @param transactionRows most rows written to the target in one transaction
 */
public record Defaults(StrategyKind strategy, int chunkRows, HashAlgorithm hash, int transactionRows) {

    public static final int DEFAULT_CHUNK_ROWS = 1000;
    public static final int DEFAULT_TRANSACTION_ROWS = 50_000;

    public static Defaults standard() {
        return new Defaults(StrategyKind.GENERAL, DEFAULT_CHUNK_ROWS, HashAlgorithm.CRC32, DEFAULT_TRANSACTION_ROWS);
    }
}
