package dev.mysqlslice.strategy;

import dev.mysqlslice.model.Key;
import dev.mysqlslice.model.KeyRange;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What part of a table a strategy syncs: all of it, or only some key ranges (the daemon's dirty ranges). */
public sealed interface Scope {

    Scope WHOLE = new Whole();

    Scope EVERY_ROW = new EveryRow();

    /** The whole table, the way its strategy syncs a whole table (append-only: new rows, then a row count). */
    record Whole() implements Scope {
    }

    /**
     * Every row, whatever the strategy assumes: the table was rewritten on the source (TRUNCATE,
     * DROP and CREATE, ALTER), so even an append-only table's old rows may have changed.
     */
    record EveryRow() implements Scope {
    }

    /** Only these key ranges. */
    record Ranges(List<KeyRange> ranges) implements Scope {
        public Ranges {
            ranges = List.copyOf(ranges);
        }
    }

    /** Only these rows of a slice's tables (the daemon's changed keys per member table): the slice is maintained in place. */
    record Members(Map<String, List<Key>> keys) implements Scope {
        public Members {
            Map<String, List<Key>> copy = new LinkedHashMap<>();
            keys.forEach((table, tableKeys) -> copy.put(table, List.copyOf(tableKeys)));
            keys = Collections.unmodifiableMap(copy);
        }
    }
}
