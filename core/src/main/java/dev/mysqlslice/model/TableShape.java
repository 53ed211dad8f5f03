package dev.mysqlslice.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a table looks like to mysqlslice: its columns in order and the unique key rows are
 * identified by.
 *
 * @param name       the table name
 * @param columns    all columns in ordinal order
 * @param keyColumns the key columns in index order (empty when the table has no usable key)
 * @param keyIndex   the index the key comes from ("PRIMARY" or a unique index name)
 * @param engine     the target table's storage engine (InnoDB unless known otherwise)
 */
public record TableShape(String name, List<Column> columns, List<String> keyColumns, String keyIndex, String engine) {

    private static final Set<String> TRANSACTIONAL = Set.of("innodb", "xtradb", "rocksdb", "tokudb",
            "ndbcluster", "ndb");

    public TableShape {
        columns = List.copyOf(columns);
        keyColumns = List.copyOf(keyColumns);
    }

    public TableShape(String name, List<Column> columns, List<String> keyColumns, String keyIndex) {
        this(name, columns, keyColumns, keyIndex, "InnoDB");
    }

    /** Whether the target rolls a failed batch back entirely (MyISAM, Aria and MEMORY keep what was written). */
    public boolean transactional() {
        return TRANSACTIONAL.contains(engine.toLowerCase(Locale.ROOT));
    }

    /** What became of a batch that failed, for error messages. */
    public String failedBatchKept() {
        return transactional() ? "nothing of this batch was kept" : "rows of this batch written before the failure"
                + " were kept (the target table's engine, " + engine + ", is not transactional); the next sync compares"
                + " and repairs them";
    }

    /** The same shape on a target table of another engine. */
    public TableShape withEngine(String newEngine) {
        return new TableShape(name, columns, keyColumns, keyIndex, newEngine);
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

    /** Whether the key has several columns and the first is an integer (e.g. {@code (order_id, line)}). */
    public boolean hasLeadingIntegerKey() {
        return keyColumns.size() > 1 && keys().get(0).kind().isInteger();
    }

    /** The same shape under another table name (a shadow table). */
    public TableShape withName(String newName) {
        return new TableShape(newName, columns, keyColumns, keyIndex, engine);
    }

    public TableShape withKey(List<String> newKeyColumns, String newKeyIndex) {
        return new TableShape(name, columns, newKeyColumns, newKeyIndex, engine);
    }
}
