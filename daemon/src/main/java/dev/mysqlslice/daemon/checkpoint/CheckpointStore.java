package dev.mysqlslice.daemon.checkpoint;

import dev.mysqlslice.daemon.binlog.BinlogPosition;
import dev.mysqlslice.daemon.binlog.SourceIdentity;
import dev.mysqlslice.jdbc.Session;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.inject.Inject;

/**
 * Keeps checkpoints in a small table of mysqlslice's own in the target database,
 * {@value #TABLE}, one row per checkpoint name; every write is one statement, so a crash leaves
 * either the old or the new checkpoint.
 */
public final class CheckpointStore {

    public static final String TABLE = "mysqlslice_checkpoint";

    static final String CREATE = "CREATE TABLE IF NOT EXISTS `" + TABLE + "` ("
            + "name VARCHAR(64) NOT NULL PRIMARY KEY,"
            + " source_server_id BIGINT UNSIGNED NOT NULL,"
            + " source_uuid VARCHAR(64) NULL,"
            + " binlog_file VARCHAR(255) NOT NULL,"
            + " binlog_position BIGINT UNSIGNED NOT NULL,"
            + " gtids TEXT NULL,"
            + " pending LONGTEXT NULL,"
            + " status TEXT NULL,"
            + " coverage LONGTEXT NULL,"
            + " updated_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)"
            + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='mysqlslice daemon checkpoints; do not edit'";
    /** Checkpoint tables of 0.1 lack the coverage column; it is added on first use. */
    static final String HAS_COVERAGE = "SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
            + " AND TABLE_NAME = '" + TABLE + "' AND COLUMN_NAME = 'coverage'";
    static final String ADD_COVERAGE = "ALTER TABLE `" + TABLE + "` ADD COLUMN coverage LONGTEXT NULL AFTER status";
    /** Values are bound twice rather than read back with VALUES(), which MySQL 8.0.20+ deprecates. */
    static final String UPSERT = "INSERT INTO `" + TABLE + "` (name, source_server_id, source_uuid, binlog_file,"
            + " binlog_position, gtids, pending, status, coverage, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP(3))"
            + " ON DUPLICATE KEY UPDATE source_server_id = ?, source_uuid = ?, binlog_file = ?, binlog_position = ?,"
            + " gtids = ?, pending = ?, status = ?, coverage = ?, updated_at = CURRENT_TIMESTAMP(3)";
    static final String SELECT = "SELECT source_server_id, source_uuid, binlog_file, binlog_position, gtids, pending,"
            + " status, updated_at, coverage FROM `" + TABLE + "` WHERE name = ?";

    @Inject
    public CheckpointStore() {
    }

    /** Creates the checkpoint table when it does not exist yet. */
    public void prepare(Session target) {
        target.execute(CREATE, "creating the checkpoint table " + TABLE);
        boolean current = target.queryOne(HAS_COVERAGE, Session.Binder.NONE, row -> row.getInt(1) > 0,
                "checking the checkpoint table's columns").orElse(false);
        if (!current) {
            target.execute(ADD_COVERAGE, "adding the coverage column to the checkpoint table " + TABLE);
        }
    }

    /** The checkpoint called {@code name}, if the table and the row exist. */
    public Optional<Checkpoint> load(Session target, String name) {
        boolean exists = target.queryOne("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
                + " AND TABLE_NAME = ?", statement -> statement.setString(1, TABLE), row -> row.getInt(1) > 0,
                "looking for the checkpoint table").orElse(false);
        if (!exists) {
            return Optional.empty();
        }
        return target.queryOne(SELECT, statement -> statement.setString(1, name), row -> {
            SourceIdentity identity = new SourceIdentity(row.getLong(1), Optional.ofNullable(row.getString(2)));
            BinlogPosition position = new BinlogPosition(row.getString(3), row.getLong(4), Optional.ofNullable(row.getString(5)));
            Timestamp updated = row.getTimestamp(8);
            return new Checkpoint(name, identity, position, PendingCodec.readCoverage(row.getString(9)),
                    PendingCodec.read(row.getString(6)), PendingCodec.readStatus(row.getString(7)),
                    updated == null ? Instant.EPOCH : updated.toInstant());
        }, "reading checkpoint " + name);
    }

    public void save(Session target, Checkpoint checkpoint) {
        String pending = PendingCodec.write(checkpoint.pending());
        String status = PendingCodec.writeStatus(checkpoint.status());
        String coverage = PendingCodec.writeCoverage(checkpoint.coverage());
        target.update(UPSERT, statement -> {
            statement.setString(1, checkpoint.name());
            for (int offset : new int[] {1, 9}) {
                statement.setLong(offset + 1, checkpoint.identity().serverId());
                statement.setString(offset + 2, checkpoint.identity().serverUuid().orElse(null));
                statement.setString(offset + 3, checkpoint.position().file());
                statement.setLong(offset + 4, checkpoint.position().position());
                statement.setString(offset + 5, checkpoint.position().gtids().orElse(null));
                statement.setString(offset + 6, pending);
                statement.setString(offset + 7, status);
                statement.setString(offset + 8, coverage);
            }
        }, "writing checkpoint " + checkpoint.name());
    }
}
