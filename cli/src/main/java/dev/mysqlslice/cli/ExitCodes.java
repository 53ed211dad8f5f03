package dev.mysqlslice.cli;

import dev.mysqlslice.error.Failure;
import dev.mysqlslice.error.MysqlsliceException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/** Every exit code of mysqlslice, and the one mapping from failures to them. */
public final class ExitCodes implements CommandLine.IExitCodeExceptionMapper {

    public static final int OK = 0;
    public static final int DIFFERENCES = 1;
    public static final int USAGE = 2;
    public static final int CONNECTION = 3;
    public static final int BINLOG = 4;
    public static final int SCHEMA = 5;
    public static final int ANOTHER_WRITER = 6;
    public static final int CRITICAL_LOAD = 7;
    public static final int INTERNAL = 70;
    public static final int INTERRUPTED = 130;
    public static final int TERMINATED = 143;

    /** The exit-code table shown in {@code --help} (and copied into the README). */
    public static final Map<String, String> HELP = helpTable();

    private static Map<String, String> helpTable() {
        Map<String, String> table = new LinkedHashMap<>();
        table.put(Integer.toString(OK), "Success; after sync/verify: every table is identical.");
        table.put(Integer.toString(DIFFERENCES), "sync/verify: some table still differs.");
        table.put(Integer.toString(USAGE), "Usage or config error (flag, config file, table list, target in the way).");
        table.put(Integer.toString(CONNECTION), "Cannot connect, login refused, a privilege is missing, or a server"
                + " stayed busy (lock waits, or a source statement over its time limit however small the piece);"
                + " running again may succeed.");
        table.put(Integer.toString(BINLOG), "The source binlog is unusable (off, not ROW, an event that cannot be"
                + " read past).");
        table.put(Integer.toString(SCHEMA), "Source and target table shapes differ, or a target table is missing.");
        table.put(Integer.toString(ANOTHER_WRITER), "Another writer: a daemon already holds this checkpoint, or"
                + " another session writes the target tables.");
        table.put(Integer.toString(CRITICAL_LOAD), "The source reached --critical-load (throttle.critical-load); the"
                + " command stopped between batches, the target is consistent, running again finishes the job.");
        table.put(Integer.toString(INTERNAL), "Internal error (a bug: please report it).");
        table.put(Integer.toString(INTERRUPTED), "Interrupted (Ctrl-C).");
        table.put(Integer.toString(TERMINATED), "Stopped by SIGTERM (one-shot commands; the daemon exits 0 after"
                + " writing its checkpoint).");
        return Collections.unmodifiableMap(table);
    }

    public static int of(Failure failure) {
        return switch (failure) {
            case CONFIG -> USAGE;
            case CONNECTION, PRIVILEGE, LOCKED, TIME_LIMIT -> CONNECTION;
            case ANOTHER_WRITER -> ANOTHER_WRITER;
            case CRITICAL_LOAD -> CRITICAL_LOAD;
            case BINLOG -> BINLOG;
            case SCHEMA -> SCHEMA;
            case INTERRUPTED -> INTERRUPTED;
            case INTERNAL -> INTERNAL;
        };
    }

    @Override
    public int getExitCode(Throwable exception) {
        if (exception instanceof MysqlsliceException known) {
            return of(known.failure());
        }
        if (exception instanceof CommandLine.ParameterException) {
            return USAGE;
        }
        return INTERNAL;
    }
}
