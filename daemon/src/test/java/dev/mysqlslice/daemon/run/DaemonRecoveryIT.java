package dev.mysqlslice.daemon.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mysqlslice.daemon.testing.RunningDaemon;
import dev.mysqlslice.error.Failure;
import dev.mysqlslice.error.MysqlsliceException;
import dev.mysqlslice.sandbox.LocalServer;
import dev.mysqlslice.testing.RealServers;
import dev.mysqlslice.testing.ServerPair;
import dev.mysqlslice.testing.TestServers;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Gaps, restarts and shape changes: the daemon falls back, reconnects, stops one table and resumes. */
@ExtendWith(RealServers.class)
class DaemonRecoveryIT {

    private static final String TABLES = "tables:\n  bar:\n    strategy: general\n    chunk-rows: 100\n  baz: append-only\n";

    @Test
    void aPurgedCheckpointIsReportedAndFollowedByAFullSyncThenTailing(ServerPair servers) throws Exception {
        DaemonIT.createTables(servers);
        try (RunningDaemon daemon = RunningDaemon.start(servers, TABLES)) {
            daemon.awaitIdentical(servers, DaemonIT.CONVERGE, "bar", "baz");
        }
        servers.source().execute("UPDATE bar SET v = 'during the gap' WHERE id BETWEEN 10 AND 20",
                "DELETE FROM bar WHERE id = 4000");
        purgeAllBinlogs(servers);

        try (RunningDaemon daemon = RunningDaemon.start(servers, TABLES)) {
            daemon.awaitIdentical(servers, DaemonIT.CONVERGE, "bar", "baz");
            assertThat(daemon.daemon().metrics().fullSyncs()).isEqualTo(1);

            servers.source().execute("UPDATE bar SET v = 'after the gap' WHERE id = 1");
            daemon.awaitIdentical(servers, DaemonIT.CONVERGE, "bar");
            assertThat(daemon.daemon().metrics().fullSyncs()).isEqualTo(1);
        }
    }

    @Test
    void aSourceRestartIsSurvivedByReconnecting(ServerPair servers, TestServers testServers) {
        LocalServer source = testServers.sandbox().orElseThrow(() -> new IllegalStateException(
                "this test restarts the source and needs local test servers")).source();
        DaemonIT.createTables(servers);
        try (RunningDaemon daemon = RunningDaemon.start(servers, TABLES)) {
            daemon.awaitIdentical(servers, DaemonIT.CONVERGE, "bar", "baz");
            source.stop();
            source.start();
            servers.source().execute("UPDATE bar SET v = 'after restart' WHERE id = 9", "INSERT INTO baz VALUES (9999, 'x')");

            daemon.awaitIdentical(servers, Duration.ofSeconds(40), "bar", "baz");
            assertThat(daemon.daemon().metrics().reconnects()).isPositive();
            assertThat(daemon.daemon().metrics().fullSyncs()).isEqualTo(1);
        }
    }

    @Test
    void losingThePositionWhileRunningFallsBackToAFullSyncWithoutARestart(ServerPair servers, TestServers testServers)
            throws Exception {
        LocalServer source = testServers.sandbox().orElseThrow(() -> new IllegalStateException(
                "this test wipes the source binlog and needs local test servers")).source();
        DaemonIT.createTables(servers);
        try (RunningDaemon daemon = RunningDaemon.start(servers, TABLES)) {
            daemon.awaitIdentical(servers, DaemonIT.CONVERGE, "bar", "baz");
            source.stop();
            try (var files = java.nio.file.Files.list(source.dir().resolve("binlog"))) {
                for (java.nio.file.Path file : files.toList()) {
                    java.nio.file.Files.delete(file);
                }
            }
            source.start();
            servers.source().execute("UPDATE bar SET v = 'after the wipe' WHERE id = 8");

            daemon.await(() -> daemon.daemon().metrics().fullSyncs() == 2, Duration.ofSeconds(40), "a second full sync");
            daemon.awaitIdentical(servers, DaemonIT.CONVERGE, "bar", "baz");
            servers.source().execute("UPDATE bar SET v = 'tailing again' WHERE id = 9");
            daemon.awaitIdentical(servers, DaemonIT.CONVERGE, "bar");
            assertThat(daemon.daemon().metrics().fullSyncs()).isEqualTo(2);
        }
    }

