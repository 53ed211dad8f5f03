package dev.mysqlslice.strategy;

import java.util.Optional;
import java.util.function.Supplier;

/** Told how far a table's sync is; the CLI draws it on a terminal or logs it periodically. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (table, phase, done, total, unit) -> { };

    /**
     * @param table the table
     * @param phase what is being done: "copying", "comparing", "repairing", "rebuilding"
     * @param done  how much is done
     * @param total how much there is, or -1 when unknown
     * @param unit  what is counted: "rows" or "ranges"
     */
    void update(String table, String phase, long done, long total, String unit);

    /** A run is about to sync this many tables. */
    default void planned(int tables) {
    }

    /** A table's sync ended (identical, different or failed). */
    default void finished(String table) {
    }

    /** Where to ask, while the run goes on, whether and why work on the source is held back. */
    default void heldBackBy(Supplier<Optional<String>> heldBack) {
    }
}
