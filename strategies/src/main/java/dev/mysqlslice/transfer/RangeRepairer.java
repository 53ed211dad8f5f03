package dev.mysqlslice.transfer;

import dev.mysqlslice.hash.RowDiff;
import dev.mysqlslice.jdbc.KeyCodec;
import dev.mysqlslice.jdbc.Session;
import dev.mysqlslice.jdbc.SqlErrors;
import dev.mysqlslice.model.Key;
import dev.mysqlslice.model.KeyType;
import dev.mysqlslice.model.TableCounters;
import dev.mysqlslice.model.TableShape;
import dev.mysqlslice.sql.CopySql;
import dev.mysqlslice.sql.KeySql;
import dev.mysqlslice.sql.SqlFragment;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import javax.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a {@link RowDiff} to the target: for each group of keys, reads the source rows, and in
 * one target transaction deletes the target rows being replaced or removed and inserts the
 * source rows. Only rows that actually differ are read and written.
 */
public final class RangeRepairer {

    /** Keys per source read and per target transaction. */
    static final int KEYS_PER_TRANSACTION = 5000;
    /** The most TSV bytes held before they are loaded (rows may be large; memory stays bounded). */
    static final int LOAD_CHUNK_BYTES = 8 * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(RangeRepairer.class);

    /**
     * What a repair did.
     *
     * @param collateral rows of other keys that REPLACE removed because they collided on a secondary
     *                   unique key; when not zero, already compared ranges must be compared again
     */
    public record Result(long inserted, long updated, long deleted, long collateral) {
    }

    @Inject
    public RangeRepairer() {
    }

    /**
     * Repairs the target rows of {@code diff}.
     *
     * @param localInfile whether the target accepts LOAD DATA LOCAL (much cheaper than INSERTs for many rows)
     */
    public Result repair(Session source, Optional<String> sourceFilter, Session target, TableShape shape, RowDiff diff,
                         TableCounters counters, boolean localInfile) {
        List<Key> copy = diff.keysToCopy();
        Set<Key> updates = new HashSet<>(diff.updates());
        List<KeyType> keyTypes = KeyCodec.types(shape.keys());
        long inserted = 0;
        long updated = 0;
        long deleted = 0;
        long collateral = 0;
        for (List<Key> group : groups(diff.deletes())) {
            deleted += delete(target, shape, group);
        }
        for (List<Key> group : groups(copy)) {
            List<Key> replaced = group.stream().filter(updates::contains).toList();
            Set<Key> fetched = new HashSet<>();
            long collateralOfGroup = target.inTransaction(connection -> write(connection, source, sourceFilter, shape,
                    group, replaced, fetched, counters, localInfile), "repairing rows of " + shape.name());
            // A row may have left the source since it was listed: then its target row is only deleted.
            long replacedAndFetched = replaced.stream().filter(fetched::contains).count();
            updated += replacedAndFetched;
            deleted += replaced.size() - replacedAndFetched;
            inserted += fetched.size() - replacedAndFetched;
            collateral += collateralOfGroup;
        }
        counters.applied(inserted, updated, deleted);
        return new Result(inserted, updated, deleted, collateral);
    }

