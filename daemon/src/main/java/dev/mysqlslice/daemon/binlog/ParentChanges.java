package dev.mysqlslice.daemon.binlog;

import java.io.Serializable;
import java.util.BitSet;
import java.util.Set;

/**
 * Told about row changes of the tables that tracked tables reference through cascading foreign
 * keys (tracked or not): InnoDB changes the referencing rows without logging them. Called on the
 * binlog thread, before the transaction's end is recorded.
 */
public interface ParentChanges {

    ParentChanges NONE = new ParentChanges() {
        @Override
        public Set<String> parents() {
            return Set.of();
        }

        @Override
        public void deleted(String table, Serializable[] row, BitSet included, int columns) {
        }

        @Override
        public void updated(String table, Serializable[] before, BitSet beforeIncluded, Serializable[] after,
                            BitSet afterIncluded, int columns) {
        }

        @Override
        public void unreadable(String table) {
        }
    };

    /** The parent tables whose rows must be decoded. */
    Set<String> parents();

    /** A row of {@code table} was deleted. */
    void deleted(String table, Serializable[] row, BitSet included, int columns);

    /** A row of {@code table} was updated. */
    void updated(String table, Serializable[] before, BitSet beforeIncluded, Serializable[] after, BitSet afterIncluded,
                 int columns);

    /** Rows of {@code table} changed but could not be read: whatever they reach is compared in full. */
    void unreadable(String table);
}
