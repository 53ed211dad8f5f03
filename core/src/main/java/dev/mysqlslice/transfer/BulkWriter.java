package dev.mysqlslice.transfer;

import com.mysql.cj.jdbc.JdbcStatement;
import dev.mysqlslice.error.Failure;
import dev.mysqlslice.error.MysqlsliceException;
import dev.mysqlslice.jdbc.Endpoint;
import dev.mysqlslice.jdbc.Session;
import dev.mysqlslice.jdbc.SqlErrors;
import dev.mysqlslice.model.TableShape;
import dev.mysqlslice.sql.CopySql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.io.InputStream;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javax.inject.Inject;

/**
 * Writes streamed rows into a target table in one transaction: by {@code LOAD DATA LOCAL INFILE}
 * when the target allows it (several times faster), else by batched multi-row INSERTs. A LOAD
 * DATA that reports any warning or loads a different number of rows than were sent is rolled
 * back and reported: LOCAL loads turn errors into warnings, which must never pass silently.
 */
public final class BulkWriter {

    static final int INSERT_BATCH_ROWS = 1000;
    /** A batch is sent once its values reach this size, however few rows it has (a BLOB may be large). */
    static final long INSERT_BATCH_BYTES = 16L * 1024 * 1024;

    @Inject
    public BulkWriter() {
    }

    /**
     * Writes every row of {@code cursor} into {@code table}: by LOAD DATA (REPLACE) when the target
     * allows it, else by batched INSERTs, which fail with {@link Collision} when a row's key or
     * unique value is held by another target row (the caller then writes the rows again with
     * {@link #replace}).
     */
    public Written write(Session target, TableShape shape, String table, RowCursor cursor, WriteMethod writes,
                         Endpoint source) {
        if (writes == WriteMethod.INSERT) {
            return saying(shape, () -> target.inTransaction(connection -> TargetWarnings.withMode(connection, shape,
                    () -> insert(connection, shape, table, cursor)), "writing rows into " + table));
        }
        TsvStream stream = new TsvStream(cursor);
        return load(target, shape, table, stream, cursor::count, () -> stream.failure() == null ? null
                : SqlErrors.duringStatement(stream.failure(), source, "reading rows of " + shape.name()));
    }

    /**
     * Runs a write, adding to a target error what became of the batch: nothing of it was kept, or
     * (on a non-transactional table) the rows written before the failure were.
     */
    private static Written saying(TableShape shape, Supplier<Written> write) {
        try {
            return write.get();
        } catch (MysqlsliceException e) {
            if (e.failure() == Failure.CONNECTION || e.getMessage().contains(" kept")) {
                throw e;
            }
            throw new MysqlsliceException(e.failure(), e.getMessage() + "; " + shape.failedBatchKept(), e);
        }
    }

    /** Writes every row of {@code cursor} with REPLACE statements, counting the target rows they displaced. */
    public Written replace(Session target, TableShape shape, String table, RowCursor cursor) {
        return saying(shape, () -> target.inTransaction(connection -> TargetWarnings.withMode(connection, shape,
                () -> replaceRows(connection, shape, table, cursor)), "writing rows into " + table));
    }

    /**
     * Loads tab-separated rows from {@code tsv} into {@code table} in one transaction, checking
     * that the target stored exactly the rows sent, unchanged.
     *
     * @param rowsSent      how many rows the stream held, asked once it is exhausted
     * @param sourceFailure the source's error if reading it failed while streaming, else null
     */
    public Written load(Session target, TableShape shape, String table, InputStream tsv, LongSupplier rowsSent,
                        Supplier<RuntimeException> sourceFailure) {
        return saying(shape, () -> target.inTransaction(connection -> loadInto(connection, shape, table, tsv, rowsSent,
                sourceFailure), "writing rows into " + table));
    }

