package dev.mysqlslice.dialect;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server a session talks to, MySQL or MariaDB and its version, and every statement or name
 * that differs between them. Everything else mysqlslice sends is SQL both run. Each method is
 * pure and tested against exact strings per flavor.
 *
 * @param flavor which server
 * @param major  version, e.g. 8 of 8.4.3
 * @param minor  e.g. 4
 * @param patch  e.g. 3
 */
public record Dialect(Flavor flavor, int major, int minor, int patch) {

    /** MySQL or MariaDB. */
    public enum Flavor {
        MYSQL, MARIADB
    }

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");

    /**
     * The dialect of a server from its version text: {@code VERSION()}, or the handshake's (which
     * MariaDB prefixes with "5.5.5-" for old clients).
     */
    public static Dialect of(String versionText) {
        String text = versionText == null ? "" : versionText;
        boolean mariadb = text.toLowerCase(Locale.ROOT).contains("mariadb");
        String numbers = mariadb && text.startsWith("5.5.5-") ? text.substring("5.5.5-".length()) : text;
        Matcher matcher = VERSION.matcher(numbers);
        if (!matcher.find()) {
            return new Dialect(mariadb ? Flavor.MARIADB : Flavor.MYSQL, 0, 0, 0);
        }
        return new Dialect(mariadb ? Flavor.MARIADB : Flavor.MYSQL, Integer.parseInt(matcher.group(1)),
                Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3)));
    }

    public boolean isMariadb() {
        return flavor == Flavor.MARIADB;
    }

    /** Whether the version is at least {@code major.minor.patch}. */
    public boolean atLeast(int wantMajor, int wantMinor, int wantPatch) {
        if (major != wantMajor) {
            return major > wantMajor;
        }
        if (minor != wantMinor) {
            return minor > wantMinor;
        }
        return patch >= wantPatch;
    }

    /** The statement that shows the binlog's current file and position (MySQL 8.2 renamed it; 8.4 removed the old name). */
    public String binlogStatus() {
        return !isMariadb() && atLeast(8, 2, 0) ? "SHOW BINARY LOG STATUS" : "SHOW MASTER STATUS";
    }

    /** The statement that shows a replica's state (MySQL 8.0.22 renamed it; MariaDB keeps the old name too). */
    public String replicaStatus() {
        return !isMariadb() && atLeast(8, 0, 22) ? "SHOW REPLICA STATUS" : "SHOW SLAVE STATUS";
    }

    /**
     * Session settings of this flavor, appended to the common {@code SET SESSION} list: MySQL 8
     * caches information_schema table statistics for a day unless told not to.
     */
    public Optional<String> sessionSettings() {
        return !isMariadb() && atLeast(8, 0, 3) ? Optional.of("information_schema_stats_expiry = 0") : Optional.empty();
    }

    /**
     * The session variable holding the transaction isolation level: MySQL's
     * {@code transaction_isolation} (5.7.20+; 8.0 removed {@code tx_isolation}), MariaDB's
     * {@code tx_isolation} (11.1 added {@code transaction_isolation} and keeps the old name as an alias).
     */
    public String isolationVariable() {
        boolean newName = isMariadb() ? atLeast(11, 1, 0) : atLeast(5, 7, 20);
        return newName ? "transaction_isolation" : "tx_isolation";
    }

    /** The privilege that lets an account read binlog positions, as this flavor names it in grants. */
    public String binlogMonitorPrivilege() {
        return isMariadb() && atLeast(10, 5, 2) ? "BINLOG MONITOR" : "REPLICATION CLIENT";
    }

    /**
     * {@code select} with a time limit after which the server stops it with an error
     * ({@link dev.mysqlslice.jdbc.SqlErrors#isTimeLimit}): MariaDB's {@code SET STATEMENT
     * max_statement_time = <seconds> FOR}, MySQL's optimizer hint {@code MAX_EXECUTION_TIME(<ms>)}
     * (MySQL 5.7.8+, top-level SELECT only). The limit is rounded up to whole milliseconds.
     */
    public String limited(String select, Duration limit) {
        if (!select.startsWith("SELECT ")) {
            throw new IllegalArgumentException("only a SELECT can carry a time limit: " + select);
        }
        long millis = Math.max(1, (limit.toNanos() + 999_999) / 1_000_000);
        if (isMariadb()) {
            return "SET STATEMENT max_statement_time = " + BigDecimal.valueOf(millis, 3).toPlainString()
                    + " FOR " + select;
        }
        return "SELECT /*+ MAX_EXECUTION_TIME(" + millis + ") */ " + select.substring("SELECT ".length());
    }

    /** Whether the server has a server_uuid (MySQL) that identifies it across file/position resets. */
    public boolean hasServerUuid() {
        return !isMariadb();
    }

    /**
     * The collation of this (target) flavor that sorts and compares exactly like {@code collation}
     * does on a source of the other flavor: the same name where both have it (both accept the utf8
     * and utf8mb3 spellings), MySQL's utf8mb4_0900_bin and MariaDB's utf8mb4_nopad_bin for each
     * other (both binary, NO PAD). Empty when this flavor has no exact equivalent: MySQL's other
     * _0900_ collations (UCA 9.0) on MariaDB, MariaDB's _nopad_ and uca1400 ones on MySQL.
     */
    public Optional<String> equivalentCollation(String collation) {
        String name = collation.toLowerCase(Locale.ROOT);
        if (isMariadb()) {
            if (name.equals("utf8mb4_0900_bin")) {
                return Optional.of("utf8mb4_nopad_bin");
            }
            return name.contains("_0900_") ? Optional.empty() : Optional.of(name);
        }
        if (name.equals("utf8mb4_nopad_bin")) {
            return Optional.of("utf8mb4_0900_bin");
        }
        return name.contains("_nopad_") || name.contains("uca1400") ? Optional.empty() : Optional.of(name);
    }

    @Override
    public String toString() {
        return (isMariadb() ? "MariaDB " : "MySQL ") + major + "." + minor + "." + patch;
    }
}
