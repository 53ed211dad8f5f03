package dev.mysqlslice.jdbc;

import com.mysql.cj.jdbc.NonRegisteringDriver;
import dev.mysqlslice.config.Role;
import dev.mysqlslice.dialect.Dialect;
import dev.mysqlslice.tls.TlsContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Opens connections to endpoints with the settings of {@link ConnectionProperties} and
 * {@link SessionSettings}. Source connections are read-only at the server, so a bug can never
 * write to the source. Failures become one-line {@link dev.mysqlslice.error.MysqlsliceException}s.
 */
@Singleton
public final class Connector {

    private final NonRegisteringDriver driver;

    @Inject
    public Connector() {
        try {
            this.driver = new NonRegisteringDriver();
        } catch (SQLException e) {
            throw new IllegalStateException("Connector/J driver cannot be created", e);
        }
    }

    /** A new connection in autocommit mode with the session settings applied. */
    public Connection open(Endpoint endpoint) {
        Properties properties = ConnectionProperties.driverProperties(endpoint.config());
        properties.setProperty("user", endpoint.user());
        properties.setProperty("password", endpoint.password().reveal());
        Optional<String> tls = TlsContext.of(endpoint.config()).map(TlsSocketFactory::register);
        tls.ifPresent(id -> properties.setProperty(TlsSocketFactory.CONTEXT_PROPERTY, id));
        Connection connection;
        try {
            connection = driver.connect(ConnectionProperties.url(endpoint.config()), properties);
        } catch (SQLException e) {
            throw SqlErrors.onConnect(e, endpoint);
        } finally {
            tls.ifPresent(TlsSocketFactory::unregister);
        }
        try {
            connection.setCatalog(endpoint.database());
        } catch (SQLException e) {
            closeQuietly(connection);
            throw SqlErrors.onConnect(e, endpoint);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(SessionSettings.initStatement(endpoint.role(), dialect(connection)));
            if (endpoint.role() == Role.SOURCE) {
                connection.setReadOnly(true);
            }
            return connection;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw SqlErrors.duringStatement(e, endpoint, "setting up the session");
        }
    }

    /** The flavor and version the server announced when the connection opened. */
    static Dialect dialect(Connection connection) {
        try {
            return Dialect.of(connection.getMetaData().getDatabaseProductVersion());
        } catch (SQLException e) {
            return Dialect.of("");
        }
    }

    static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Closing after a failure; the original error is what matters.
        }
    }
}
