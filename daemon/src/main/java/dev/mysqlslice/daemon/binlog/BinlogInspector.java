package dev.mysqlslice.daemon.binlog;

import dev.mysqlslice.config.DaemonSettings;
import dev.mysqlslice.error.Failure;
import dev.mysqlslice.error.MysqlsliceException;
import dev.mysqlslice.jdbc.Session;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;

/**
 * Reads what the daemon needs to know about the source's binlog: whether it can be followed at
 * all (each failure says the setting and the fix), where it ends now, which server wrote it, and
 * whether a stored position is still there.
 */
public final class BinlogInspector {

    @Inject
    public BinlogInspector() {
    }

    public boolean isMariadb(Session source) {
        return source.queryText("SELECT VERSION()", "reading the source version").orElse("")
                .toLowerCase(Locale.ROOT).contains("mariadb");
    }

    /** Checks that the binlog is on and in ROW format, and that the account may read positions. */
    public void checkPrerequisites(Session source) {
        Map<String, String> variables = variables(source);
        if (!"1".equals(variables.get("log_bin")) && !"ON".equalsIgnoreCase(variables.get("log_bin"))) {
            throw binlog("the source does not write a binlog (log_bin=OFF); start it with log-bin and"
                    + " binlog-format=ROW in its config and restart it");
        }
        String format = variables.getOrDefault("binlog_format", "");
        if (!"ROW".equalsIgnoreCase(format)) {
            throw binlog("the source's binlog_format is " + format + "; the daemon needs ROW. Set binlog_format=ROW in"
                    + " the source config (and SET GLOBAL binlog_format = 'ROW'), then restart the writers");
        }
        currentPosition(source);
    }

    /** The end of the binlog now, with the GTID position when the source has one. */
    public BinlogPosition currentPosition(Session source) {
        BinlogPosition position = status(source);
        if (isMariadb(source)) {
            Optional<String> gtid = source.queryOne("SELECT BINLOG_GTID_POS(?, ?)", statement -> {
                statement.setString(1, position.file());
                statement.setLong(2, position.position());
            }, row -> row.getString(1), "reading the source's GTID position");
            return position.withGtids(gtid.orElse(null));
        }
        return position;
    }

    /** Whether positions are kept as GTIDs for this source under the configured mode. */
    public boolean useGtid(Session source, DaemonSettings.PositionMode mode) {
        return switch (mode) {
            case FILE -> false;
            case GTID -> {
                if (!isMariadb(source) && !gtidModeOn(source)) {
                    throw binlog("daemon.position is gtid but the source has gtid_mode=OFF; turn GTIDs on"
                            + " (gtid_mode=ON, enforce_gtid_consistency=ON) or set daemon.position: file");
                }
                yield true;
            }
            case AUTO -> isMariadb(source) || gtidModeOn(source);
        };
    }

    public SourceIdentity identity(Session source) {
        long serverId = source.queryOne("SELECT @@server_id", Session.Binder.NONE, row -> row.getLong(1),
                "reading the source's server_id").orElse(0L);
        Optional<String> uuid = isMariadb(source) ? Optional.empty()
                : source.queryText("SELECT @@server_uuid", "reading the source's server_uuid");
        return new SourceIdentity(serverId, uuid);
    }

    /** The binlog files on the source, oldest first, with their sizes. */
    public Map<String, Long> binaryLogs(Session source) {
        Map<String, Long> logs = new LinkedHashMap<>();
        try {
            source.query("SHOW BINARY LOGS", row -> logs.put(row.getString(1), row.getLong(2)), "listing binlog files");
        } catch (MysqlsliceException e) {
            throw privilegeOrRethrow(e);
        }
        return logs;
    }

