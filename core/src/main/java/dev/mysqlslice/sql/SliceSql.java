package dev.mysqlslice.sql;

import dev.mysqlslice.jdbc.Identifiers;
import dev.mysqlslice.jdbc.KeyCodec;
import dev.mysqlslice.model.Column;
import dev.mysqlslice.model.TableShape;

/**
 * The lookups of a slice maintained in place, all on one table with conditions built from key
 * lists and referenced values: which rows hold these keys, which values a column holds, which
 * rows another member still refers to, and which references have no row yet.
 */
public final class SliceSql {

    /** The alias of the inner table in correlated conditions. */
    private static final String INNER = "s";

    private SliceSql() {
    }

    /** {@code SELECT <key> FROM t WHERE ...}. */
    public static SqlFragment keys(TableShape shape, SqlFragment where) {
        return new SqlFragment("SELECT " + KeySql.selectList(shape.keys()) + " FROM " + Identifiers.quote(shape.name())
                + where.whereClause(), where.params());
    }

    /** {@code SELECT <column>, <key> FROM t WHERE ...}: each row's value of one column, by key. */
    public static SqlFragment valuesByKey(TableShape shape, Column column, SqlFragment where) {
        return new SqlFragment("SELECT " + KeyCodec.selectExpression(column) + ", " + KeySql.selectList(shape.keys())
                + " FROM " + Identifiers.quote(shape.name()) + where.whereClause(), where.params());
    }

    /** {@code SELECT DISTINCT <column> FROM t WHERE <column> IS NOT NULL AND ...}. */
    public static SqlFragment values(TableShape shape, Column column, SqlFragment where) {
        return new SqlFragment("SELECT DISTINCT " + KeyCodec.selectExpression(column) + " FROM "
                + Identifiers.quote(shape.name()) + " WHERE " + Identifiers.quote(column.name()) + " IS NOT NULL"
                + (where.isEmpty() ? "" : " AND " + where.sql()), where.params());
    }

    /**
     * The condition, on a row of {@code to}, that some row of {@code from} refers to it through
     * {@code fromColumn -> toColumn}, leaving out the rows of {@code from} that match
     * {@code excluded} (written on unqualified column names of {@code from}).
     */
    public static SqlFragment referredToBy(String to, String toColumn, String from, String fromColumn,
                                           SqlFragment excluded) {
        SqlFragment condition = excluded.isEmpty() ? SqlFragment.EMPTY : excluded.negate();
        return new SqlFragment("EXISTS (SELECT 1 FROM " + Identifiers.quote(from) + " " + INNER + " WHERE " + INNER + "."
                + Identifiers.quote(fromColumn) + " = " + Identifiers.quote(to) + "." + Identifiers.quote(toColumn)
                + (condition.isEmpty() ? "" : " AND " + condition.sql()) + ")", condition.params());
    }

    /**
     * {@code SELECT DISTINCT <fromColumn> FROM from WHERE ... AND NOT EXISTS (a row of to holding
     * it)}: the references of some rows that have no row to point at yet.
     */
    public static SqlFragment missingReferences(TableShape from, Column fromColumn, String to, String toColumn,
                                                SqlFragment where) {
        String column = Identifiers.quote(from.name()) + "." + Identifiers.quote(fromColumn.name());
        return new SqlFragment("SELECT DISTINCT " + KeyCodec.selectExpression(fromColumn) + " FROM "
                + Identifiers.quote(from.name()) + " WHERE " + column + " IS NOT NULL"
                + (where.isEmpty() ? "" : " AND " + where.sql())
                + " AND NOT EXISTS (SELECT 1 FROM " + Identifiers.quote(to) + " " + INNER + " WHERE " + INNER + "."
                + Identifiers.quote(toColumn) + " = " + column + ")", where.params());
    }
}
