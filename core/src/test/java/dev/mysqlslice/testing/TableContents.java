package dev.mysqlslice.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every row of a table as exact text, for comparing source and target row by row without using
 * mysqlslice's own hashing: strings and binaries as hex, FLOAT/DOUBLE widened to DOUBLE text.
 */
public final class TableContents {

    private TableContents() {
    }

    /** All rows of {@code table} ordered by every column, each value exact. */
    public static List<List<String>> of(TestDatabase database, String table) {
        List<List<String>> columns = database.rows("SELECT COLUMN_NAME, DATA_TYPE FROM information_schema.COLUMNS"
                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '" + table + "' ORDER BY ORDINAL_POSITION");
        if (columns.isEmpty()) {
            throw new IllegalStateException("table " + table + " does not exist in " + database.role().section());
        }
        List<String> expressions = new ArrayList<>();
        for (List<String> column : columns) {
            expressions.add(expression("`" + column.get(0) + "`", column.get(1).toLowerCase(Locale.ROOT)));
        }
        String list = String.join(", ", expressions);
        // Ordering by every exact value gives a total order that does not depend on the key.
        return database.rows("SELECT " + list + " FROM `" + table + "` ORDER BY " + orderBy(expressions.size()));
    }

    private static String expression(String column, String dataType) {
        return switch (dataType) {
            case "float", "double", "real" -> "(" + column + " + 0e0)";
            case "char", "varchar", "tinytext", "text", "mediumtext", "longtext", "binary", "varbinary", "tinyblob",
                 "blob", "mediumblob", "longblob", "json", "enum", "set", "bit", "geometry", "point" -> "HEX(" + column + ")";
            case "timestamp" -> "UNIX_TIMESTAMP(" + column + ")";
            default -> column;
        };
    }

    private static String orderBy(int columns) {
        List<String> positions = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
            positions.add(Integer.toString(i));
        }
        return String.join(", ", positions);
    }
}
