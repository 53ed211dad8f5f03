package dev.mysqlslice.daemon.binlog;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a statement in a binlog QUERY event is, as far as the daemon cares: the start or end of a
 * transaction, a savepoint inside one, a data change written as a statement (a session with
 * {@code binlog_format=STATEMENT} or MIXED: its rows are not in the binlog), or anything else
 * (DDL, grants, FLUSH, ...).
 */
public enum StatementKind {
    /** BEGIN, START TRANSACTION, XA START. */
    BEGIN,
    /** COMMIT, ROLLBACK, XA COMMIT, XA ROLLBACK, XA PREPARE: the end of the binlog's transaction group. */
    END,
    /** SAVEPOINT, ROLLBACK TO, RELEASE SAVEPOINT, XA END: inside a transaction, changes nothing. */
    INSIDE,
    /** INSERT, REPLACE, UPDATE, DELETE, LOAD DATA, and the statements that only reach the binlog when a function they call writes (SELECT, DO, CALL, WITH ...). */
    DATA_CHANGE,
    /** Everything else (DDL, account and server administration). */
    OTHER;

    private static final Pattern FIRST_WORDS = Pattern.compile(
            "^\\s*(?:/\\*.*?\\*/\\s*|#[^\\n]*\\n\\s*|--[^\\n]*\\n\\s*)*\\(*\\s*([A-Za-z]+)(?:\\s+([A-Za-z]+))?",
            Pattern.DOTALL);

    /** The kind of {@code sql}. */
    public static StatementKind of(String sql) {
        Matcher matcher = FIRST_WORDS.matcher(sql);
        if (!matcher.find()) {
            return OTHER;
        }
        String first = matcher.group(1).toUpperCase(Locale.ROOT);
        String second = matcher.group(2) == null ? "" : matcher.group(2).toUpperCase(Locale.ROOT);
        return switch (first) {
            case "BEGIN" -> second.equals("NOT") ? OTHER : BEGIN;
            case "START" -> second.equals("TRANSACTION") ? BEGIN : OTHER;
            case "COMMIT" -> END;
            case "ROLLBACK" -> second.equals("TO") ? INSIDE : END;
            case "SAVEPOINT", "RELEASE" -> INSIDE;
            case "XA" -> switch (second) {
                case "START", "BEGIN" -> BEGIN;
                case "END" -> INSIDE;
                case "COMMIT", "ROLLBACK", "PREPARE" -> END;
                default -> OTHER;
            };
            case "INSERT", "REPLACE", "UPDATE", "DELETE", "LOAD", "SELECT", "DO", "CALL", "WITH", "EXECUTE", "HANDLER" ->
                    DATA_CHANGE;
            default -> OTHER;
        };
    }

    /** Whether the tables a data change writes can be told from its text (no functions or procedures in between). */
    public static boolean namesWhatItWrites(String sql) {
        Matcher matcher = FIRST_WORDS.matcher(sql);
        if (!matcher.find()) {
            return false;
        }
        String first = matcher.group(1).toUpperCase(Locale.ROOT);
        return switch (first) {
            case "INSERT", "REPLACE", "UPDATE", "DELETE", "LOAD" -> true;
            default -> false;
        };
    }
}
