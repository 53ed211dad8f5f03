package dev.mysqlslice.sql;

import dev.mysqlslice.jdbc.Identifiers;
import dev.mysqlslice.jdbc.KeyCodec;
import dev.mysqlslice.model.Bound;
import dev.mysqlslice.model.Column;
import dev.mysqlslice.model.ColumnKind;
import dev.mysqlslice.model.Key;
import dev.mysqlslice.model.KeyRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Key predicates, orderings and select lists. Composite-key comparisons are spelled out
 * ({@code a > ? OR (a = ? AND b > ?)}) because both MariaDB and MySQL turn that form into index
 * ranges, which row-constructor comparisons do not always get.
 */
public final class KeySql {

    private KeySql() {
    }

    /** The condition that a row's key lies in {@code range}; empty for the whole key space. */
    public static SqlFragment inRange(List<Column> keys, KeyRange range) {
        SqlFragment lower = range.lower().map(bound -> compare(keys, bound, true)).orElse(SqlFragment.EMPTY);
        SqlFragment upper = range.upper().map(bound -> compare(keys, bound, false)).orElse(SqlFragment.EMPTY);
        if (range.lower().isPresent() && range.upper().isPresent() && keys.size() == 1
                && range.lower().get().inclusive() && range.upper().get().inclusive()
                && range.lower().get().key().equals(range.upper().get().key())) {
            return new SqlFragment(column(keys.get(0)) + " = " + placeholder(keys.get(0)), range.lower().get().key().parts());
        }
        return lower.and(upper);
    }

    /** The condition that a row's key lies in any of {@code ranges}. */
    public static SqlFragment inAnyRange(List<Column> keys, List<KeyRange> ranges) {
        return SqlFragment.anyOf(ranges.stream().map(range -> inRange(keys, range)).toList());
    }

    /** The condition that a row's key is one of {@code values}: {@code k IN (?, ?)} or {@code (a, b) IN ((?, ?), ...)}. */
    public static SqlFragment in(List<Column> keys, List<Key> values) {
        if (values.isEmpty()) {
            return SqlFragment.of("1 = 0");
        }
        List<Object> params = new ArrayList<>();
        values.forEach(value -> params.addAll(value.parts()));
        String tuple = keys.size() == 1 ? placeholder(keys.get(0))
                : keys.stream().map(KeySql::placeholder).collect(Collectors.joining(", ", "(", ")"));
        String list = values.stream().map(value -> tuple).collect(Collectors.joining(", "));
        String columns = keys.size() == 1 ? column(keys.get(0)) : "(" + columnList(keys) + ")";
        return new SqlFragment(columns + " IN (" + list + ")", params);
    }

    /** {@code a, b} quoted. */
    public static String columnList(List<Column> keys) {
        return keys.stream().map(KeySql::column).collect(Collectors.joining(", "));
    }

    /** {@code a DESC, b DESC} quoted. */
    public static String descending(List<Column> keys) {
        return keys.stream().map(key -> column(key) + " DESC").collect(Collectors.joining(", "));
    }

    /** The key columns as exactly readable expressions (see {@link KeyCodec#selectExpression}). */
    public static String selectList(List<Column> keys) {
        return keys.stream().map(KeyCodec::selectExpression).collect(Collectors.joining(", "));
    }

    private static SqlFragment compare(List<Column> keys, Bound bound, boolean lower) {
        return compareFrom(keys, bound, lower, 0);
    }

    private static SqlFragment compareFrom(List<Column> keys, Bound bound, boolean lower, int index) {
        String column = column(keys.get(index));
        String placeholder = placeholder(keys.get(index));
        Object value = bound.key().part(index);
        // A bound may be a prefix of the key (its leading columns): it bounds those columns only.
        boolean last = index == Math.min(keys.size(), bound.key().size()) - 1;
        String strict = lower ? " > " : " < ";
        if (last) {
            String operator = bound.inclusive() ? (lower ? " >= " : " <= ") : strict;
            return new SqlFragment(column + operator + placeholder, List.of(value));
        }
        SqlFragment rest = compareFrom(keys, bound, lower, index + 1);
        List<Object> params = new ArrayList<>(List.of(value, value));
        params.addAll(rest.params());
        return new SqlFragment("(" + column + strict + placeholder + " OR (" + column + " = " + placeholder + " AND "
                + rest.sql() + "))", params);
    }

    /**
     * The parameter marker for a value of {@code column}: plain, except for character columns in a
     * charset other than utf8mb4, whose values (sent as utf8mb4 text) are converted to the column's
     * charset and collation, so they compare as the column does (a latin1 key with a non-ASCII
     * value is otherwise an "illegal mix of collations").
     */
    public static String placeholder(Column column) {
        if (column.kind() != ColumnKind.STRING || column.isEnumOrSet()) {
            return "?";
        }
        String charset = column.charset().orElse("utf8mb4").toLowerCase(Locale.ROOT);
        if (charset.equals("utf8mb4") || charset.equals("binary")) {
            return "?";
        }
        return "CONVERT(? USING " + charset + ")" + column.collation().map(collation -> " COLLATE " + collation).orElse("");
    }

    private static String column(Column column) {
        return Identifiers.quote(column.name());
    }
}
