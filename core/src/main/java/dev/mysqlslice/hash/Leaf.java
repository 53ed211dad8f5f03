package dev.mysqlslice.hash;

import dev.mysqlslice.model.KeyRange;

/** A range small enough to compare row by row, found to differ; {@code rows} is the larger side's row count. */
public record Leaf(KeyRange range, long rows) {
}
