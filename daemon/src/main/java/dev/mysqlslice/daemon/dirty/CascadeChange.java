package dev.mysqlslice.daemon.dirty;

import dev.mysqlslice.model.ForeignKey;
import dev.mysqlslice.model.Key;
import java.util.List;

/**
 * Parent rows of a cascading foreign key that were deleted, or whose referenced columns changed,
 * in the binlog: the child rows they reached changed too, unseen by the binlog.
 *
 * @param foreignKey the foreign key (parent to child)
 * @param kind       a delete or an update of the parent rows
 * @param oldValues  the referenced columns' values before (what the child rows still hold on the target)
 * @param newValues  their values after an update (what the child rows hold on the source now, for CASCADE)
 * @param overflow   true when some values could not be read or there were too many to keep: the
 *                   child is compared in full
 */
public record CascadeChange(ForeignKey foreignKey, Kind kind, List<Key> oldValues, List<Key> newValues, boolean overflow) {

    /** What happened to the parent rows. */
    public enum Kind {
        DELETE, UPDATE;

        /** The child's rule for this kind of parent change. */
        public ForeignKey.Rule rule(ForeignKey key) {
            return this == DELETE ? key.onDelete() : key.onUpdate();
        }
    }

    public CascadeChange {
        oldValues = List.copyOf(oldValues);
        newValues = List.copyOf(newValues);
    }
}
