package dev.mysqlslice.daemon.cascade;

import dev.mysqlslice.daemon.binlog.KeyExtractor;
import dev.mysqlslice.daemon.binlog.ParentChanges;
import dev.mysqlslice.daemon.dirty.CascadeChange;
import dev.mysqlslice.daemon.dirty.DirtyTracker;
import dev.mysqlslice.model.ForeignKey;
import dev.mysqlslice.model.Key;
import java.io.Serializable;
import java.util.BitSet;
import java.util.Optional;
import java.util.Set;

/**
 * Turns deletes and updates of cascading parents into {@link CascadeChange}s: the referenced
 * values a deleted row had, or that an update changed (an update that leaves them alone cascades
 * nothing). Values that cannot be read make the foreign key's child be compared in full.
 */
public final class CascadeMarker implements ParentChanges {

    private final CascadeGraph graph;
    private final DirtyTracker dirty;

    public CascadeMarker(CascadeGraph graph, DirtyTracker dirty) {
        this.graph = graph;
        this.dirty = dirty;
    }

    @Override
    public Set<String> parents() {
        return graph.parents();
    }

    @Override
    public void deleted(String table, Serializable[] row, BitSet included, int columns) {
        for (ForeignKey key : graph.from(table)) {
            if (key.onDelete().changesChildren()) {
                Optional<Key> old = graph.parentValues(key).flatMap(values -> values.keyOf(row, included, columns));
                if (old.isPresent()) {
                    dirty.markCascade(key, CascadeChange.Kind.DELETE, old.get(), null);
                } else {
                    dirty.markCascadeUnknown(key, CascadeChange.Kind.DELETE);
                }
            }
        }
    }

    @Override
    public void updated(String table, Serializable[] before, BitSet beforeIncluded, Serializable[] after,
                        BitSet afterIncluded, int columns) {
        for (ForeignKey key : graph.from(table)) {
            if (!key.onUpdate().changesChildren()) {
                continue;
            }
            Optional<KeyExtractor> values = graph.parentValues(key);
            Optional<Key> old = values.flatMap(extractor -> extractor.keyOf(before, beforeIncluded, columns));
            Optional<Key> now = values.flatMap(extractor -> extractor.keyOf(after, afterIncluded, before, beforeIncluded,
                    columns));
            if (old.isEmpty() || now.isEmpty()) {
                dirty.markCascadeUnknown(key, CascadeChange.Kind.UPDATE);
            } else if (!old.equals(now)) {
                dirty.markCascade(key, CascadeChange.Kind.UPDATE, old.get(), now.get());
            }
        }
    }

    @Override
    public void unreadable(String table) {
        for (ForeignKey key : graph.from(table)) {
            dirty.markCascadeUnknown(key, CascadeChange.Kind.DELETE);
        }
    }
}
