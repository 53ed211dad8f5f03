package dev.mysqlslice.model;

import java.util.List;
import java.util.Optional;

/**
 * What a table looks like to mysqlslice: its columns in order and the unique key rows are
 * identified by.
 *
 * @param name       the table name
 * @param columns    all columns in ordinal order
 * @param keyColumns the key columns in index order (empty when the table has no usable key)
 * @param keyIndex   the index the key comes from ("PRIMARY" or a unique index name)
 */
public record TableShape(String name, List<Column> columns, List<String> keyColumns, String keyIndex) {

    public TableShape {
        columns = List.copyOf(columns);
        keyColumns = List.copyOf(keyColumns);
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(column -> column.name().equalsIgnoreCase(columnName)).findFirst();
    }

    /** The columns whose values are copied: every column except generated ones. */
    public List<Column> storedColumns() {
        return columns.stream().filter(column -> !column.generated()).toList();
    }

    /** The key columns in key order. */
    public List<Column> keys() {
        return keyColumns.stream().map(name -> column(name).orElseThrow()).toList();
    }

    public boolean hasKey() {
        return !keyColumns.isEmpty();
    }

    /** Whether the key is one integer column, whose ranges can be cut arithmetically. */
    public boolean hasSingleIntegerKey() {
        return keyColumns.size() == 1 && keys().get(0).kind().isInteger();
    }

    /** The same shape under another table name (a shadow table). */
    public TableShape withName(String newName) {
        return new TableShape(newName, columns, keyColumns, keyIndex);
    }

    public TableShape withKey(List<String> newKeyColumns, String newKeyIndex) {
        return new TableShape(name, columns, newKeyColumns, newKeyIndex);
    }
}
