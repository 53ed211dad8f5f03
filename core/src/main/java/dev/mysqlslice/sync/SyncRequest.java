package dev.mysqlslice.sync;

import dev.mysqlslice.model.SyncMode;
import java.util.List;

/**
 * What a one-shot run should do.
 *
 * @param tables   only these tables (empty: all configured ones)
 * @param mode     apply, dry run or verify
 * @param parallel how many tables run at the same time
 */
public record SyncRequest(List<String> tables, SyncMode mode, int parallel) {

    public SyncRequest {
        tables = List.copyOf(tables);
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be at least 1");
        }
    }
}
