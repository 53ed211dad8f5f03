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
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what the daemon needs to know about the source's binlog: whether it can be followed at
 * all (each failure says the setting and the fix), where it ends now, which server wrote it, and
 * whether a stored position is still there.
 */
public final class BinlogInspector {

    private static final Logger LOG = LoggerFactory.getLogger(BinlogInspector.class);

    @Inject
    public BinlogInspector() {
    }

    public boolean isMariadb(Session source) {
        return source.dialect().isMariadb();
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
                if (!isMariadb(source) && tagged(source)) {
                    throw binlog("daemon.position is gtid but the source's GTID set holds tagged GTIDs (MySQL 8.3+), which"
                            + " the binlog library cannot read; set daemon.position: file (or auto)");
                }
                yield true;
            }
            case AUTO -> isMariadb(source) || gtidModeOn(source) && !tagged(source);
        };
    }

    /**
     * Whether the source's GTIDs are tagged (MySQL 8.3+), which the binlog library cannot parse:
     * the daemon then follows by file and position, and says so.
     */
    private boolean tagged(Session source) {
        boolean tagged = status(source).gtids().map(Gtids::hasTags).orElse(false);
        if (tagged) {
            LOG.warn("the source's GTID set holds tagged GTIDs (MySQL 8.3+), which the binlog library cannot read; following"
                    + " the binlog by file and position instead (a failover then needs one full sync)");
        }
        return tagged;
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
        if (gtid && position.gtids().isPresent()) {
            // GTIDs survive a failover: another server that holds them continues where this one left off.
            return isMariadb(source) ? Availability.YES : mysqlGtidAvailability(source, position.gtids().get());
        }
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
        return Availability.YES;
    }

    /**
     * A MySQL checkpoint by GTID can be continued on any server (after a failover too) that has
     * executed every transaction of it and purged none after it. (MariaDB answers the same
     * question when the stream starts: a GTID it lacks ends the stream with error 1236, which
     * the daemon treats as a lost position.)
     */
    private Availability mysqlGtidAvailability(Session source, String gtids) {
        boolean executed = source.queryOne("SELECT GTID_SUBSET(?, @@GLOBAL.gtid_executed)",
                statement -> statement.setString(1, gtids), row -> row.getInt(1) == 1,
                "checking the checkpoint's GTIDs").orElse(false);
        if (!executed) {
            return Availability.no("the source has not executed every transaction of the checkpoint's GTID set (it is"
                    + " behind the server the checkpoint was written on, or not of its replication topology)");
        }
        boolean kept = source.queryOne("SELECT GTID_SUBSET(@@GLOBAL.gtid_purged, ?)",
                statement -> statement.setString(1, gtids), row -> row.getInt(1) == 1,
                "checking purged GTIDs").orElse(false);
        if (!kept) {
            return Availability.no("transactions after the checkpoint's GTID set were purged from the source");
        }
        return Availability.YES;
    }

    private BinlogPosition status(Session source) {
        List<BinlogPosition> rows = new ArrayList<>();
        String statement = source.dialect().binlogStatus();
        try {
            source.query(statement, row -> rows.add(position(row)), "reading the binlog position");
        } catch (MysqlsliceException e) {
            throw privilegeOrRethrow(e);
        }
        if (rows.isEmpty()) {
            throw binlog("the source reports no binlog position (" + statement + " is empty): its binlog is off;"
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
