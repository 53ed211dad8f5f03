package dev.mysqlslice.daemon.binlog;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides which tracked tables a statement from a binlog QUERY event changes the shape or
 * contents of: ALTER, RENAME, TRUNCATE, DROP or CREATE TABLE naming them (qualified with the
 * source database, or unqualified in a session whose default database is it). It errs on the
 * side of a table: a false match only costs a whole-table comparison.
 */
public final class DdlDetector {

    private static final Pattern DDL = Pattern.compile(
            "^\\s*(?:/\\*.*?\\*/\\s*)*(ALTER|RENAME|TRUNCATE|DROP|CREATE)\\b.*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TABLE_WORD = Pattern.compile("\\bTABLES?\\b|^\\s*TRUNCATE\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern IDENTIFIER = Pattern.compile(
            "(`(?:[^`]|``)+`|[A-Za-z0-9_$]+)(?:\\s*\\.\\s*(`(?:[^`]|``)+`|[A-Za-z0-9_$]+))?");

    private DdlDetector() {
    }

    /** The tracked tables {@code sql} (run with default database {@code sessionDatabase}) names. */
    public static Set<String> tablesTouched(String sql, String sessionDatabase, String sourceDatabase, Set<String> tracked) {
        if (!DDL.matcher(sql).matches() || !TABLE_WORD.matcher(sql).find()) {
            return new LinkedHashSet<>();
        }
        return tablesNamed(sql, sessionDatabase, sourceDatabase, tracked);
    }

    /** The tracked tables any identifier of {@code sql} may stand for (string literals aside). */
    public static Set<String> tablesNamed(String sql, String sessionDatabase, String sourceDatabase, Set<String> tracked) {
        Set<String> named = new LinkedHashSet<>();
        Matcher identifiers = IDENTIFIER.matcher(stripStrings(sql));
        while (identifiers.find()) {
            String first = unquote(identifiers.group(1));
            String second = identifiers.group(2) == null ? null : unquote(identifiers.group(2));
            String database = second == null ? sessionDatabase : first;
            String table = second == null ? first : second;
            if (database != null && database.equalsIgnoreCase(sourceDatabase)) {
                tracked.stream().filter(name -> name.equalsIgnoreCase(table)).forEach(named::add);
            }
        }
        return named;
    }

    /** Whether {@code sql} may touch the source database: it is the session's, or some name is qualified with it. */
    public static boolean mayTouchDatabase(String sql, String sessionDatabase, String sourceDatabase) {
        if (sessionDatabase == null || sessionDatabase.isEmpty() || sessionDatabase.equalsIgnoreCase(sourceDatabase)) {
            return true;
        }
        Matcher identifiers = IDENTIFIER.matcher(stripStrings(sql));
        while (identifiers.find()) {
            if (identifiers.group(2) != null && unquote(identifiers.group(1)).equalsIgnoreCase(sourceDatabase)) {
                return true;
            }
        }
        return false;
    }

    private static String unquote(String identifier) {
        return identifier.startsWith("`") ? identifier.substring(1, identifier.length() - 1).replace("``", "`") : identifier;
    }

    /** Removes string literals so that values inside them are not taken for table names. */
    private static String stripStrings(String sql) {
        return sql.replaceAll("'(?:[^'\\\\]|\\\\.|'')*'", "''").replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
    }
}