    private long delete(Session target, TableShape shape, List<Key> keys) {
        SqlFragment delete = CopySql.delete(shape, KeySql.in(shape.keys(), keys));
        return target.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(delete.sql())) {
                delete.bind(statement, 1);
                return (long) statement.executeUpdate();
            }
        }, "deleting rows of " + shape.name());
    }

    /**
     * In one target transaction: removes the rows being replaced, then streams the group's source
     * rows into batched INSERTs (memory stays bounded whatever the row size). Records the keys
     * found on the source in {@code fetched}; returns the rows of other keys a REPLACE removed.
     */
    private long write(Connection connection, Session source, Optional<String> sourceFilter, TableShape shape,
                       List<Key> group, List<Key> replaced, Set<Key> fetched, TableCounters counters,
                       boolean localInfile) throws SQLException {
        if (!replaced.isEmpty()) {
            SqlFragment delete = CopySql.delete(shape, KeySql.in(shape.keys(), replaced));
            try (PreparedStatement statement = connection.prepareStatement(delete.sql())) {
                delete.bind(statement, 1);
                statement.executeUpdate();
            }
        }
        List<KeyType> keyTypes = KeyCodec.types(shape.keys());
        if (localInfile) {
            // LOAD DATA ... REPLACE: rows holding a written row's unique value are displaced and counted.
            return load(connection, source, sourceFilter, shape, group, fetched, counters);
        }
        java.sql.Savepoint beforeInsert = connection.setSavepoint();
        try {
            TargetWarnings.withMode(connection, shape, () -> {
                insert(connection, source, sourceFilter, shape, group, fetched, counters);
                return null;
            });
            return 0;
        } catch (SQLException | TargetWriteException failure) {
            SQLException e = failure instanceof TargetWriteException wrapped ? wrapped.cause : (SQLException) failure;
            if (!isDuplicateKey(e)) {
                throw e;
            }
            connection.rollback(beforeInsert);
            fetched.clear();
            long[] collateral = {0};
            try (PreparedStatement statement = connection.prepareStatement(CopySql.replace(shape))) {
                TargetWarnings.withMode(connection, shape, () -> {
                    stream(source, sourceFilter, shape, group, new TableCounters(), row -> {
                        fetched.add(row.key(keyTypes));
                        BulkWriter.bindRow(statement, row);
                        collateral[0] += statement.executeUpdate() - 1;
                        TargetWarnings.check(statement, shape, shape.name());
                    });
                    return null;
                });
            } catch (TargetWriteException wrapped) {
                throw wrapped.cause;
            }
            LOG.debug("{}: REPLACE removed {} colliding rows of other keys", shape.name(), collateral[0]);
            return collateral[0];
        }
    }

    private void insert(Connection connection, Session source, Optional<String> sourceFilter, TableShape shape,
                        List<Key> group, Set<Key> fetched, TableCounters counters) throws SQLException {
        List<KeyType> keyTypes = KeyCodec.types(shape.keys());
        boolean rowByRow = TargetWarnings.lenient(shape);
        try (PreparedStatement statement = connection.prepareStatement(CopySql.insert(shape))) {
            BulkWriter.Batch batch = new BulkWriter.Batch(statement);
            stream(source, sourceFilter, shape, group, counters, row -> {
                fetched.add(row.key(keyTypes));
                if (rowByRow) {
                    // Every statement's warnings are checked (see TargetWarnings).
                    BulkWriter.bindRow(statement, row);
                    statement.executeUpdate();
                    TargetWarnings.check(statement, shape, shape.name());
                } else {
                    batch.add(row);
                }
            });
            batch.flush();
        }
    }

    /**
     * Like {@link #insert}, as LOAD DATA (REPLACE) of TSV chunks of at most {@value #LOAD_CHUNK_BYTES}
     * bytes; returns the target rows of other keys the written rows displaced.
     */
    private long load(Connection connection, Session source, Optional<String> sourceFilter, TableShape shape,
                      List<Key> group, Set<Key> fetched, TableCounters counters) throws SQLException {
        List<KeyType> keyTypes = KeyCodec.types(shape.keys());
        TsvEncoder encoder = new TsvEncoder(64 * 1024);
        long[] rows = {0};
        long[] displaced = {0};
        try {
            stream(source, sourceFilter, shape, group, counters, row -> {
                fetched.add(row.key(keyTypes));
                encoder.encode(row);
                rows[0]++;
                if (encoder.length() >= LOAD_CHUNK_BYTES) {
                    displaced[0] += loadChunk(connection, shape, encoder, rows);
                }
            });
        } catch (TargetWriteException wrapped) {
            throw wrapped.cause;
        }
        if (rows[0] > 0) {
            displaced[0] += loadChunk(connection, shape, encoder, rows);
        }
        return displaced[0];
    }

    private static long loadChunk(Connection connection, TableShape shape, TsvEncoder encoder, long[] rows)
            throws SQLException {
        long sent = rows[0];
        Written written = BulkWriter.loadInto(connection, shape, shape.name(),
                new java.io.ByteArrayInputStream(encoder.buffer(), 0, encoder.length()), () -> sent, () -> null);
        encoder.reset(64 * 1024);
        rows[0] = 0;
        return written.displaced();
    }

    /** Handles one source row inside a target transaction. */
    @FunctionalInterface
    private interface RowHandler {
        void handle(RawRow row) throws SQLException;
    }

    /** Carries a target error through the source's row stream, which would otherwise take it for its own. */
    private static final class TargetWriteException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient SQLException cause;

        TargetWriteException(SQLException cause) {
            super(cause);
            this.cause = cause;
        }
    }

    /** Streams the source rows of {@code keys} to {@code handler}, one at a time. */
    private void stream(Session source, Optional<String> sourceFilter, TableShape shape, List<Key> keys,
                        TableCounters counters, RowHandler handler) {
        SqlFragment where = KeySql.in(shape.keys(), keys).and(SqlFragment.filter(sourceFilter));
        SqlFragment select = CopySql.select(shape, where, 0);
        List<KeyType> keyTypes = KeyCodec.types(shape.keys());
        int stored = shape.storedColumns().size();
        source.stream(select.sql(), statement -> select.bind(statement, 1), result -> {
            RowCursor cursor = new RowCursor(result, stored, keyTypes);
            RawRow row;
            while ((row = cursor.next()) != null) {
                try {
                    handler.handle(row);
                } catch (SQLException e) {
                    throw new TargetWriteException(e);
                }
            }
            counters.rowsRead(cursor.count(), cursor.bytes());
        }, "reading changed rows of " + shape.name());
    }

    private static boolean isDuplicateKey(SQLException e) {
        return BulkWriter.isDuplicateKey(e);
    }

    private static List<List<Key>> groups(List<Key> keys) {
        List<List<Key>> groups = new ArrayList<>();
        for (int i = 0; i < keys.size(); i += KEYS_PER_TRANSACTION) {
            groups.add(keys.subList(i, Math.min(keys.size(), i + KEYS_PER_TRANSACTION)));
        }
        return groups;
    }
}
