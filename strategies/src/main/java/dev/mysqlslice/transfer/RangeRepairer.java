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
    static final int KEYS_PER_TRANSACTION = 500;
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

    public Result repair(Session source, Optional<String> sourceFilter, Session target, TableShape shape, RowDiff diff,
                         TableCounters counters) {
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
            List<RawRow> rows = fetch(source, sourceFilter, shape, group, counters);
            List<Key> replaced = group.stream().filter(updates::contains).toList();
            long[] written = target.inTransaction(connection -> write(connection, shape, replaced, rows),
                    "repairing rows of " + shape.name());
            // A row may have left the source since it was listed: then its target row is only deleted.
            Set<Key> fetched = new HashSet<>();
            rows.forEach(row -> fetched.add(row.key(keyTypes)));
            long replacedAndFetched = replaced.stream().filter(fetched::contains).count();
            updated += replacedAndFetched;
            deleted += replaced.size() - replacedAndFetched;
            inserted += rows.size() - replacedAndFetched;
            collateral += written[1];
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

    /** Returns {rows written, collateral rows removed}. */
    private long[] write(Connection connection, TableShape shape, List<Key> replaced, List<RawRow> rows)
            throws SQLException {
        if (!replaced.isEmpty()) {
            SqlFragment delete = CopySql.delete(shape, KeySql.in(shape.keys(), replaced));
            try (PreparedStatement statement = connection.prepareStatement(delete.sql())) {
                delete.bind(statement, 1);
                statement.executeUpdate();
            }
        }
        if (rows.isEmpty()) {
            return new long[] {0, 0};
        }
        java.sql.Savepoint beforeInsert = connection.setSavepoint();
        try (PreparedStatement statement = connection.prepareStatement(CopySql.insert(shape))) {
            for (RawRow row : rows) {
                BulkWriter.bindRow(statement, row);
                statement.addBatch();
            }
            statement.executeBatch();
            return new long[] {rows.size(), 0};
        } catch (SQLException e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
            connection.rollback(beforeInsert);
            return new long[] {rows.size(), replace(connection, shape, rows)};
        }
    }

    /** Inserts with REPLACE, which removes rows colliding on a secondary unique key; returns how many it removed. */
    private long replace(Connection connection, TableShape shape, List<RawRow> rows) throws SQLException {
        long collateral = 0;
        try (PreparedStatement statement = connection.prepareStatement(CopySql.replace(shape))) {
            for (RawRow row : rows) {
                BulkWriter.bindRow(statement, row);
                collateral += statement.executeUpdate() - 1;
            }
        }
        LOG.debug("{}: REPLACE removed {} colliding rows of other keys", shape.name(), collateral);
        return collateral;
    }

    private List<RawRow> fetch(Session source, Optional<String> sourceFilter, TableShape shape, List<Key> keys,
                               TableCounters counters) {
        SqlFragment where = KeySql.in(shape.keys(), keys)
                .and(SqlFragment.filter(sourceFilter));
        SqlFragment select = CopySql.select(shape, where, 0);
        List<KeyType> keyTypes = KeyCodec.types(shape.keys());
        int stored = shape.storedColumns().size();
        List<RawRow> rows = new ArrayList<>(keys.size());
        source.stream(select.sql(), statement -> select.bind(statement, 1), result -> {
            RowCursor cursor = new RowCursor(result, stored, keyTypes);
            RawRow row;
            while ((row = cursor.next()) != null) {
                rows.add(row);
            }
            counters.rowsRead(cursor.count(), cursor.bytes());
        }, "reading changed rows of " + shape.name());
        return rows;
    }

    private static boolean isDuplicateKey(SQLException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == SqlErrors.DUPLICATE_KEY) {
                return true;
            }
        }
        return e instanceof java.sql.BatchUpdateException batch && batch.getNextException() != null
                && batch.getNextException().getErrorCode() == SqlErrors.DUPLICATE_KEY;
    }

    private static List<List<Key>> groups(List<Key> keys) {
        List<List<Key>> groups = new ArrayList<>();
        for (int i = 0; i < keys.size(); i += KEYS_PER_TRANSACTION) {
            groups.add(keys.subList(i, Math.min(keys.size(), i + KEYS_PER_TRANSACTION)));
        }
        return groups;
    }
}
