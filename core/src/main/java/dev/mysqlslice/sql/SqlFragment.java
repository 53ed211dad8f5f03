package dev.mysqlslice.sql;

import dev.mysqlslice.jdbc.KeyCodec;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** A piece of SQL with {@code ?} placeholders and the key values bound to them, in order. */
public record SqlFragment(String sql, List<Object> params) {

    public static final SqlFragment EMPTY = new SqlFragment("", List.of());

    public SqlFragment {
        params = List.copyOf(params);
    }

    public static SqlFragment of(String sql) {
        return new SqlFragment(sql, List.of());
    }

    /** A user's {@code where} filter as a condition in parentheses; empty when there is none. */
    public static SqlFragment filter(Optional<String> where) {
        return where.map(text -> of("(" + text + ")")).orElse(EMPTY);
    }

    public boolean isEmpty() {
        return sql.isEmpty();
    }

    /** Both conditions; an empty side is left out. */
    public SqlFragment and(SqlFragment other) {
        if (isEmpty()) {
            return other;
        }
        if (other.isEmpty()) {
            return this;
        }
        List<Object> all = new ArrayList<>(params);
        all.addAll(other.params);
        return new SqlFragment(sql + " AND " + other.sql, all);
    }

    /** {@code NOT (condition)}; the negation of no condition is no row at all. */
    public SqlFragment negate() {
        return isEmpty() ? of("1 = 0") : new SqlFragment("NOT (" + sql + ")", params);
    }

    /** Either condition, each in parentheses; an empty list means no condition. */
    public static SqlFragment anyOf(List<SqlFragment> conditions) {
        if (conditions.isEmpty()) {
            return EMPTY;
        }
        if (conditions.size() == 1) {
            return conditions.get(0);
        }
        if (conditions.stream().anyMatch(SqlFragment::isEmpty)) {
            return EMPTY;
        }
        List<Object> all = new ArrayList<>();
        conditions.forEach(condition -> all.addAll(condition.params()));
        return new SqlFragment(conditions.stream().map(condition -> "(" + condition.sql() + ")")
                .collect(Collectors.joining(" OR ", "(", ")")), all);
    }

    /** {@code " WHERE ..."} or nothing. */
    public String whereClause() {
        return isEmpty() ? "" : " WHERE " + sql;
    }

    /** Binds the parameters starting at {@code index}; returns the next free index. */
    public int bind(PreparedStatement statement, int index) throws SQLException {
        int next = index;
        for (Object param : params) {
            KeyCodec.bind(statement, next++, param);
        }
        return next;
    }
}
