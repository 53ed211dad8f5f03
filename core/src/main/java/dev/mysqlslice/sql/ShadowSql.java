package dev.mysqlslice.sql;

import dev.mysqlslice.jdbc.Identifiers;
import dev.mysqlslice.model.Column;
import dev.mysqlslice.model.TableShape;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Statements around the shadow tables a slice is built in: their names, creating them like the
 * live tables, comparing them with the live tables, and swapping all of them in at once.
 */
public final class ShadowSql {

    /** Prefix of the tables a new slice is loaded into. */
    public static final String NEW_PREFIX = "_mss_new_";
    /** Prefix of the replaced tables between the swap and their drop. */
    public static final String OLD_PREFIX = "_mss_old_";
    private static final int MAX_NAME = 64;

    private ShadowSql() {
    }

    /** {@code prefix + table}, shortened with a hash suffix when it would exceed 64 characters. */
    public static String name(String prefix, String table) {
        String name = prefix + table;
        if (name.length() <= MAX_NAME) {
            return name;
        }
        return name.substring(0, MAX_NAME - 9) + "_" + hash(table);
    }

    public static String create(String shadow, String live, boolean temporary) {
        return "CREATE " + (temporary ? "TEMPORARY " : "") + "TABLE " + Identifiers.quote(shadow) + " LIKE "
                + Identifiers.quote(live);
    }

    public static String dropIfExists(List<String> tables, boolean temporary) {
        return "DROP " + (temporary ? "TEMPORARY " : "") + "TABLE IF EXISTS "
                + tables.stream().map(Identifiers::quote).collect(Collectors.joining(", "));
    }

    /** One statement that replaces every live table by its shadow, atomically for readers. */
    public static String swap(List<String> liveTables) {
        return "RENAME TABLE " + liveTables.stream()
                .map(live -> Identifiers.quote(live) + " TO " + Identifiers.quote(name(OLD_PREFIX, live)) + ", "
                        + Identifiers.quote(name(NEW_PREFIX, live)) + " TO " + Identifiers.quote(live))
                .collect(Collectors.joining(", "));
    }

    /**
     * The next distinct values of {@code column} in {@code from} after a given value that have no
     * row in {@code to} yet: the references still to follow, {@code limit} at a time.
     */
    public static String missingReferences(String from, String column, String to, String toColumn, boolean first,
                                           int limit) {
        String col = "f." + Identifiers.quote(column);
        return "SELECT DISTINCT " + col + " FROM " + Identifiers.quote(from) + " f WHERE " + col + " IS NOT NULL"
                + (first ? "" : " AND " + col + " > ?")
                + " AND NOT EXISTS (SELECT 1 FROM " + Identifiers.quote(to) + " t WHERE t." + Identifiers.quote(toColumn)
                + " = " + col + ") ORDER BY " + col + " LIMIT " + limit;
    }

    /** The next distinct values of {@code column} in {@code table} after a given value. */
    public static String distinctValues(String table, String column, boolean first, int limit) {
        String col = Identifiers.quote(column);
        return "SELECT DISTINCT " + col + " FROM " + Identifiers.quote(table) + " WHERE " + col + " IS NOT NULL"
                + (first ? "" : " AND " + col + " > ?") + " ORDER BY " + col + " LIMIT " + limit;
    }

    /** Rows of {@code a} whose key has no row in {@code b}. */
    public static String countMissing(TableShape shape, String a, String b) {
        return "SELECT COUNT(*) FROM " + Identifiers.quote(a) + " x WHERE NOT EXISTS (SELECT 1 FROM "
                + Identifiers.quote(b) + " y WHERE " + keyJoin(shape.keys()) + ")";
    }

    /** Rows with the same key in {@code a} and {@code b} whose contents differ. */
    public static String countChanged(TableShape shape, String a, String b) {
        return "SELECT COUNT(*) FROM " + Identifiers.quote(a) + " x JOIN " + Identifiers.quote(b) + " y ON "
                + keyJoin(shape.keys()) + " WHERE MD5(" + RowHashSql.encoding(shape.columns(), "x") + ") <> MD5("
                + RowHashSql.encoding(shape.columns(), "y") + ")";
    }

    /**
     * For tables without a key: rows of {@code a} and of {@code b} not matched by an identical row
     * of the other (a multiset difference), as two counts.
     */
    public static String multisetDifference(TableShape shape, String a, String b) {
        String hash = "MD5(" + RowHashSql.encoding(shape.columns(), "") + ")";
        return "SELECT COALESCE(SUM(GREATEST(c, 0)), 0), COALESCE(SUM(GREATEST(-c, 0)), 0) FROM (SELECT h, SUM(c) c FROM ("
                + "SELECT " + hash + " h, 1 c FROM " + Identifiers.quote(a) + " UNION ALL SELECT " + hash + " h, -1 c FROM "
                + Identifiers.quote(b) + ") u GROUP BY h) d";
    }

    private static String keyJoin(List<Column> keys) {
        return keys.stream().map(key -> "y." + Identifiers.quote(key.name()) + " = x." + Identifiers.quote(key.name()))
                .collect(Collectors.joining(" AND "));
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
