package dev.mysqlslice.strategy;

import dev.mysqlslice.model.KeyRange;
import java.util.List;

/** What part of a table a strategy syncs: all of it, or only some key ranges (the daemon's dirty ranges). */
public sealed interface Scope {

    Scope WHOLE = new Whole();

    /** The whole table. */
    record Whole() implements Scope {
    }

    /** Only these key ranges. */
    record Ranges(List<KeyRange> ranges) implements Scope {
        public Ranges {
            ranges = List.copyOf(ranges);
        }
    }
}
