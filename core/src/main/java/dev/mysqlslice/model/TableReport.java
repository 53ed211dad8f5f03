package dev.mysqlslice.model;

import dev.mysqlslice.config.StrategyKind;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What syncing (or verifying) one table did and how it ended.
 *
 * @param table       the table
 * @param strategy    its strategy
 * @param mode        apply, dry run or verify
 * @param counters    the work done and the rows changed (or that would change)
 * @param elapsed     wall time
 * @param state       identical, still different, or failed
 * @param checkedBy   how the final state was established ("range hash", "row count", "rebuilt", "copied")
 * @param differences a sample of differing keys (verify), or a note on why the table differs
 * @param error       the one-line error when the table failed
 */
public record TableReport(String table, StrategyKind strategy, SyncMode mode, TableCounters.Snapshot counters,
                          Duration elapsed, TableState state, String checkedBy, List<String> differences,
                          Optional<String> error) {

    public TableReport {
        differences = List.copyOf(differences);
    }

    /** A table that was synced (or verified) to the end: identical or still different. */
    public static TableReport finished(String table, StrategyKind strategy, SyncMode mode, TableCounters.Snapshot counters,
                                       Duration elapsed, boolean identical, String checkedBy, List<String> differences) {
        return new TableReport(table, strategy, mode, counters, elapsed,
                identical ? TableState.IDENTICAL : TableState.DIFFERENT, checkedBy, differences, Optional.empty());
    }

    public static TableReport failed(String table, StrategyKind strategy, SyncMode mode, TableCounters counters,
                                     Duration elapsed, String error) {
        return new TableReport(table, strategy, mode, counters.snapshot(), elapsed, TableState.FAILED, "", List.of(),
                Optional.of(error));
    }
}
