package dev.mysqlslice.schema;

import dev.mysqlslice.model.Column;
import dev.mysqlslice.model.ForeignKey;
import dev.mysqlslice.model.TableShape;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The tables of one database as information_schema describes them, plus the objects schema pull
 * does not copy.
 *
 * @param tables  base tables in name order, with their columns
 * @param indexes unique indexes per table
 * @param skipped     views, triggers, routines and events, described as "view v_orders"
 * @param foreignKeys the foreign keys of the database's tables (schema pull strips them from the target)
 * @param engines     each table's storage engine
 */
public record Catalog(Map<String, List<Column>> tables, Map<String, List<IndexInfo>> indexes, List<String> skipped,
                      List<ForeignKey> foreignKeys, Map<String, String> engines) {

    public Catalog {
        tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        indexes = Map.copyOf(indexes);
        skipped = List.copyOf(skipped);
        foreignKeys = List.copyOf(foreignKeys);
        engines = Map.copyOf(engines);
    }

    /** A catalog without foreign keys, of InnoDB tables. */
    public Catalog(Map<String, List<Column>> tables, Map<String, List<IndexInfo>> indexes, List<String> skipped) {
        this(tables, indexes, skipped, List.of(), Map.of());
    }

    /** The storage engine of {@code table} (InnoDB when unknown). */
    public String engine(String table) {
        return engines.getOrDefault(table, "InnoDB");
    }

    public boolean hasTable(String name) {
        return tables.containsKey(name);
    }

    public List<String> tableNames() {
        return List.copyOf(tables.keySet());
    }

    /** The shape of {@code table} with its key chosen (or a reason there is none). */
    public ShapeResult shape(String table, List<String> configuredKey) {
        List<Column> columns = tables.get(table);
        if (columns == null) {
            return new ShapeResult(Optional.empty(), "table " + table + " does not exist");
        }
        Map<String, Column> byName = new LinkedHashMap<>();
        columns.forEach(column -> byName.put(column.name().toLowerCase(Locale.ROOT), column));
        KeyChooser.Choice choice = KeyChooser.choose(table, byName, indexes.getOrDefault(table, List.of()), configuredKey);
        TableShape shape = new TableShape(table, columns,
                choice.key().map(IndexInfo::columns).orElse(List.of()), choice.key().map(IndexInfo::name).orElse(""));
        return new ShapeResult(Optional.of(shape), choice.problem());
    }

    /** A table's shape (absent when the table is) and the key problem, empty when the key is fine. */
    public record ShapeResult(Optional<TableShape> shape, String problem) {
        public boolean hasKey() {
            return shape.map(TableShape::hasKey).orElse(false);
        }
    }
}
