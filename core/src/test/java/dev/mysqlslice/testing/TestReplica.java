package dev.mysqlslice.testing;

import dev.mysqlslice.sandbox.LocalServer;
import dev.mysqlslice.sandbox.ServerBinaries;
import dev.mysqlslice.sandbox.ServerSpec;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import org.testcontainers.mysql.MySQLContainer;

/**
 * A throwaway replica of the test source that applies nothing (every table but a probe database is
 * filtered out): it only has to replicate, or be stopped. A local mariadbd replicating by GTID when
 * the test servers are local, a MySQL container on the source container's network when they are
 * containers. Replication is administered in each flavor's own words here; the product reads it
 * only through {@code Dialect.replicaStatus()}.
 */
public abstract class TestReplica implements AutoCloseable {

    /** The database the replica applies (none of the tests write it). */
    static final String PROBE_DATABASE = "mysqlslice_replica_probe";

    /** A replica of {@code source}, caught up from now on, replicating. */
    public static TestReplica of(TestDatabase source, Path dir) {
        TestReplica replica = Containers.sourceNetwork().isPresent() ? new InContainer() : new Local(dir);
        replica.follow(source);
        replica.startReplicating();
        return replica;
    }

    public abstract String host();

    public abstract int port();

    public abstract String user();

    public abstract String password();

    /** The replica's {@code Seconds_Behind_Source} (or {@code _Master}); null while it does not replicate. */
    public abstract String secondsBehind();

    public abstract void startReplicating();

    public abstract void stopReplicating();

    /** Points the replica at {@code source}, from the source's current GTID position. */
    abstract void follow(TestDatabase source);

    /** A DSN for {@code throttle.replicas}. */
    public String dsn() {
        return "h=" + host() + ",P=" + port() + ",u=" + user() + ",p=" + password();
    }

    @Override
    public abstract void close();

    String query(String jdbcUrl, String sql, String column) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, login());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(column) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The replica's administrator login, without TLS. */
    Properties login() {
        Properties login = new Properties();
        login.setProperty("user", user());
        login.setProperty("password", password());
        login.setProperty("sslMode", "DISABLED");
        login.setProperty("allowPublicKeyRetrieval", "true");
        return login;
    }

    /** MariaDB: a local server, GTID replication from the local test source. */
    private static final class Local extends TestReplica {
        private final LocalServer server;

        Local(Path dir) {
            server = LocalServer.create(ServerBinaries.require(), new ServerSpec("replica", 3, false, "64M",
                    Map.of("replicate-wild-do-table", PROBE_DATABASE + ".%")), dir.resolve("replica"));
        }

        @Override
        void follow(TestDatabase source) {
            ServerAddress address = source.server();
            server.execAsRoot("SET GLOBAL gtid_slave_pos = '" + source.value("SELECT @@GLOBAL.gtid_current_pos") + "'");
            server.execAsRoot("CHANGE MASTER TO MASTER_HOST = '" + address.host() + "', MASTER_PORT = " + address.port()
                    + ", MASTER_USER = '" + address.user() + "', MASTER_PASSWORD = '" + address.password()
                    + "', MASTER_USE_GTID = slave_pos");
        }

        @Override
        public void startReplicating() {
            server.execAsRoot("START SLAVE");
        }

        @Override
        public void stopReplicating() {
            server.execAsRoot("STOP SLAVE");
        }

        @Override
        public String secondsBehind() {
            return query(server.jdbcUrl(), "SHOW SLAVE STATUS", "Seconds_Behind_Master");
        }

        @Override
        public String host() {
            return server.host();
        }

        @Override
        public int port() {
            return server.port();
        }

        @Override
        public String user() {
            return LocalServer.USER;
        }

        @Override
        public String password() {
            return LocalServer.PASSWORD;
        }

        @Override
        public void close() {
            server.destroy();
        }
    }

    /** MySQL 8.4: a container on the source container's network, GTID auto-positioning. */
    private static final class InContainer extends TestReplica {
        private final MySQLContainer container;

        @SuppressWarnings("resource")
        InContainer() {
            container = new MySQLContainer(Containers.IMAGE)
                    .withUsername("mysqlslice").withPassword(Containers.PASSWORD)
                    .withNetwork(Containers.sourceNetwork().orElseThrow())
                    .withCommand("--server-id=3", "--gtid-mode=ON", "--enforce-gtid-consistency=ON",
                            "--replicate-wild-do-table=" + PROBE_DATABASE + ".%", "--skip-replica-start");
            container.start();
        }

        @Override
        void follow(TestDatabase source) {
            String executed = source.value("SELECT @@GLOBAL.gtid_executed").replace("\n", "");
            execute("RESET BINARY LOGS AND GTIDS");
            execute("SET GLOBAL gtid_purged = '" + executed + "'");
            execute("CHANGE REPLICATION SOURCE TO SOURCE_HOST = '" + Containers.SOURCE_ALIAS + "', SOURCE_PORT = 3306,"
                    + " SOURCE_USER = 'root', SOURCE_PASSWORD = '" + Containers.PASSWORD + "', SOURCE_AUTO_POSITION = 1,"
                    + " GET_SOURCE_PUBLIC_KEY = 1");
        }

        @Override
        public void startReplicating() {
            execute("START REPLICA");
        }

        @Override
        public void stopReplicating() {
            execute("STOP REPLICA");
        }

        @Override
        public String secondsBehind() {
            return query(container.getJdbcUrl(), "SHOW REPLICA STATUS", "Seconds_Behind_Source");
        }

        private void execute(String sql) {
            try (Connection connection = DriverManager.getConnection(container.getJdbcUrl(), login());
                 Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(sql + ": " + e.getMessage(), e);
            }
        }

        @Override
        public String host() {
            return container.getHost();
        }

        @Override
        public int port() {
            return container.getMappedPort(3306);
        }

        @Override
        public String user() {
            return "root";
        }

        @Override
        public String password() {
            return Containers.PASSWORD;
        }

        @Override
        public void close() {
            container.stop();
        }
    }
}
