package dev.mysqlslice.schema;

import java.util.List;

/**
 * A unique index as information_schema describes it.
 *
 * @param name        "PRIMARY" or the index name
 * @param columns     its columns in order
 * @param usableAsKey all columns are whole (no prefix) and real (no functional part)
 */
public record IndexInfo(String name, List<String> columns, boolean usableAsKey) {

    public IndexInfo {
        columns = List.copyOf(columns);
    }

    public boolean isPrimary() {
        return name.equals("PRIMARY");
    }
}