    /** {@link #load} inside the caller's transaction on {@code connection}. */
    static Written loadInto(Connection connection, TableShape shape, String table, InputStream tsv, LongSupplier rowsSent,
                            Supplier<RuntimeException> sourceFailure) throws SQLException {
        return TargetWarnings.withMode(connection, shape, () -> {
            try (Statement statement = connection.createStatement()) {
                statement.unwrap(JdbcStatement.class).setLocalInfileInputStream(tsv);
                long affected;
                try {
                    affected = statement.executeLargeUpdate(CopySql.loadData(shape, table));
                } catch (SQLException e) {
                    RuntimeException failure = sourceFailure.get();
                    if (failure != null) {
                        throw failure;
                    }
                    throw e;
                }
                RuntimeException failure = sourceFailure.get();
                if (failure != null) {
                    throw failure;
                }
                TargetWarnings.check(statement, shape, table);
                long sent = rowsSent.getAsLong();
                // REPLACE counts a displaced row as deleted and the new one as inserted.
                if (affected < sent) {
                    throw new MysqlsliceException(Failure.INTERNAL, "loading " + table + " stored " + affected + " of "
                            + sent + " rows sent; " + shape.failedBatchKept());
                }
                return new Written(sent, affected - sent);
            }
        });
    }

    private Written insert(Connection connection, TableShape shape, String table, RowCursor cursor) throws SQLException {
        String sql = CopySql.insert(shape.withName(table));
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (TargetWarnings.lenient(shape)) {
                // Row by row, so that every statement's warnings are seen.
                RawRow row;
                while ((row = cursor.next()) != null) {
                    bindRow(statement, row);
                    statement.executeUpdate();
                    TargetWarnings.check(statement, shape, table);
                }
                return new Written(cursor.count(), 0);
            }
            Batch batch = new Batch(statement);
            RawRow row;
            while ((row = cursor.next()) != null) {
                batch.add(row);
            }
            batch.flush();
        } catch (SQLException e) {
            if (SqlErrors.isDuplicateKey(e)) {
                throw new Collision(table, e);
            }
            throw e;
        }
        return new Written(cursor.count(), 0);
    }

    private Written replaceRows(Connection connection, TableShape shape, String table, RowCursor cursor)
            throws SQLException {
        long displaced = 0;
        try (PreparedStatement statement = connection.prepareStatement(CopySql.replace(shape.withName(table)))) {
            RawRow row;
            while ((row = cursor.next()) != null) {
                bindRow(statement, row);
                displaced += statement.executeUpdate() - 1;
                TargetWarnings.check(statement, shape, table);
            }
        }
        return new Written(cursor.count(), displaced);
    }


    /** A row's key or unique value is held by another target row; nothing of the batch was kept. */
    public static final class Collision extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Collision(String table, SQLException cause) {
            super("a row written into " + table + " collides with another target row on a unique key", cause);
        }
    }

    /** Rows added to a prepared INSERT, sent every {@value #INSERT_BATCH_ROWS} rows or {@value #INSERT_BATCH_BYTES} bytes. */
    static final class Batch {
        private final PreparedStatement statement;
        private long rows;
        private long bytes;

        Batch(PreparedStatement statement) {
            this.statement = statement;
        }

        void add(RawRow row) throws SQLException {
            bindRow(statement, row);
            statement.addBatch();
            rows++;
            bytes += row.size();
            if (rows >= INSERT_BATCH_ROWS || bytes >= INSERT_BATCH_BYTES) {
                flush();
            }
        }

        void flush() throws SQLException {
            if (rows > 0) {
                statement.executeBatch();
                rows = 0;
                bytes = 0;
            }
        }
    }

    /** Binds a row's exact bytes; the server stores them unchanged ({@code _binary} literals). */
    static void bindRow(PreparedStatement statement, RawRow row) throws SQLException {
        byte[][] values = row.values();
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                statement.setNull(i + 1, Types.VARBINARY);
            } else {
                statement.setBytes(i + 1, values[i]);
            }
        }
    }
}
