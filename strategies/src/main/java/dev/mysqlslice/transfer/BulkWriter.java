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
import javax.inject.Inject;

/**
 * Writes streamed rows into a target table in one transaction: by {@code LOAD DATA LOCAL INFILE}
 * when the target allows it (several times faster), else by batched multi-row INSERTs. A LOAD
 * DATA that reports any warning or loads a different number of rows than were sent is rolled
 * back and reported: LOCAL loads turn errors into warnings, which must never pass silently.
 */
public final class BulkWriter {

    static final int INSERT_BATCH_ROWS = 1000;

    @Inject
    public BulkWriter() {
    }

    /** Writes every row of {@code cursor} into {@code table}; returns the number written. */
    public long write(Session target, TableShape shape, String table, RowCursor cursor, boolean localInfile,
                      Endpoint source) {
        return target.inTransaction(connection -> localInfile
                ? loadData(connection, shape, table, cursor, source)
                : insert(connection, shape, table, cursor), "writing rows into " + table);
    }

    private long loadData(Connection connection, TableShape shape, String table, RowCursor cursor, Endpoint source)
            throws SQLException {
        TsvStream stream = new TsvStream(cursor);
        try (Statement statement = connection.createStatement()) {
            statement.unwrap(JdbcStatement.class).setLocalInfileInputStream(stream);
            long loaded;
            try {
                loaded = statement.executeLargeUpdate(CopySql.loadData(shape, table));
            } catch (SQLException e) {
                if (stream.failure() != null) {
                    throw SqlErrors.duringStatement(stream.failure(), source, "reading rows of " + shape.name());
                }
                throw e;
            }
            if (stream.failure() != null) {
                throw SqlErrors.duringStatement(stream.failure(), source, "reading rows of " + shape.name());
            }
            SQLWarning warning = statement.getWarnings();
            if (warning != null) {
                throw new MysqlsliceException(Failure.SCHEMA, "the target changed a value while loading " + table
                        + " (" + warning.getMessage() + "); nothing of this batch was kept. Make the target column"
                        + " definitions identical to the source's (mysqlslice schema pull --replace)");
            }
            if (loaded != cursor.count()) {
                throw new MysqlsliceException(Failure.INTERNAL, "loading " + table + " stored " + loaded + " of "
                        + cursor.count() + " rows sent; nothing of this batch was kept");
            }
            return loaded;
        }
    }

    private long insert(Connection connection, TableShape shape, String table, RowCursor cursor) throws SQLException {
        String sql = CopySql.insert(shape.withName(table));
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            long pending = 0;
            RawRow row;
            while ((row = cursor.next()) != null) {
                bindRow(statement, row);
                statement.addBatch();
                if (++pending == INSERT_BATCH_ROWS) {
                    statement.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                statement.executeBatch();
            }
        }
        return cursor.count();
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
