package dev.mysqlslice.testing;

import dev.mysqlslice.config.EndpointConfig;
import dev.mysqlslice.config.PasswordSource;
import dev.mysqlslice.config.Role;
import dev.mysqlslice.config.Secret;
import dev.mysqlslice.config.SslMode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;

/** A uniquely named database on a test server, with helpers to run SQL against it as an administrator. */
public final class TestDatabase {

    private final ServerAddress server;
    private final String name;
    private final Role role;

    public TestDatabase(ServerAddress server, String name, Role role) {
        this.server = server;
        this.name = name;
        this.role = role;
    }

    public String name() {
        return name;
    }

    public ServerAddress server() {
        return server;
    }

    public Role role() {
        return role;
    }

    /** An administrator connection with this database selected; the caller closes it. */
    public Connection connect() {
        return connect(Optional.of(name));
    }

    Connection connect(Optional<String> database) {
        Properties properties = new Properties();
        properties.setProperty("user", server.user());
        properties.setProperty("password", server.password());
        properties.setProperty("characterEncoding", "UTF-8");
        properties.setProperty("allowLoadLocalInfile", "true");
        properties.setProperty("allowPublicKeyRetrieval", "true");
        // An administrator session to a TLS-only server encrypts without checking the certificate.
        properties.setProperty("sslMode", server.tls() ? "REQUIRED" : "DISABLED");
        properties.setProperty("allowMultiQueries", "true");
        try {
            Connection connection = DriverManager.getConnection(server.jdbcUrl() + database.orElse(""), properties);
            return connection;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to test " + role.section() + " " + server.jdbcUrl() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Runs each statement in order. */
    public void execute(String... statements) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(role.section() + ": " + e.getMessage(), e);
        }
    }

    /** Runs statements without writing them to the binlog (setup a binlog reader must not see). */
    public void executeUnlogged(String... statements) {
        List<String> all = new ArrayList<>(List.of("SET SESSION sql_log_bin = 0"));
        all.addAll(List.of(statements));
        execute(all.toArray(String[]::new));
    }

    /**
     * Runs a script of statements separated by semicolons at line ends; {@code SERIES(n)} in it
     * stands for the derived table of {@link Series#of(long)} (scenario files run on both flavors).
     */
    public void executeScript(String script) {
        java.util.regex.Matcher series = java.util.regex.Pattern.compile("SERIES\\((\\d+)\\)").matcher(script);
        StringBuilder expanded = new StringBuilder();
        while (series.find()) {
            series.appendReplacement(expanded, java.util.regex.Matcher.quoteReplacement(
                    Series.of(Long.parseLong(series.group(1)))));
        }
        series.appendTail(expanded);
        execute(SqlScript.split(expanded.toString()).toArray(String[]::new));
    }

    /** The server's flavor and version. */
    public dev.mysqlslice.dialect.Dialect dialect() {
        try (Connection connection = connect()) {
            return dev.mysqlslice.dialect.Dialect.of(connection.getMetaData().getDatabaseProductVersion());
        } catch (SQLException e) {
            throw new IllegalStateException(role.section() + ": " + e.getMessage(), e);
        }
    }

    /** The binlog's current file, position (and GTIDs), through the statement this flavor has. */
    public List<String> binlogStatus() {
        return rows(dialect().binlogStatus()).get(0);
    }

    /** The rows of a query, every value as text (NULL as null). */
    public List<List<String>> rows(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet resultSet = statement.executeQuery(sql)) {
            ResultSetMetaData meta = resultSet.getMetaData();
            List<List<String>> rows = new ArrayList<>();
            while (resultSet.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.add(resultSet.getString(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(role.section() + ": " + e.getMessage() + " in: " + sql, e);
        }
    }

    /** The first column of the first row of a query. */
    public String value(String sql) {
        List<List<String>> rows = rows(sql);
        return rows.isEmpty() ? null : rows.get(0).get(0);
    }

    public long count(String table) {
        return Long.parseLong(value("SELECT COUNT(*) FROM `" + table + "`"));
    }

    /** How mysqlslice reaches this database over TCP as the administrator. */
    public EndpointConfig endpoint() {
        return new EndpointConfig(role, Optional.of(server.host()), OptionalInt.of(server.port()), Optional.empty(),
                server.user(), new PasswordSource.Literal(Secret.of(server.password())), name, SslMode.DISABLED,
                Optional.empty(), true);
    }

    /** The config-file section for this database (without a password: it comes from {@link #passwordEnv()}). */
    public String yamlSection() {
        return role.section() + ":\n"
                + "  host: " + server.host() + "\n"
                + "  port: " + server.port() + "\n"
                + "  user: " + server.user() + "\n"
                + "  password-env: " + passwordEnv() + "\n"
                + "  database: " + name + "\n"
                + "  ssl-mode: DISABLED\n"
                + "  allow-public-key-retrieval: true\n";
    }

    /** The environment variable a test passes the administrator password in. */
    public String passwordEnv() {
        return "MYSQLSLICE_TEST_" + role.name() + "_PASSWORD";
    }

    /** Creates the database afresh (dropping one of the same name). */
    public void create() {
        try (Connection connection = connect(Optional.empty()); Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION sql_log_bin = 0");
            statement.execute("DROP DATABASE IF EXISTS `" + name + "`");
            // The server's default utf8mb4 collation (MySQL 8: utf8mb4_0900_ai_ci, NO PAD; MariaDB 10.11:
            // utf8mb4_general_ci, PAD SPACE), so both kinds are exercised where each runs.
            statement.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + " on " + role.section() + ": "
                    + e.getMessage(), e);
        }
    }

    public void drop() {
        try (Connection connection = connect(Optional.empty()); Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION sql_log_bin = 0");
            statement.execute("DROP DATABASE IF EXISTS `" + name + "`");
        } catch (SQLException | IllegalStateException e) {
            // The server may have been stopped by the test itself.
        }
    }
}
