package dev.mysqlslice.schema;

import dev.mysqlslice.dialect.Dialect;
import dev.mysqlslice.model.Column;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the collations of a table definition for a target of the other flavor. A collation the
 * target has exactly (the same name, or MySQL's utf8mb4_0900_bin as MariaDB's utf8mb4_nopad_bin) is
 * kept or renamed. One it lacks is a problem when a column of a unique key uses it (the key would
 * compare values differently on the target: a duplicate there, distinct here); on other columns it
 * becomes the nearest collation the target has, with a note (values are copied and compared as
 * bytes, only sorting on the target differs).
 */
public final class CollationMapper {

    private static final Pattern COLLATE = Pattern.compile("(COLLATE[= ])([A-Za-z0-9_]+)");

    /** The rewritten statement, the collations replaced by a near one, and what prevents the table. */
    public record Result(String statement, List<String> approximations, List<String> problems) {
    }

    private CollationMapper() {
    }

    /**
     * @param columns     the table's columns on the source, with their collations
     * @param uniqueKeys  the columns of each unique key (primary key included)
     */
    public static Result map(String table, String createTable, List<Column> columns, Map<String, List<String>> uniqueKeys,
                             Dialect source, Dialect target) {
        if (source.flavor() == target.flavor()) {
            return new Result(createTable, List.of(), List.of());
        }
        List<String> approximations = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> keyColumns = new LinkedHashSet<>();
        uniqueKeys.values().forEach(key -> key.forEach(column -> keyColumns.add(column.toLowerCase(Locale.ROOT))));
        for (Column column : columns) {
            Optional<String> collation = column.collation();
            if (collation.isPresent() && target.equivalentCollation(collation.get()).isEmpty()
                    && keyColumns.contains(column.name().toLowerCase(Locale.ROOT))) {
                problems.add("table " + table + ": column " + column.name() + " is part of a unique key and uses collation "
                        + collation.get() + ", which " + target + " has no exact equivalent of, so the key would compare"
                        + " values differently there; give the column a collation both servers have (e.g. ALTER TABLE "
                        + table + " MODIFY " + column.name() + " ... COLLATE " + near(collation.get(), target)
                        + " on the source, or create the target table yourself)");
            }
        }
        Matcher matcher = COLLATE.matcher(createTable);
        StringBuilder rewritten = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(2);
            String replacement = target.equivalentCollation(name).orElseGet(() -> {
                String near = near(name, target);
                String note = "table " + table + ": collation " + name + " is not on " + target + "; created with "
                        + near + " (mysqlslice copies and compares the bytes; only sorting on the target differs)";
                if (!approximations.contains(note)) {
                    approximations.add(note);
                }
                return near;
            });
            matcher.appendReplacement(rewritten, Matcher.quoteReplacement(matcher.group(1) + replacement));
        }
        matcher.appendTail(rewritten);
        return new Result(rewritten.toString(), approximations, problems);
    }

    /** The nearest collation {@code target} has to {@code collation}: the same charset, the newest UCA it knows. */
    static String near(String collation, Dialect target) {
        String name = collation.toLowerCase(Locale.ROOT);
        String charset = name.substring(0, Math.max(0, name.indexOf('_')));
        String sensitivity = name.endsWith("_as_cs") ? "as_cs" : name.endsWith("_as_ci") ? "as_ci" : "ai_ci";
        if (target.isMariadb()) {
            return target.atLeast(10, 10, 0) ? charset + "_uca1400_" + sensitivity : charset + "_unicode_520_ci";
        }
        return name.contains("_nopad_") ? name.replace("_nopad_", "_") : "utf8mb4_0900_" + sensitivity;
    }
}
