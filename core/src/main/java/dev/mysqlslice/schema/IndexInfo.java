package dev.mysqlslice.schema;

import java.util.List;

/**
 * A unique index as information_schema describes it.
 *
 * @param name        "PRIMARY" or the index name
 * @param columns     its columns in order
 * @param usableAsKey all columns are whole (no prefix) and real (no functional part)
 */
public record IndexInfo(String name, List<String> columns, boolean usableAsKey, String whyNot) {

    public IndexInfo {
        columns = List.copyOf(columns);
    }

    public IndexInfo(String name, List<String> columns, boolean usableAsKey) {
        this(name, columns, usableAsKey, usableAsKey ? "" : "it is on an expression or a column prefix");
    }

    public boolean isPrimary() {
        return name.equals("PRIMARY");
    }
}
