package dev.mysqlslice.hash;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/** Groups leaves so that one query per server lists many of them, within bounded rows and SQL size. */
public final class LeafBatches {

    /** Rows listed per server in one batch. */
    public static final long MAX_ROWS = 20_000;
    /** Ranges OR-ed into one query. */
    public static final int MAX_RANGES = 100;

    private LeafBatches() {
    }

    public static List<List<Leaf>> of(List<Leaf> leaves) {
        return of(leaves, Leaf::rows);
    }

    /** Groups any items holding {@code rows} rows each within the same bounds, in order. */
    public static <T> List<List<T>> of(List<T> items, ToLongFunction<T> rows) {
        return of(items, rows, MAX_ROWS, MAX_RANGES);
    }

    /**
     * Groups items of {@code rows} rows each, in order: at most {@code maxRows} rows (or a single
     * item) and {@code maxRanges} items a group.
     */
    public static <T> List<List<T>> of(List<T> items, ToLongFunction<T> rows, long maxRows, int maxRanges) {
        List<List<T>> batches = new ArrayList<>();
        List<T> current = new ArrayList<>();
        long total = 0;
        for (T item : items) {
            long itemRows = rows.applyAsLong(item);
            if (!current.isEmpty() && (total + itemRows > maxRows || current.size() == maxRanges)) {
                batches.add(current);
                current = new ArrayList<>();
                total = 0;
            }
            current.add(item);
            total += itemRows;
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }
}
