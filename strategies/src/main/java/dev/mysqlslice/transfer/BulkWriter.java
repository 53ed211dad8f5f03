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
import java.sql.SQLWarning;
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

    /** Writes every row of {@code cursor} into {@code table}; returns the number written. */
    public long write(Session target, TableShape shape, String table, RowCursor cursor, boolean localInfile,
                      Endpoint source) {
        if (!localInfile) {
            return target.inTransaction(connection -> insert(connection, shape, table, cursor), "writing rows into " + table);
        }
        TsvStream stream = new TsvStream(cursor);
        return load(target, shape, table, stream, cursor::count, () -> stream.failure() == null ? null
                : SqlErrors.duringStatement(stream.failure(), source, "reading rows of " + shape.name()));
    }

    /**
     * Loads tab-separated rows from {@code tsv} into {@code table} in one transaction, checking
     * that the target stored exactly the rows sent, unchanged.
     *
     * @param rowsSent      how many rows the stream held, asked once it is exhausted
     * @param sourceFailure the source's error if reading it failed while streaming, else null
     */
    public long load(Session target, TableShape shape, String table, InputStream tsv, LongSupplier rowsSent,
                     Supplier<RuntimeException> sourceFailure) {
        return target.inTransaction(connection -> loadInto(connection, shape, table, tsv, rowsSent, sourceFailure),
                "writing rows into " + table);
    }

    /** {@link #load} inside the caller's transaction on {@code connection}. */
    static long loadInto(Connection connection, TableShape shape, String table, InputStream tsv, LongSupplier rowsSent,
                         Supplier<RuntimeException> sourceFailure) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.unwrap(JdbcStatement.class).setLocalInfileInputStream(tsv);
            long loaded;
            try {
                loaded = statement.executeLargeUpdate(CopySql.loadData(shape, table));
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
            SQLWarning warning = statement.getWarnings();
            if (warning != null) {
                throw new MysqlsliceException(Failure.SCHEMA, "the target changed a value while loading " + table
                        + " (" + warning.getMessage() + "); nothing of this batch was kept. Make the target column"
                        + " definitions identical to the source's (mysqlslice schema pull --replace)");
            }
            long sent = rowsSent.getAsLong();
            if (loaded != sent) {
                throw new MysqlsliceException(Failure.INTERNAL, "loading " + table + " stored " + loaded + " of "
                        + sent + " rows sent; nothing of this batch was kept");
            }
            return loaded;
        }
    }

    private long insert(Connection connection, TableShape shape, String table, RowCursor cursor) throws SQLException {
        String sql = CopySql.insert(shape.withName(table));
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            Batch batch = new Batch(statement);
            RawRow row;
            while ((row = cursor.next()) != null) {
                batch.add(row);
            }
            batch.flush();
        }
        return cursor.count();
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