    /** Whether {@code position}, written by {@code identity}, can still be read from the source. */
    public Availability availability(Session source, SourceIdentity identity, BinlogPosition position, boolean gtid) {
        SourceIdentity now = identity(source);
        if (!now.equals(identity)) {
            return Availability.no("the source server changed (the checkpoint was written for " + identity
                    + ", the source is now " + now + ")");
        }
        Map<String, Long> logs = binaryLogs(source);
        if (!logs.containsKey(position.file())) {
            String oldest = logs.keySet().stream().findFirst().orElse("none");
            return Availability.no("binlog file " + position.file() + " of the checkpoint was purged from the source"
                    + " (its oldest binlog is " + oldest + ")");
        }
        BinlogPosition end = status(source);
        if (position.file().equals(end.file()) ? position.position() > end.position()
                : position.position() > logs.get(position.file())) {
            return Availability.no("the checkpoint's position " + position + " is beyond the end of the source's binlog ("
                    + end + ")");
        }
        if (gtid && !isMariadb(source) && position.gtids().isPresent()) {
            boolean kept = source.queryOne("SELECT GTID_SUBSET(@@GLOBAL.gtid_purged, ?)",
                    statement -> statement.setString(1, position.gtids().get()), row -> row.getInt(1) == 1,
                    "checking purged GTIDs").orElse(false);
            if (!kept) {
                return Availability.no("transactions after the checkpoint's GTID set were purged from the source");
            }
        }
        return Availability.YES;
    }

    private BinlogPosition status(Session source) {
        List<BinlogPosition> rows = new ArrayList<>();
        try {
            try {
                source.query("SHOW MASTER STATUS", row -> rows.add(position(row)), "reading the binlog position");
            } catch (MysqlsliceException e) {
                if (!(e.getCause() instanceof SQLException sql && sql.getErrorCode() == 1064)) {
                    throw e;
                }
                // MySQL 8.4 renamed the statement.
                source.query("SHOW BINARY LOG STATUS", row -> rows.add(position(row)), "reading the binlog position");
            }
        } catch (MysqlsliceException e) {
            throw privilegeOrRethrow(e);
        }
        if (rows.isEmpty()) {
            throw binlog("the source reports no binlog position (SHOW MASTER STATUS is empty): its binlog is off;"
                    + " start it with log-bin and binlog-format=ROW");
        }
        return rows.get(0);
    }

    private static BinlogPosition position(ResultSet row) throws SQLException {
        BinlogPosition position = BinlogPosition.of(row.getString(1), row.getLong(2));
        if (row.getMetaData().getColumnCount() >= 5) {
            position = position.withGtids(row.getString(5) == null ? null : row.getString(5).replace("\n", ""));
        }
        return position;
    }

    private static Map<String, String> variables(Session source) {
        Map<String, String> variables = new LinkedHashMap<>();
        source.query("SELECT 'log_bin', @@GLOBAL.log_bin UNION ALL SELECT 'binlog_format', @@GLOBAL.binlog_format"
                        + " UNION ALL SELECT 'binlog_row_image', @@GLOBAL.binlog_row_image",
                row -> variables.put(row.getString(1), row.getString(2)), "reading the source's binlog settings");
        return variables;
    }

    private static boolean gtidModeOn(Session source) {
        try {
            return source.queryText("SELECT @@GLOBAL.gtid_mode", "reading gtid_mode").map("ON"::equalsIgnoreCase)
                    .orElse(false);
        } catch (MysqlsliceException e) {
            return false;
        }
    }

    private static MysqlsliceException privilegeOrRethrow(MysqlsliceException e) {
        if (e.failure() == Failure.PRIVILEGE) {
            return binlog("the source user may not read binlog positions: " + e.getMessage() + "; GRANT REPLICATION"
                    + " CLIENT, REPLICATION SLAVE ON *.* (MariaDB: BINLOG MONITOR, REPLICATION SLAVE) to it");
        }
        return e;
    }

    static MysqlsliceException binlog(String message) {
        return new MysqlsliceException(Failure.BINLOG, message);
    }
}
