package dev.mysqlslice.daemon.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mysqlslice.config.Role;
import dev.mysqlslice.daemon.dirty.DirtyTracker;
import dev.mysqlslice.daemon.dirty.TableChange;
import dev.mysqlslice.daemon.testing.RunningDaemon;
import dev.mysqlslice.jdbc.Connector;
import dev.mysqlslice.jdbc.Session;
import dev.mysqlslice.model.Key;
import dev.mysqlslice.model.KeyRange;
import dev.mysqlslice.model.TablePlan;
import dev.mysqlslice.schema.SchemaReader;
import dev.mysqlslice.testing.RealServers;
import dev.mysqlslice.testing.ServerPair;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The source writes a transaction to the binlog a moment before it commits it; a cycle must not
 * read in that moment. The barrier waits for in-flight commits of the changed rows.
 */
@ExtendWith(RealServers.class)
class VisibilityBarrierIT {

    @Test
    void theBarrierWaitsForTheCommitOfAChangedRow(ServerPair servers) throws Exception {
        servers.source().execute("CREATE TABLE t (id INT PRIMARY KEY, v INT)", "INSERT INTO t VALUES (1, 1), (2, 2)");
        TablePlan plan = plan(servers);
        try (Connection writer = servers.source().connect(); Statement statement = writer.createStatement();
             Session source = Session.open(new Connector(), servers.endpoint(Role.SOURCE))) {
            writer.setAutoCommit(false);
            statement.executeUpdate("UPDATE t SET v = 10 WHERE id = 1");
            Thread committer = new Thread(() -> {
                try {
                    Thread.sleep(700);
                    writer.commit();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            long start = System.nanoTime();
            committer.start();
            new VisibilityBarrier().await(source, Map.of("t", new TableChange.Ranges(List.of(KeyRange.single(Key.of(1L))))),
                    Map.of("t", plan), Optional.empty());
            long waited = (System.nanoTime() - start) / 1_000_000;
            committer.join();

            assertThat(waited).isGreaterThanOrEqualTo(600);
            assertThat(source.queryText("SELECT v FROM t WHERE id = 1", "reading")).contains("10");
            // The last-row barrier covers whole-table changes the same way, and holds nothing afterwards.
            new VisibilityBarrier().await(source, Map.of("t", new TableChange.Whole()), Map.of("t", plan),
                    Optional.of(new DirtyTracker.LastRow("t", Key.of(2L))));
            try (PreparedStatement update = writer.prepareStatement("UPDATE t SET v = 20 WHERE id = 2")) {
                update.executeUpdate();
                writer.commit();
            }
        }
    }

    @Test
    void thousandsOfRapidSingleRowCommitsAllArrive(ServerPair servers) throws Exception {
        for (var database : List.of(servers.source(), servers.target())) {
            database.execute("CREATE TABLE marks (id INT AUTO_INCREMENT PRIMARY KEY, at DATETIME(6))");
        }
        try (RunningDaemon daemon = RunningDaemon.start(servers, "tables:\n  marks: general\n")) {
            daemon.awaitIdentical(servers, DaemonIT.CONVERGE, "marks");
            try (Connection writer = servers.source().connect();
                 PreparedStatement insert = writer.prepareStatement("INSERT INTO marks (at) VALUES (NOW(6))")) {
                for (int i = 0; i < 3000; i++) {
                    insert.executeUpdate();
                }
            }
            daemon.awaitIdentical(servers, Duration.ofSeconds(30), "marks");
            assertThat(servers.target().count("marks")).isEqualTo(3000);
        }
    }

    private static TablePlan plan(ServerPair servers) {
        try (Session source = Session.open(new Connector(), servers.endpoint(Role.SOURCE))) {
            var shape = new SchemaReader().read(source).shape("t", List.of()).shape().orElseThrow();
            return TablePlan.of(dev.mysqlslice.config.TableConfig.withDefaults("t", dev.mysqlslice.config.Defaults.standard()),
                    shape);
        }
    }
}
