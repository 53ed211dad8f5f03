package dev.mysqlslice.hash;

import dev.mysqlslice.model.Bytes;
import dev.mysqlslice.model.Key;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What to do with the target's rows in some ranges: keys only on the source are inserted, keys on
 * both with different hashes are updated, keys only on the target are deleted. Keys are compared
 * as exact values, so a key changed only in letter case counts as a delete plus an insert.
 */
public record RowDiff(List<Key> inserts, List<Key> updates, List<Key> deletes) {

    public RowDiff {
        inserts = List.copyOf(inserts);
        updates = List.copyOf(updates);
        deletes = List.copyOf(deletes);
    }

    public static RowDiff between(RowHashes source, RowHashes target) {
        List<Key> inserts = new ArrayList<>();
        List<Key> updates = new ArrayList<>();
        List<Key> deletes = new ArrayList<>();
        Map<Key, Bytes> sourceRows = source.rows();
        for (Map.Entry<Key, Bytes> row : target.rows().entrySet()) {
            Bytes sourceHash = sourceRows.get(row.getKey());
            if (sourceHash == null) {
                deletes.add(row.getKey());
            } else if (!sourceHash.equals(row.getValue())) {
                updates.add(row.getKey());
            }
        }
        for (Key key : sourceRows.keySet()) {
            if (!target.rows().containsKey(key)) {
                inserts.add(key);
            }
        }
        return new RowDiff(inserts, updates, deletes);
    }

    public boolean isEmpty() {
        return inserts.isEmpty() && updates.isEmpty() && deletes.isEmpty();
    }

    public int size() {
        return inserts.size() + updates.size() + deletes.size();
    }

    /** The keys whose source rows are written: inserts then updates. */
    public List<Key> keysToCopy() {
        List<Key> keys = new ArrayList<>(inserts);
        keys.addAll(updates);
        return keys;
    }

    /** The keys whose target rows are removed first: updates then deletes. */
    public List<Key> keysToRemove() {
        List<Key> keys = new ArrayList<>(updates);
        keys.addAll(deletes);
        return keys;
    }
}
