package dev.mysqlslice.schema;

import dev.mysqlslice.model.Column;
import dev.mysqlslice.model.TableShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
            compare(column, other.get(), differences);
        }
        for (Column column : target.columns()) {
            if (source.column(column.name()).isEmpty()) {
                differences.add("column `" + column.name() + "` exists only on the target");
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

    private static void compare(Column source, Column target, List<String> differences) {
        String name = "`" + source.name() + "`";
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
        if (!source.charset().equals(target.charset())) {
            differences.add("column " + name + " has charset " + source.charset().orElse("none") + " on the source but "
                    + target.charset().orElse("none") + " on the target");
        } else if (!source.collation().equals(target.collation())) {
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
