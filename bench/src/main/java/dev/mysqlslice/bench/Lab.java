package dev.mysqlslice.bench;

import dev.mysqlslice.sandbox.LocalServer;
import dev.mysqlslice.sandbox.Sandbox;
import dev.mysqlslice.sandbox.ServerSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The bench's world: a throwaway source (binlog on) and target started the same way as the
 * tests, the {@code bench} database on both, and helpers to run SQL, back up and restore the
 * target's tables, and call mysqlslice and the peer tools with the right credentials.
 */
final class Lab implements AutoCloseable {

    static final String DATABASE = "bench";
    static final String PASSWORD_ENV = "MYSQLSLICE_BENCH_PASSWORD";

    private final Path dir;
    private final Path home;
    private final Sandbox sandbox;

    private Lab(Path dir, Path home, Sandbox sandbox) {
        this.dir = dir;
        this.home = home;
        this.sandbox = sandbox;
    }

    /** Starts both servers under {@code dir}; {@code home} is the mysqlslice checkout (for ./mysqlslice). */
    static Lab start(Path dir, Path home, String bufferPool) {
        // A production-sized redo log: the tests' small one throttles bulk loads for every tool alike.
        Sandbox sandbox = Sandbox.start(dir,
                ServerSpec.source().withBufferPoolSize(bufferPool).withOption("innodb-log-file-size", "512M"),
                ServerSpec.target().withBufferPoolSize(bufferPool).withOption("innodb-log-file-size", "512M"));
        Lab lab = new Lab(dir, home, sandbox);
        for (LocalServer server : List.of(sandbox.source(), sandbox.target())) {
            lab.execute(server, false, "CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4");
        }
        return lab;
    }

    Path dir() {
        return dir;
    }

    LocalServer source() {
        return sandbox.source();
    }

    LocalServer target() {
        return sandbox.target();
    }

    Map<String, String> environment() {
        return Map.of(PASSWORD_ENV, LocalServer.PASSWORD, "MYSQL_PWD", LocalServer.PASSWORD, "MYSQLSLICE_NO_BUILD", "1");
    }

    /** Runs statements on a server in the bench database. */
    void execute(LocalServer server, boolean inDatabase, String... statements) {
        try (Connection connection = connect(server, inDatabase); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(server.name() + ": " + e.getMessage(), e);
        }
    }

    void execute(LocalServer server, List<String> statements) {
        execute(server, true, statements.toArray(String[]::new));
    }

    long count(LocalServer server, String table) {
        return Long.parseLong(value(server, "SELECT COUNT(*) FROM " + table));
    }

    String value(LocalServer server, String sql) {
        try (Connection connection = connect(server, true); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(server.name() + ": " + e.getMessage(), e);
        }
    }

    Connection connect(LocalServer server, boolean inDatabase) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", LocalServer.USER);
        properties.setProperty("password", LocalServer.PASSWORD);
        properties.setProperty("sslMode", "DISABLED");
        properties.setProperty("rewriteBatchedStatements", "true");
        return DriverManager.getConnection(server.jdbcUrl() + (inDatabase ? DATABASE : ""), properties);
    }

    /** Keeps a copy of a target table to restore later (the state a scenario starts from). */
    void backupTarget(String table) {
        execute(target(), true, "SET SESSION sql_log_bin = 0", "DROP TABLE IF EXISTS " + table + "_base",
                "CREATE TABLE " + table + "_base LIKE " + table, "INSERT INTO " + table + "_base SELECT * FROM " + table);
    }

    /** Puts a target table back to its backup. */
    void restoreTarget(String table) {
        execute(target(), true, "DROP TABLE IF EXISTS " + table, "CREATE TABLE " + table + " LIKE " + table + "_base",
                "INSERT INTO " + table + " SELECT * FROM " + table + "_base");
    }

    void emptyTarget(String table) {
        execute(target(), true, "TRUNCATE TABLE " + table);
    }

    /** Writes a mysqlslice config for the bench tables with the given hash and extra YAML. */
    Path config(String name, String hash, String extra) {
        String yaml = "source:\n  host: 127.0.0.1\n  port: " + source().port() + "\n  user: " + LocalServer.USER
                + "\n  password-env: " + PASSWORD_ENV + "\n  database: " + DATABASE + "\n  ssl-mode: DISABLED\n"
                + "target:\n  host: 127.0.0.1\n  port: " + target().port() + "\n  user: " + LocalServer.USER
                + "\n  password-env: " + PASSWORD_ENV + "\n  database: " + DATABASE + "\n  ssl-mode: DISABLED\n"
                + "defaults:\n  chunk-rows: 1000\n  hash: " + hash + "\n" + extra
                + "tables:\n  bench_orders: general\n  bench_items: general\n";
        Path file = dir.resolve(name + ".yaml");
        try {
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The mysqlslice command line, as users run it (the launcher with its JVM settings). */
    String mysqlslice(String arguments) {
        return home.resolve("mysqlslice") + " " + arguments;
    }

    /** A DSN for pt-table-sync. */
    String dsn(LocalServer server, String table) {
        return "h=127.0.0.1,P=" + server.port() + ",u=" + LocalServer.USER + ",p=" + LocalServer.PASSWORD + ",D="
                + DATABASE + (table == null ? "" : ",t=" + table);
    }

    /** Client flags for mysqldump, mysql, mydumper and myloader (password from MYSQL_PWD). */
    String clientFlags(LocalServer server) {
        return "-h 127.0.0.1 -P " + server.port() + " -u " + LocalServer.USER;
    }

    @Override
    public void close() {
        sandbox.destroy();
    }
}
