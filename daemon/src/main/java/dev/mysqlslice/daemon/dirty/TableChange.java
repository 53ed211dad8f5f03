package dev.mysqlslice.daemon.dirty;

import dev.mysqlslice.model.KeyRange;
import java.util.ArrayList;
import java.util.List;

/** What changed in one table: some key ranges, or the whole table. */
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

    /** Both changes at once: the wider of the two, or the ranges of both. */
    static TableChange merge(TableChange a, TableChange b) {
        if (a instanceof Rewritten || b instanceof Rewritten) {
            return new Rewritten();
        }
        if (a instanceof Ranges first && b instanceof Ranges second) {
            List<KeyRange> all = new ArrayList<>(first.ranges());
            all.addAll(second.ranges());
            return new Ranges(all);
        }
        return new Whole();
    }
}