    @Test
    void aSourceWithAnotherIdentityThatHoldsTheCheckpointsGtidsContinuesWithoutAFullSync(ServerPair servers) {
        DaemonIT.createTables(servers);
        assertThat(RunningDaemon.create(servers, TABLES).run(Daemon.Mode.CATCH_UP).fullSync()).isTrue();
        // A failover to another server of the topology: a new server id, the same GTID history.
        String serverId = servers.source().value("SELECT @@GLOBAL.server_id");
        servers.source().execute("SET GLOBAL server_id = 7");
        try {
            servers.source().execute("UPDATE bar SET v = 'after failover' WHERE id = 12");
            Daemon after = RunningDaemon.create(servers, TABLES);
            assertThat(after.run(Daemon.Mode.CATCH_UP).fullSync()).isFalse();
            DaemonIT.assertIdentical(servers, "bar", "baz");
            // The checkpoint now belongs to the new server.
            assertThat(servers.target().value("SELECT source_server_id FROM mysqlslice_checkpoint")).isEqualTo("7");
        } finally {
            servers.source().execute("SET GLOBAL server_id = " + serverId);
        }
        // By file and position, another server's positions mean nothing: a full sync.
        servers.source().execute("SET GLOBAL server_id = 8");
        try {
            assertThat(RunningDaemon.create(servers, "daemon:\n  position: file\n" + TABLES).run(Daemon.Mode.CATCH_UP)
                    .fullSyncReason()).contains("the source server changed");
        } finally {
            servers.source().execute("SET GLOBAL server_id = " + serverId);
        }
    }

    @Test
    void anAlterOnTheSourceStopsThatTableOnlyUntilTheTargetMatches(ServerPair servers) {
        DaemonIT.createTables(servers);
        try (RunningDaemon daemon = RunningDaemon.start(servers, TABLES)) {
            daemon.awaitIdentical(servers, DaemonIT.CONVERGE, "bar", "baz");

            servers.source().execute("ALTER TABLE bar ADD COLUMN extra INT NULL", "UPDATE bar SET extra = 1 WHERE id = 5",
                    "INSERT INTO baz VALUES (5000, 'still syncing')");
            daemon.await(() -> daemon.daemon().metrics().stoppedTables().containsKey("bar"), DaemonIT.CONVERGE,
                    "bar being stopped");
            daemon.awaitIdentical(servers, DaemonIT.CONVERGE, "baz");
            assertThat(daemon.daemon().metrics().stoppedTables().get("bar")).contains("column `extra` is missing on the target");

            servers.target().execute("ALTER TABLE bar ADD COLUMN extra INT NULL");
            daemon.awaitIdentical(servers, DaemonIT.CONVERGE, "bar", "baz");
            assertThat(daemon.daemon().metrics().stoppedTables()).isEmpty();
        }
    }

    @Test
    void aStatementFormatBinlogIsRefusedWithTheFix(ServerPair servers) {
        DaemonIT.createTables(servers);
        servers.source().execute("SET GLOBAL binlog_format = 'STATEMENT'");
        try {
            assertThatThrownBy(() -> RunningDaemon.create(servers, TABLES).run(Daemon.Mode.FOREVER))
                    .isInstanceOfSatisfying(MysqlsliceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BINLOG))
                    .hasMessageContaining("binlog_format is STATEMENT; the daemon needs ROW. Set binlog_format=ROW");
        } finally {
            servers.source().execute("SET GLOBAL binlog_format = 'ROW'");
        }
        assertThat(servers.target().count("bar")).isZero();
    }

    @Test
    void anAccountWithoutReplicationGrantsIsRefusedBeforeAnythingIsWritten(ServerPair servers) {
        DaemonIT.createTables(servers);
        servers.source().executeUnlogged("CREATE USER IF NOT EXISTS 'noreplica'@'127.0.0.1' IDENTIFIED BY 'No-Repl-1'",
                "GRANT SELECT ON `" + servers.source().name() + "`.* TO 'noreplica'@'127.0.0.1'");
        String yaml = servers.yaml(TABLES).replaceFirst("user: \\S+", "user: noreplica");
        dev.mysqlslice.config.Config config = new dev.mysqlslice.config.ConfigLoader().parse(yaml, java.util.Optional.empty(),
                dev.mysqlslice.config.EndpointOverrides.none(), dev.mysqlslice.config.EndpointOverrides.none());
        assertThat(config.source().user()).isEqualTo("noreplica");

        assertThatThrownBy(() -> RunningDaemon.create(servers.withSourceUser("noreplica", "No-Repl-1"), TABLES)
                .run(Daemon.Mode.FOREVER))
                .isInstanceOfSatisfying(MysqlsliceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BINLOG))
                .hasMessageContaining("REPLICATION");
        assertThat(servers.target().count("bar")).isZero();
    }

    static void purgeAllBinlogs(ServerPair servers) throws InterruptedException {
        servers.source().execute("FLUSH BINARY LOGS");
        String current = servers.source().binlogStatus().get(0);
        for (int attempt = 0; attempt < 100; attempt++) {
            servers.source().execute("PURGE BINARY LOGS TO '" + current + "'");
            List<List<String>> logs = servers.source().rows("SHOW BINARY LOGS");
            if (logs.size() == 1) {
                return;
            }
            Thread.sleep(100);
            servers.source().execute("FLUSH BINARY LOGS");
            current = servers.source().binlogStatus().get(0);
        }
        throw new IllegalStateException("the source kept its old binlogs: " + servers.source().rows("SHOW BINARY LOGS"));
    }
}
