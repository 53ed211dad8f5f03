package dev.mysqlslice.sql;

import dev.mysqlslice.jdbc.Identifiers;
import dev.mysqlslice.model.Column;
import dev.mysqlslice.model.ColumnKind;
import dev.mysqlslice.model.TableShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Statements that move rows: the source SELECT whose raw bytes are exact, and the target
 * INSERT / LOAD DATA that store those bytes unchanged. Character columns travel in their own
 * charset (as {@code _binary} bytes), so no conversion happens anywhere on the way.
 */
public final class CopySql {

    /** Charsets whose bytes arrive unchanged in a utf8mb4 result set. */
    private static final Set<String> UTF8_CHARSETS = Set.of("utf8mb4", "utf8mb3", "utf8", "binary");

    private CopySql() {
    }

    /** How one copied column is selected on the source so that its text-protocol bytes are the exact value. */
    public static String selectExpression(Column column) {
        String name = Identifiers.quote(column.name());
        if (column.kind() == ColumnKind.FLOAT) {
            return "(" + name + " + 0e0)";
        }
        if (column.kind() == ColumnKind.STRING
                && !UTF8_CHARSETS.contains(column.charset().orElse("binary").toLowerCase(Locale.ROOT))) {
            return "CAST(" + name + " AS BINARY)";
        }
        return name;
    }

    /**
     * {@code SELECT <stored columns>, <key columns> FROM t WHERE ... ORDER BY key [LIMIT n]}: the
     * stored columns first (what is written), then the key columns (to continue from the last row).
     * A table without a key is read in no particular order.
     */
    public static SqlFragment select(TableShape shape, SqlFragment where, int limit) {
        String columns = shape.storedColumns().stream().map(CopySql::selectExpression).collect(Collectors.joining(", "));
        if (!shape.hasKey()) {
            return new SqlFragment("SELECT " + columns + " FROM " + Identifiers.quote(shape.name()) + where.whereClause()
                    + (limit > 0 ? " LIMIT " + limit : ""), where.params());
        }
        return new SqlFragment("SELECT " + columns + ", " + KeySql.selectList(shape.keys())
                + " FROM " + Identifiers.quote(shape.name()) + where.whereClause()
                + " ORDER BY " + KeySql.columnList(shape.keys()) + (limit > 0 ? " LIMIT " + limit : ""),
                where.params());
    }

    /** {@code INSERT INTO t (cols) VALUES (?, ...)}; JSON and other own types go through utf8mb4 text. */
    public static String insert(TableShape shape) {
        return "INSERT INTO " + Identifiers.quote(shape.name()) + " (" + storedList(shape) + ") VALUES ("
                + placeholders(shape) + ")";
    }

    /** Like {@link #insert} but replacing rows that collide on any unique key. */
    public static String replace(TableShape shape) {
        return "REPLACE INTO " + Identifiers.quote(shape.name()) + " (" + storedList(shape) + ") VALUES ("
                + placeholders(shape) + ")";
    }

    /**
     * Bulk load of tab-separated raw bytes streamed from the client into {@code table}. REPLACE:
     * a loaded row takes the place of any target row holding its key or one of its unique values
     * (the source has no such pair, so the target row is wrong and is compared again later); the
     * affected-row count tells how many target rows were displaced.
     */
    public static String loadData(TableShape shape, String table) {
        List<String> targets = new ArrayList<>();
        List<String> conversions = new ArrayList<>();
        int index = 0;
        for (Column column : shape.storedColumns()) {
            index++;
            if (viaText(column)) {
                String variable = "@mss_" + index;
                targets.add(variable);
                conversions.add(Identifiers.quote(column.name()) + " = CONVERT(" + variable + " USING utf8mb4)");
            } else {
                targets.add(Identifiers.quote(column.name()));
            }
        }
        return "LOAD DATA LOCAL INFILE 'mysqlslice.tsv' REPLACE INTO TABLE " + Identifiers.quote(table)
                + " CHARACTER SET binary FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n'"
                + " (" + String.join(", ", targets) + ")"
                + (conversions.isEmpty() ? "" : " SET " + String.join(", ", conversions));
    }

    /** {@code DELETE FROM t WHERE ...}. */
    public static SqlFragment delete(TableShape shape, SqlFragment where) {
        return new SqlFragment("DELETE FROM " + Identifiers.quote(shape.name()) + where.whereClause(), where.params());
    }

    private static String storedList(TableShape shape) {
        return shape.storedColumns().stream().map(column -> Identifiers.quote(column.name()))
                .collect(Collectors.joining(", "));
    }

    private static String placeholders(TableShape shape) {
        return shape.storedColumns().stream()
                .map(column -> viaText(column) ? "CONVERT(? USING utf8mb4)" : "?")
                .collect(Collectors.joining(", "));
    }

    /**
     * Columns written through utf8mb4 text: MySQL's JSON (it refuses binary JSON) and types of
     * their own such as MariaDB's UUID, INET6 and INET4 (a binary string is read as their binary form).
     */
    private static boolean viaText(Column column) {
        return column.kind() == ColumnKind.JSON || column.kind() == ColumnKind.OTHER;
    }
}
