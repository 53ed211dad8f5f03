package dev.mysqlslice.schema;

import dev.mysqlslice.model.Column;
import dev.mysqlslice.model.ColumnKind;
import dev.mysqlslice.model.TableShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Lists how a target table's shape differs from the source's in anything that matters to an exact
 * copy: column names, types, nullability, generation, charset, collation, and the key.
 */
public final class ShapeComparison {

    private static final Pattern INTEGER_DISPLAY_WIDTH = Pattern.compile("\\b(tinyint|smallint|mediumint|int|bigint)\\(\\d+\\)");

    private ShapeComparison() {
    }

    /** Human-readable differences, empty when the shapes match. */
    public static List<String> differences(TableShape source, TableShape target) {
        List<String> differences = new ArrayList<>();
        for (Column column : source.columns()) {
            Optional<Column> other = target.column(column.name());
            if (other.isEmpty()) {
                differences.add("column `" + column.name() + "` is missing on the target");
                continue;
            }
            compare(column, other.get(), isKey(source, column), differences);
        }
        for (Column column : target.columns()) {
            if (source.column(column.name()).isEmpty()) {
                differences.add("column `" + column.name() + "` exists only on the target" + (column.name()
                        .equalsIgnoreCase("my_row_id") ? " (MySQL adds it as an invisible primary key to a table created"
                        + " without one while sql_generate_invisible_primary_key=ON: create the target table with it OFF,"
                        + " or give the source table a primary key)" : ""));
            }
        }
        if (!lower(source.keyColumns()).equals(lower(target.keyColumns()))) {
            differences.add("key is (" + String.join(", ", source.keyColumns()) + ") on the source but ("
                    + String.join(", ", target.keyColumns()) + ") on the target");
        }
        return differences;
    }

    /** The column type without integer display widths, which MySQL 8 no longer shows. */
    static String normalisedType(String columnType) {
        return INTEGER_DISPLAY_WIDTH.matcher(columnType.toLowerCase(Locale.ROOT)).replaceAll("$1");
    }

    private static boolean isKey(TableShape shape, Column column) {
        return shape.keyColumns().stream().anyMatch(key -> key.equalsIgnoreCase(column.name()));
    }

    /** MySQL's JSON and MariaDB's (a LONGTEXT holding JSON) are the same column to mysqlslice. */
    private static boolean sameJson(Column source, Column target) {
        return source.kind() == ColumnKind.JSON && target.columnType().equalsIgnoreCase("longtext")
                || target.kind() == ColumnKind.JSON && source.columnType().equalsIgnoreCase("longtext");
    }

    /** utf8 is the older name of utf8mb3 (MariaDB and MySQL 8 report either, depending on version). */
    static String charsetName(String charset) {
        String name = charset.toLowerCase(Locale.ROOT);
        return name.equals("utf8") ? "utf8mb3" : name;
    }

    static String collationName(String collation) {
        String name = collation.toLowerCase(Locale.ROOT);
        return name.startsWith("utf8_") ? "utf8mb3_" + name.substring("utf8_".length()) : name;
    }

    /**
     * Values are copied and hashed as bytes, so a collation difference matters to a sync only where
     * the servers compare values: key columns (two collations sort and match keys alike only when
     * they are the same, or MySQL's utf8mb4_0900_bin and MariaDB's utf8mb4_nopad_bin).
     */
    private static boolean sameCollation(Optional<String> source, Optional<String> target, boolean key) {
        if (!key) {
            return true;
        }
        String first = source.map(ShapeComparison::collationName).orElse("");
        String second = target.map(ShapeComparison::collationName).orElse("");
        return first.equals(second) || Set.of(first, second).equals(Set.of("utf8mb4_0900_bin", "utf8mb4_nopad_bin"));
    }

    private static void compare(Column source, Column target, boolean key, List<String> differences) {
        String name = "`" + source.name() + "`";
        if (sameJson(source, target)) {
            if (source.nullable() != target.nullable()) {
                differences.add("column " + name + " is " + nullability(source) + " on the source but "
                        + nullability(target) + " on the target");
            }
            return;
        }
        if (!normalisedType(source.columnType()).equals(normalisedType(target.columnType()))) {
            differences.add("column " + name + " is " + source.columnType() + " on the source but " + target.columnType()
                    + " on the target");
        }
        if (source.nullable() != target.nullable()) {
            differences.add("column " + name + " is " + nullability(source) + " on the source but " + nullability(target)
                    + " on the target");
        }
        if (source.generated() != target.generated()) {
            differences.add("column " + name + " is " + generation(source) + " on the source but " + generation(target)
                    + " on the target");
        }
        if (!source.charset().map(ShapeComparison::charsetName).equals(target.charset().map(ShapeComparison::charsetName))) {
            differences.add("column " + name + " has charset " + source.charset().orElse("none") + " on the source but "
                    + target.charset().orElse("none") + " on the target");
        } else if (!sameCollation(source.collation(), target.collation(), key)) {
            differences.add("column " + name + " has collation " + source.collation().orElse("none")
                    + " on the source but " + target.collation().orElse("none") + " on the target");
        }
    }

    private static String nullability(Column column) {
        return column.nullable() ? "NULL" : "NOT NULL";
    }

    private static String generation(Column column) {
        return column.generated() ? "generated" : "not generated";
    }

    private static List<String> lower(List<String> names) {
        return names.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
    }
}
