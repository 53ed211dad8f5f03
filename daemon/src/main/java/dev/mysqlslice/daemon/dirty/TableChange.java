package dev.mysqlslice.daemon.dirty;

import dev.mysqlslice.model.KeyRange;
import java.util.List;

/** What changed in one table: some key ranges, or the whole table. */
public sealed interface TableChange {

    /** The whole table must be compared (DDL, many changes of a non-integer key, undecodable keys). */
    record Whole() implements TableChange {
    }

    /** These small ranges (exact keys or aligned buckets) must be compared row by row. */
    record Ranges(List<KeyRange> ranges) implements TableChange {
        public Ranges {
            ranges = List.copyOf(ranges);
        }
    }
}
