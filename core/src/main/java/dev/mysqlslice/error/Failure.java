package dev.mysqlslice.error;

/**
 * What kind of thing went wrong. The command line maps each kind to one exit code, so a script
 * can tell a typo in the config from an unreachable server.
 */
public enum Failure {
    /** The config file or a command-line flag is wrong. */
    CONFIG,
    /** A server cannot be reached or refuses the login. */
    CONNECTION,
    /** The login works but lacks a privilege the operation needs. */
    PRIVILEGE,
    /** The source's binlog cannot be used (disabled, not ROW, purged past the checkpoint). */
    BINLOG,
    /** Source and target tables do not have the same shape, or a target table is missing. */
    SCHEMA,
    /**
     * Someone else writes what mysqlslice writes: another daemon holds the checkpoint, or a target
     * row was written by another session (a duplicate key mysqlslice did not cause).
     */
    ANOTHER_WRITER,
    /** A lock wait timed out or a deadlock was chosen as victim: trying again can succeed. */
    LOCKED,
    /** The source reached the configured critical load ({@code --critical-load}); the command stopped. */
    CRITICAL_LOAD,
    /**
     * The source stopped a statement at the time limit mysqlslice gave it (a few times
     * {@code --chunk-time}); the work is retried in smaller pieces, so this reaches the user only
     * when even the smallest piece took too long.
     */
    TIME_LIMIT,
    /** The operation was interrupted (Ctrl-C, SIGTERM). */
    INTERRUPTED,
    /** A bug or an unexpected server answer. */
    INTERNAL;

    /** Whether the daemon retries an operation that failed this way (the condition passes by itself). */
    public boolean retriable() {
        return this == CONNECTION || this == LOCKED;
    }
}
