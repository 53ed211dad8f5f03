package dev.mysqlslice.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.mysqlslice.sandbox.LocalServer;
import dev.mysqlslice.sandbox.ServerBinaries;
import dev.mysqlslice.sandbox.ServerSpec;
import dev.mysqlslice.sync.SyncReport;
import dev.mysqlslice.testing.LogCapture;
import dev.mysqlslice.testing.RealServers;
import dev.mysqlslice.testing.Series;
import dev.mysqlslice.testing.ServerAddress;
import dev.mysqlslice.testing.ServerPair;
import dev.mysqlslice.testing.Sync;
import dev.mysqlslice.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replica of the source listed in {@code throttle.replicas} holds a sync back while it does not
 * replicate (stopped: its lag is unknown, so it counts as lagging), and starting it releases the
 * sync. The replica is a throwaway local server replicating from the test source by GTID (it
 * applies nothing: every table is filtered out, it only has to be running and caught up).
 */
@ExtendWith(RealServers.class)
class ReplicaLagIT {

    @TempDir
    Path dir;

    @Test
    void aStoppedReplicaHoldsTheSyncBackAndStartingItReleasesIt(ServerPair servers) throws Exception {
        for (TestDatabase database : List.of(servers.source(), servers.target())) {
            database.execute("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(20))");
        }
        servers.source().execute("INSERT INTO t SELECT seq, CONCAT('v', seq) FROM " + Series.of(500));
        ServerAddress source = servers.source().server();
        LocalServer replica = LocalServer.create(ServerBinaries.require(), new ServerSpec("replica", 3, false, "64M",
                Map.of("replicate-wild-do-table", "mysqlslice_replica_probe.%")), dir.resolve("replica"));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (LogCapture log = LogCapture.of(Throttle.class)) {
            replica.execAsRoot("SET GLOBAL gtid_slave_pos = '" + servers.source().value("SELECT @@GLOBAL.gtid_current_pos")
                    + "'");
            replica.execAsRoot("CHANGE MASTER TO MASTER_HOST = '" + source.host() + "', MASTER_PORT = " + source.port()
                    + ", MASTER_USER = '" + source.user() + "', MASTER_PASSWORD = '" + source.password()
                    + "', MASTER_USE_GTID = slave_pos");
            replica.execAsRoot("START SLAVE");
            await(() -> "0".equals(secondsBehind(replica)), "the replica catching up");
            replica.execAsRoot("STOP SLAVE");
            String yaml = "throttle:\n  max-lag-seconds: 1\n  replicas:\n    - \"h=" + replica.host() + ",P=" + replica.port()
                    + ",u=" + LocalServer.USER + ",p=" + LocalServer.PASSWORD + "\"\ntables:\n  t: general\n";

            Future<SyncReport> sync = pool.submit(() -> Sync.apply(servers, yaml));
            await(() -> log.messages(Level.INFO).stream().anyMatch(message -> message.startsWith(
                    "holding back work on the source: replica " + replica.host() + ":" + replica.port()
                            + " is not replicating")), "the sync holding back");
            Thread.sleep(1500);
            assertThat(sync.isDone()).isFalse();
            assertThat(servers.target().count("t")).isZero();

            replica.execAsRoot("START SLAVE");
            SyncReport report = sync.get(60, TimeUnit.SECONDS);
            assertThat(report.allIdentical()).isTrue();
            assertThat(log.messages(Level.INFO)).anyMatch(message -> message.startsWith("going on after holding back"));
        } finally {
            pool.shutdownNow();
            replica.destroy();
        }
    }

    private static String secondsBehind(LocalServer replica) {
        Properties login = new Properties();
        login.setProperty("user", LocalServer.USER);
        login.setProperty("password", LocalServer.PASSWORD);
        login.setProperty("sslMode", "DISABLED");
        try (Connection connection = DriverManager.getConnection(replica.jdbcUrl(), login);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW SLAVE STATUS")) {
            return rows.next() ? rows.getString("Seconds_Behind_Master") : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(what + " did not happen");
            }
            Thread.sleep(50);
        }
    }
}
