package dev.mysqlslice.jdbc;

import dev.mysqlslice.config.Role;
import dev.mysqlslice.dialect.Dialect;

/**
 * The session settings that make reading, hashing and writing exact, in one place:
 * UTC session time zone (TIMESTAMP text does not depend on the server's zone and has no DST
 * fold), a sql_mode that keeps explicit zero keys and zero dates and turns truncation into an
 * error, no foreign-key checks on the target (schema pull strips them anyway), and the source's
 * READ COMMITTED isolation. All in the one {@code SET} sent after connecting: each statement is a
 * round trip, which over a remote link costs more than the statement.
 */
public final class SessionSettings {

    /** The sql_mode of every mysqlslice session. */
    public static final String SQL_MODE = "NO_AUTO_VALUE_ON_ZERO,STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION";
    /**
     * The target's: also ALLOW_INVALID_DATES, so that a date the source holds (written there under
     * that mode) is copied as it is rather than refused.
     */
    public static final String TARGET_SQL_MODE = SQL_MODE + ",ALLOW_INVALID_DATES";
    /**
     * The target's without strictness, for tables whose ENUM columns may hold the error value ''
     * (which a strict session refuses to write); warnings are then checked instead.
     */
    public static final String LENIENT_SQL_MODE = "NO_AUTO_VALUE_ON_ZERO,NO_ENGINE_SUBSTITUTION,ALLOW_INVALID_DATES";

    /** How long a locking read on the source waits for a row lock. */
    public static final int SOURCE_LOCK_WAIT_SECONDS = 1;

    /**
     * How long the server waits for the client to take more of a result: long enough for a
     * streamed result whose reader is writing each batch to the target. Connector/J would otherwise
     * set it before and after every streamed statement (two more round trips each), so the driver
     * is told not to ({@code netTimeoutForStreamingResults=0}) and the session holds it instead.
     */
    public static final int NET_WRITE_TIMEOUT_SECONDS = 600;

    private SessionSettings() {
    }

    /**
     * The SET statement run right after connecting to a server of {@code dialect}; the source's
     * also sets READ COMMITTED (record locks only, never gap locks, for the daemon's momentary
     * visibility barrier) under the flavor's name for the variable.
     */
    public static String initStatement(Role role, Dialect dialect) {
        return initStatement(role)
                + (role == Role.SOURCE ? ", " + dialect.isolationVariable() + " = 'READ-COMMITTED'" : "")
                + dialect.sessionSettings().map(setting -> ", " + setting).orElse("");
    }

    /** The SET statement common to both flavors. */
    public static String initStatement(Role role) {
        String common = "SET SESSION net_write_timeout = " + NET_WRITE_TIMEOUT_SECONDS + ", time_zone = '+00:00', sql_mode = '";
        // The source is only read without locks, except the daemon's visibility reads, whose lock waits
        // are bounded: a row an open transaction holds delays its own table by a second, not every table.
        return role == Role.TARGET ? common + TARGET_SQL_MODE + "', foreign_key_checks = 0"
                : common + SQL_MODE + "', innodb_lock_wait_timeout = " + SOURCE_LOCK_WAIT_SECONDS;
    }
}
