package dev.mysqlslice.schema;

import java.util.List;
import java.util.Map;

/**
 * What schema pull did.
 *
 * @param created            tables created on the target, in order
 * @param replaced           of those, tables that existed and were dropped first
 * @param foreignKeysRemoved foreign keys stripped per table (tables without any are absent)
 * @param skipped            source objects not copied, e.g. "view v_orders"
 */
public record SchemaPullReport(List<String> created, List<String> replaced, Map<String, Integer> foreignKeysRemoved,
                               List<String> skipped) {

    public SchemaPullReport {
        created = List.copyOf(created);
        replaced = List.copyOf(replaced);
        foreignKeysRemoved = Map.copyOf(foreignKeysRemoved);
        skipped = List.copyOf(skipped);
    }
}
