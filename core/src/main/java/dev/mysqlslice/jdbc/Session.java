package dev.mysqlslice.jdbc;

import dev.mysqlslice.dialect.Dialect;
import dev.mysqlslice.error.Failure;
import dev.mysqlslice.error.MysqlsliceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One open connection to one endpoint. Every SQL error that passes through it becomes a one-line
 * {@link MysqlsliceException} that says which server and what was being done.
 */
public final class Session implements AutoCloseable {

    /** Maps the current row of a result set to a value. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Binds parameters to a prepared statement. */
    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement statement) throws SQLException;

        Binder NONE = statement -> { };
    }

    /** Work with the raw connection that may throw {@link SQLException}. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Endpoint endpoint;
    private final Connection connection;
    private final Consumer<Session> release;
    private final StatementGate gate;

    public Session(Endpoint endpoint, Connection connection) {
        this(endpoint, connection, null);
    }

    /** A session whose {@link #close()} hands it to {@code release} (a pool) instead of closing the connection. */
    public Session(Endpoint endpoint, Connection connection, Consumer<Session> release) {
        this(endpoint, connection, release, StatementGate.OPEN);
    }

    private Session(Endpoint endpoint, Connection connection, Consumer<Session> release,
                    StatementGate gate) {
        this.endpoint = endpoint;
        this.connection = connection;
        this.release = release;
        this.gate = gate;
    }

    /** This session with {@code gate} asked before each statement (the source's throttle). */
    public Session gated(StatementGate newGate) {
        return new Session(endpoint, connection, release, newGate);
    }

    public static Session open(Connector connector, Endpoint endpoint) {
        return new Session(endpoint, connector.open(endpoint));
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    public Connection connection() {
        return connection;
    }

    /** The server's flavor and version, from the connection's handshake (no query). */
    public Dialect dialect() {
        return Connector.dialect(connection);
    }

    public <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper, String doing) {
        return with(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                binder.bind(statement);
                try (ResultSet rows = execute(statement)) {
                    List<T> result = new ArrayList<>();
                    while (rows.next()) {
                        result.add(mapper.map(rows));
                    }
                    return result;
                }
            }
        }, doing);
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, String doing) {
        return query(sql, Binder.NONE, mapper, doing);
    }

    public <T> Optional<T> queryOne(String sql, Binder binder, RowMapper<T> mapper, String doing) {
        List<T> rows = query(sql, binder, mapper, doing);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** The first column of the first row as text, empty when there is no row or it is NULL. */
    public Optional<String> queryText(String sql, String doing) {
        return queryOne(sql, Binder.NONE, row -> row.getString(1), doing).filter(value -> value != null);
    }

    /**
     * Streams the rows of a query one at a time (the driver holds no more than one row), passing
     * each to {@code consumer}; the connection can run nothing else until this returns.
     */
    public void stream(String sql, Binder binder, RowConsumer consumer, String doing) {
        with(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY)) {
                statement.setFetchSize(Integer.MIN_VALUE);
                binder.bind(statement);
                try (ResultSet rows = execute(statement)) {
                    consumer.accept(rows);
                }
            }
            return null;
        }, doing);
    }

    /**
     * Runs a statement that returns rows. {@code execute} rather than {@code executeQuery}, which
     * Connector/J refuses for a SELECT behind MariaDB's {@code SET STATEMENT ... FOR} (a time limit).
     */
    private static ResultSet execute(PreparedStatement statement) throws SQLException {
        if (!statement.execute()) {
            throw new SQLException("a query returned no result set");
        }
        return statement.getResultSet();
    }

    /** Consumes a streamed result set; it may stop early by returning. */
    @FunctionalInterface
    public interface RowConsumer {
        void accept(ResultSet rows) throws SQLException;
    }

    public int update(String sql, Binder binder, String doing) {
        return with(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                binder.bind(statement);
                return statement.executeUpdate();
            }
        }, doing);
    }

    public void execute(String sql, String doing) {
        with(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
                return null;
            }
        }, doing);
    }

    /**
     * Runs {@code work} in one transaction, committing on success and rolling back on any failure.
     * Inside another transaction of this session it joins that one: the outer transaction commits
     * or rolls back everything (a slice's cycle is one transaction around many writes).
     */
    public <T> T inTransaction(Work<T> work, String doing) {
        return with(connection -> {
            if (!connection.getAutoCommit()) {
                return work.run(connection);
            }
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly();
                throw e;
            } finally {
                restoreAutoCommit();
            }
        }, doing);
    }

    /** Runs JDBC work, classifying any {@link SQLException}; the gate is asked first. */
    public <T> T with(Work<T> work, String doing) {
        gate.beforeStatement();
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw SqlErrors.duringStatement(e, endpoint, doing);
        }
    }

    @Override
    public void close() {
        if (release != null) {
            release.accept(this);
            return;
        }
        closeConnection();
    }

    /** Closes the connection itself, even for a pooled session. */
    public void closeConnection() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new MysqlsliceException(Failure.CONNECTION, "cannot close the connection to " + endpoint.describe(), e);
        }
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The connection may be gone; the transaction is then rolled back by the server.
        }
    }

    private void restoreAutoCommit() {
        try {
            if (!connection.isClosed()) {
                connection.setAutoCommit(true);
            }
        } catch (SQLException ignored) {
            // Same as above.
        }
    }
}
