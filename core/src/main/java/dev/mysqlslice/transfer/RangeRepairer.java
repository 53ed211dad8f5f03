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
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
     * @param writes      how rows are written to the target (LOAD DATA when it accepts it)
     */
    public Result repair(Session source, Optional<String> sourceFilter, Session target, TableShape shape, RowDiff diff,
                         TableCounters counters, WriteMethod writes) {
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
        for (List<Key> keys : groups(copy)) {
            List<Key> replaced = keys.stream().filter(updates::contains).toList();
            Group group = new Group(source, sourceFilter, shape, keys, counters);
            GroupWrite written = target.inTransaction(connection -> write(connection, group, replaced, writes),
                    "repairing rows of " + shape.name());
            // A row may have left the source since it was listed: then its target row is only deleted.
            long replacedAndFetched = replaced.stream().filter(written.fetched()::contains).count();
            updated += replacedAndFetched;
            deleted += replaced.size() - replacedAndFetched;
            inserted += written.fetched().size() - replacedAndFetched;
            collateral += written.collateral();
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

    /** The keys written in one target transaction, and where their rows are read from. */
    private record Group(Session source, Optional<String> sourceFilter, TableShape shape, List<Key> keys,
                         TableCounters counters) {
    }

    /**
     * What one group's transaction wrote.
     *
     * @param fetched    the keys found on the source (and written)
     * @param collateral the target rows of other keys a REPLACE removed
     */
    private record GroupWrite(Set<Key> fetched, long collateral) {
    }

    /** Counts kept while rows stream by (a lambda cannot add to a local). */
    private static final class Tally {
        private long rows;
        private long displaced;
    }

    /**
     * In one target transaction: removes the rows being replaced, then streams the group's source
     * rows into batched INSERTs (memory stays bounded whatever the row size).
     */
    private GroupWrite write(Connection connection, Group group, List<Key> replaced, WriteMethod writes)
            throws SQLException {
        TableShape shape = group.shape();
        Set<Key> fetched = new HashSet<>();
        if (!replaced.isEmpty()) {
            SqlFragment delete = CopySql.delete(shape, KeySql.in(shape.keys(), replaced));
            try (PreparedStatement statement = connection.prepareStatement(delete.sql())) {
                delete.bind(statement, 1);
                statement.executeUpdate();
            }
        }
        List<KeyType> keyTypes = KeyCodec.types(shape.keys());
        if (writes == WriteMethod.LOAD_DATA) {
            // LOAD DATA ... REPLACE: rows holding a written row's unique value are displaced and counted.
            return new GroupWrite(fetched, load(connection, group, fetched));
        }
        Savepoint beforeInsert = connection.setSavepoint();
        try {
            TargetWarnings.withMode(connection, shape, () -> {
                insert(connection, group, fetched);
                return null;
            });
            return new GroupWrite(fetched, 0);
        } catch (SQLException | TargetWriteException failure) {
            SQLException e = failure instanceof TargetWriteException wrapped ? wrapped.cause : (SQLException) failure;
            if (!SqlErrors.isDuplicateKey(e)) {
                throw e;
            }
            connection.rollback(beforeInsert);
            fetched.clear();
            Tally collateral = new Tally();
            try (PreparedStatement statement = connection.prepareStatement(CopySql.replace(shape))) {
                TargetWarnings.withMode(connection, shape, () -> {
                    // Rows read again: counted once, by the first attempt.
                    stream(new Group(group.source(), group.sourceFilter(), shape, group.keys(), new TableCounters()),
                            row -> {
                                fetched.add(row.key(keyTypes));
                                BulkWriter.bindRow(statement, row);
                                collateral.displaced += statement.executeUpdate() - 1;
                                TargetWarnings.check(statement, shape, shape.name());
                            });
                    return null;
                });
            } catch (TargetWriteException wrapped) {
                throw wrapped.cause;
            }
            LOG.debug("{}: REPLACE removed {} colliding rows of other keys", shape.name(), collateral.displaced);
            return new GroupWrite(fetched, collateral.displaced);
        }
    }

    private void insert(Connection connection, Group group, Set<Key> fetched) throws SQLException {
        TableShape shape = group.shape();
        List<KeyType> keyTypes = KeyCodec.types(shape.keys());
        boolean rowByRow = TargetWarnings.lenient(shape);
        try (PreparedStatement statement = connection.prepareStatement(CopySql.insert(shape))) {
            BulkWriter.Batch batch = new BulkWriter.Batch(statement);
            stream(group, row -> {
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
    private long load(Connection connection, Group group, Set<Key> fetched) throws SQLException {
        TableShape shape = group.shape();
        List<KeyType> keyTypes = KeyCodec.types(shape.keys());
        TsvEncoder encoder = new TsvEncoder(64 * 1024);
        Tally tally = new Tally();
        try {
            stream(group, row -> {
                fetched.add(row.key(keyTypes));
                encoder.encode(row);
                tally.rows++;
                if (encoder.length() >= LOAD_CHUNK_BYTES) {
                    tally.displaced += loadChunk(connection, shape, encoder, tally);
                }
            });
        } catch (TargetWriteException wrapped) {
            throw wrapped.cause;
        }
        if (tally.rows > 0) {
            tally.displaced += loadChunk(connection, shape, encoder, tally);
        }
        return tally.displaced;
    }

    /** Loads the encoded rows and empties the encoder; the rows of other keys they displaced. */
    private static long loadChunk(Connection connection, TableShape shape, TsvEncoder encoder, Tally tally)
            throws SQLException {
        long sent = tally.rows;
        Written written = BulkWriter.loadInto(connection, shape, shape.name(),
                new ByteArrayInputStream(encoder.buffer(), 0, encoder.length()), () -> sent, () -> null);
        encoder.reset(64 * 1024);
        tally.rows = 0;
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

    /** Streams the source rows of the group's keys to {@code handler}, one at a time. */
    private void stream(Group group, RowHandler handler) {
        TableShape shape = group.shape();
        TableCounters counters = group.counters();
        SqlFragment where = KeySql.in(shape.keys(), group.keys()).and(SqlFragment.filter(group.sourceFilter()));
        SqlFragment select = CopySql.select(shape, where, 0);
        List<KeyType> keyTypes = KeyCodec.types(shape.keys());
        int stored = shape.storedColumns().size();
        group.source().stream(select.sql(), statement -> select.bind(statement, 1), result -> {
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

    private static List<List<Key>> groups(List<Key> keys) {
        List<List<Key>> groups = new ArrayList<>();
        for (int i = 0; i < keys.size(); i += KEYS_PER_TRANSACTION) {
            groups.add(keys.subList(i, Math.min(keys.size(), i + KEYS_PER_TRANSACTION)));
        }
        return groups;
    }
}
