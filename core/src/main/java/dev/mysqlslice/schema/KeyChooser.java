package dev.mysqlslice.schema;

import dev.mysqlslice.model.Column;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Picks the key rows are identified by: the PRIMARY KEY, else the narrowest unique index whose
 * columns are all NOT NULL; a configured key must be one of those.
 */
public final class KeyChooser {

    /** The chosen key, or why there is none. */
    public record Choice(Optional<IndexInfo> key, String problem) {
        static Choice of(IndexInfo index) {
            return new Choice(Optional.of(index), "");
        }

        static Choice none(String problem) {
            return new Choice(Optional.empty(), problem);
        }
    }

    private KeyChooser() {
    }

    public static Choice choose(String table, Map<String, Column> columns, List<IndexInfo> uniqueIndexes,
                                List<String> configuredKey) {
        List<IndexInfo> usable = uniqueIndexes.stream()
                .filter(IndexInfo::usableAsKey)
                .filter(index -> index.isPrimary() || index.columns().stream().allMatch(name -> isNotNull(columns, name)))
                .sorted(Comparator.comparing((IndexInfo index) -> !index.isPrimary())
                        .thenComparing(index -> index.columns().size())
                        .thenComparing(IndexInfo::name))
                .toList();
        if (!configuredKey.isEmpty()) {
            return usable.stream()
                    .filter(index -> sameColumns(index.columns(), configuredKey))
                    .findFirst()
                    .map(Choice::of)
                    .orElseGet(() -> Choice.none("columns (" + String.join(", ", configuredKey)
                            + ") are not the primary key or a NOT NULL unique key of " + table + "; usable keys: "
                            + describe(usable)));
        }
        if (usable.isEmpty()) {
            List<String> why = uniqueIndexes.stream().map(index -> "unique key " + index.name() + " ("
                    + String.join(", ", index.columns()) + ") cannot identify rows: " + (index.usableAsKey()
                    ? "it allows NULL in " + index.columns().stream().filter(name -> !isNotNull(columns, name))
                            .collect(Collectors.joining(", ")) + ", and any number of rows may hold NULL there"
                    : index.whyNot())).toList();
            return Choice.none("table " + table + " has no primary key and no unique key on whole NOT NULL columns,"
                    + " so its rows cannot be matched" + (why.isEmpty() ? "" : " (" + String.join("; ", why) + ")")
                    + "; add a primary key (or a unique key on whole NOT NULL columns), or use strategy slice (which"
                    + " replaces the whole table)");
        }
        return Choice.of(usable.get(0));
    }

    private static boolean isNotNull(Map<String, Column> columns, String name) {
        Column column = columns.get(name.toLowerCase(Locale.ROOT));
        return column != null && !column.nullable();
    }

    private static boolean sameColumns(List<String> index, List<String> configured) {
        if (index.size() != configured.size()) {
            return false;
        }
        for (int i = 0; i < index.size(); i++) {
            if (!index.get(i).equalsIgnoreCase(configured.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static String describe(List<IndexInfo> usable) {
        if (usable.isEmpty()) {
            return "none";
        }
        return usable.stream().map(index -> index.name() + " (" + String.join(", ", index.columns()) + ")")
                .collect(Collectors.joining(", "));
    }
}
