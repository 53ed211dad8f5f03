package dev.mysqlslice.daemon.dirty;

import dev.mysqlslice.model.Key;
import dev.mysqlslice.model.KeyRange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What changed in one table (or slice): some key ranges, some rows of a slice's tables, or the whole. */
public sealed interface TableChange {

    /** The whole table must be compared (many changes of a non-integer key, undecodable keys). */
    record Whole() implements TableChange {
    }

    /**
     * DDL touched the table (TRUNCATE, DROP and CREATE, ALTER): its rows may all have been replaced,
     * so every row is compared, even of an append-only table.
     */
    record Rewritten() implements TableChange {
    }

    /** These small ranges (exact keys or aligned buckets) must be compared row by row. */
    record Ranges(List<KeyRange> ranges) implements TableChange {
        public Ranges {
            ranges = List.copyOf(ranges);
        }
    }

    /** These rows of a slice's tables, by table: the slice is maintained in place. */
    record Members(Map<String, List<Key>> keys) implements TableChange {
        public Members {
            Map<String, List<Key>> copy = new LinkedHashMap<>();
            keys.forEach((table, tableKeys) -> copy.put(table, List.copyOf(tableKeys)));
            keys = Collections.unmodifiableMap(copy);
        }

        /** How many rows, over all tables. */
        public int size() {
            return keys.values().stream().mapToInt(List::size).sum();
        }
    }

    /** Both changes at once: the wider of the two, or the ranges (or rows) of both. */
    static TableChange merge(TableChange a, TableChange b) {
        if (a instanceof Rewritten || b instanceof Rewritten) {
            return new Rewritten();
        }
        if (a instanceof Members first && b instanceof Members second) {
            Map<String, Set<Key>> all = new LinkedHashMap<>();
            for (Members members : List.of(first, second)) {
                members.keys().forEach((table, keys) -> all.computeIfAbsent(table, name -> new LinkedHashSet<>())
                        .addAll(keys));
            }
            Map<String, List<Key>> lists = new LinkedHashMap<>();
            all.forEach((table, keys) -> lists.put(table, List.copyOf(keys)));
            return new Members(lists);
        }
        if (a instanceof Ranges first && b instanceof Ranges second) {
            List<KeyRange> all = new ArrayList<>(first.ranges());
            all.addAll(second.ranges());
            return new Ranges(all);
        }
        return new Whole();
    }
}
