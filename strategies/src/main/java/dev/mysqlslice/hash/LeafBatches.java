package dev.mysqlslice.hash;

import java.util.ArrayList;
import java.util.List;

/** Groups leaves so that one query per server lists many of them, within bounded rows and SQL size. */
public final class LeafBatches {

    /** Rows listed per server in one batch. */
    public static final long MAX_ROWS = 20_000;
    /** Ranges OR-ed into one query. */
    public static final int MAX_RANGES = 100;

    private LeafBatches() {
    }

    public static List<List<Leaf>> of(List<Leaf> leaves) {
        List<List<Leaf>> batches = new ArrayList<>();
        List<Leaf> current = new ArrayList<>();
        long rows = 0;
        for (Leaf leaf : leaves) {
            if (!current.isEmpty() && (rows + leaf.rows() > MAX_ROWS || current.size() == MAX_RANGES)) {
                batches.add(current);
                current = new ArrayList<>();
                rows = 0;
            }
            current.add(leaf);
            rows += leaf.rows();
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }
}
