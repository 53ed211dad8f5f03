package dev.mysqlslice.config;

import java.util.List;
import java.util.Optional;

/**
 * How one table is synced.
 *
 * @param name       the table's name in both databases
 * @param strategy   which strategy syncs it
 * @param chunkRows  rows per compared range (general): small finds changes precisely, large scans faster
 * @param hash       range hash (general)
 * @param where      row filter: the slice root's filter, or the append-only filter
 * @param follow     references followed from the slice's tables to the tables they point at
 * @param children   references from other tables into the slice whose rows are pulled too
 * @param key        the key columns to use; empty means the primary key (or the first NOT NULL unique key)
 */
public record TableConfig(
        String name,
        StrategyKind strategy,
        int chunkRows,
        HashAlgorithm hash,
        Optional<String> where,
        List<Reference> follow,
        List<Reference> children,
        List<String> key) {

    public TableConfig {
        follow = List.copyOf(follow);
        children = List.copyOf(children);
        key = List.copyOf(key);
    }

    public TableConfig withStrategy(StrategyKind newStrategy) {
        return new TableConfig(name, newStrategy, chunkRows, hash, where, follow, children, key);
    }

    /** A table synced with the defaults and nothing else configured. */
    public static TableConfig withDefaults(String name, Defaults defaults) {
        return new TableConfig(name, defaults.strategy(), defaults.chunkRows(), defaults.hash(), Optional.empty(),
                List.of(), List.of(), List.of());
    }
}
