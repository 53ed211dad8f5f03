package dev.mysqlslice.daemon.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mysqlslice.config.Role;
import dev.mysqlslice.daemon.checkpoint.CheckpointStore;
import dev.mysqlslice.daemon.testing.RunningDaemon;
import dev.mysqlslice.error.Failure;
import dev.mysqlslice.error.MysqlsliceException;
import dev.mysqlslice.jdbc.Connector;
import dev.mysqlslice.jdbc.Session;
import dev.mysqlslice.sandbox.LocalServer;
import dev.mysqlslice.testing.RealServers;
import dev.mysqlslice.testing.ServerPair;
import dev.mysqlslice.testing.TestServers;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A daemon left alone: it reconnects after a source restart (idle or under load), lets other
 * tables through while one table's rows are locked, refuses a twin on its checkpoint, and says it
 * is running while idle.
 */
@ExtendWith(RealServers.class)
class DaemonOperationsIT {

    private static final String TABLES = ChangeFormsIT.TABLES;

    private static LocalServer source(TestServers servers) {
        return servers.sandbox().orElseThrow(() -> new IllegalStateException("this test restarts the source and needs"
                + " local test servers")).source();
    }

    @Test
    void anIdleDaemonReconnectsAfterASourceRestartThatOutlastsItsFirstRetry(ServerPair servers, TestServers testServers) {
        ChangeFormsIT.createTables(servers);
        try (RunningDaemon daemon = RunningDaemon.start(servers, TABLES)) {
            daemon.awaitIdentical(servers, DaemonIT.CONVERGE, "acct", "note");
            RunningDaemon.sleep(1500);
            source(testServers).stop();
            RunningDaemon.sleep(3000);
            source(testServers).start();
            servers.source().execute("INSERT INTO note VALUES (5000, 'after an idle restart')");

            daemon.awaitIdentical(servers, Duration.ofSeconds(40), "acct", "note");
            assertThat(daemon.daemon().metrics().reconnects()).isPositive();
            assertThat(daemon.daemon().metrics().fullSyncs()).isEqualTo(1);
            daemon.await(() -> daemon.daemon().metrics().lagMillis(System.currentTimeMillis()) == 0,
                    DaemonIT.CONVERGE, "the lag going back to 0");
            // status agrees once the next checkpoint is written (the source's binlog is now in a new file).
            RunningDaemon.sleep(2500);
            assertThat(status(servers).secondsBehind()).isZero();
        }
    }

    @Test
    void aBinlogConnectionThatGoesSilentIsTakenForDeadAndOpenedAgain(ServerPair servers, TestServers testServers) {
        ChangeFormsIT.createTables(servers);
        try (RunningDaemon daemon = RunningDaemon.start(servers, TABLES)) {
            daemon.awaitIdentical(servers, DaemonIT.CONVERGE, "acct", "note");
            // A frozen server keeps its connections open and sends nothing, like a dead network path.
            source(testServers).freeze(true);
            try {
                daemon.await(() -> !daemon.daemon().metrics().isTailing(), Duration.ofSeconds(20),
                        "the daemon noticing the silent binlog connection");
            } finally {
                source(testServers).freeze(false);
            }
            servers.source().execute("INSERT INTO note VALUES (5001, 'after the silence')");
            daemon.awaitIdentical(servers, Duration.ofSeconds(40), "note");
            assertThat(daemon.daemon().metrics().reconnects()).isPositive();
        }
    }

    @Test
    void aDaemonUnderLoadReconnectsAfterASourceRestartAndLosesNothing(ServerPair servers, TestServers testServers)
            throws Exception {
        ChangeFormsIT.createTables(servers);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger written = new AtomicInteger();
        try (RunningDaemon daemon = RunningDaemon.start(servers, TABLES)) {
            daemon.awaitIdentical(servers, DaemonIT.CONVERGE, "acct", "note");
            Thread writer = new Thread(() -> {
                int id = 10_000;
                while (writing.get()) {
                    try {
                        servers.source().execute("INSERT INTO note VALUES (" + id + ", 'load')",
                                "UPDATE acct SET balance = balance + 1 WHERE id = " + (1 + id % 500));
                        id++;
                        written.incrementAndGet();
                    } catch (IllegalStateException e) {
                        RunningDaemon.sleep(200);
                    }
                }
            }, "writer");
            writer.start();
            RunningDaemon.sleep(1000);
            source(testServers).stop();
            RunningDaemon.sleep(2000);
            source(testServers).start();
            RunningDaemon.sleep(2000);
            writing.set(false);
            writer.join();

            daemon.awaitIdentical(servers, Duration.ofSeconds(40), "acct", "note");
            assertThat(written.get()).isPositive();
            assertThat(daemon.daemon().metrics().reconnects()).isPositive();
        }
    }

    @Test
    void oneTablesLockedRowsDoNotHoldBackTheOtherTables(ServerPair servers) throws Exception {
        ChangeFormsIT.createTables(servers);
        String yaml = "daemon:\n  min-cycle-gap-ms: 1500\n" + TABLES;
        try (RunningDaemon daemon = RunningDaemon.start(servers, yaml);
             Connection holder = servers.source().connect(); Statement locking = holder.createStatement()) {
            daemon.awaitIdentical(servers, DaemonIT.CONVERGE, "acct", "note");
            // A cycle starts now; the next one waits for the gap, long enough for the lock to be taken first.
            servers.source().execute("UPDATE note SET body = 'start a cycle' WHERE id = 1");
            servers.source().execute("UPDATE acct SET owner = 'committed' WHERE id = 5");
            holder.setAutoCommit(false);
            locking.executeQuery("SELECT * FROM acct WHERE id = 5 FOR UPDATE").close();
            servers.source().execute("UPDATE note SET body = 'other table' WHERE id = 2");

            daemon.await(() -> "other table".equals(servers.target().value("SELECT body FROM note WHERE id = 2")),
                    Duration.ofSeconds(8), "the other table's change arriving while acct's row is locked");
            assertThat(servers.target().value("SELECT owner FROM acct WHERE id = 5")).isEqualTo("owner-5");

            holder.rollback();
            daemon.await(() -> "committed".equals(servers.target().value("SELECT owner FROM acct WHERE id = 5")),
                    DaemonIT.CONVERGE, "the locked row's change once the lock is gone");
        }
    }

    @Test
    @Timeout(120)
    void aSecondDaemonOnTheSameCheckpointIsRefusedAndTheFirstKeepsSyncing(ServerPair servers) {
        ChangeFormsIT.createTables(servers);
        try (RunningDaemon first = RunningDaemon.start(servers, TABLES)) {
            first.awaitIdentical(servers, DaemonIT.CONVERGE, "acct", "note");

            assertThatThrownBy(() -> RunningDaemon.create(servers, TABLES).run(Daemon.Mode.FOREVER))
                    .isInstanceOfSatisfying(MysqlsliceException.class,
                            e -> assertThat(e.failure()).isEqualTo(Failure.ANOTHER_WRITER))
                    .hasMessageContaining("another daemon or `sync --incremental` is running on checkpoint 'default' of"
                            + " target database " + servers.target().name())
                    .hasMessageContaining("give this one its own daemon.checkpoint-name");
            assertThatThrownBy(() -> RunningDaemon.create(servers, "daemon:\n  server-id: 65222\n" + TABLES)
                    .run(Daemon.Mode.CATCH_UP)).hasMessageContaining("is running on checkpoint 'default'");

            servers.source().execute("UPDATE note SET body = 'first still syncing' WHERE id = 3");
            first.awaitIdentical(servers, DaemonIT.CONVERGE, "note");
        }
    }

    @Test
    void aServerIdTakenByAnotherReplicaIsReportedAsTheSettingToChange(ServerPair servers) {
        ChangeFormsIT.createTables(servers);
        try (RunningDaemon first = RunningDaemon.start(servers, TABLES)) {
            first.awaitIdentical(servers, DaemonIT.CONVERGE, "acct", "note");
            try (RunningDaemon second = RunningDaemon.start(servers, "daemon:\n  checkpoint-name: other\n" + TABLES)) {
                // The source keeps one stream per server id: one of the two (MariaDB: the older) is told why.
                java.time.Instant deadline = java.time.Instant.now().plus(DaemonIT.CONVERGE);
                while (first.failure().isEmpty() && second.failure().isEmpty()) {
                    assertThat(java.time.Instant.now()).as("one of the daemons failing").isBefore(deadline);
                    RunningDaemon.sleep(50);
                }
                Throwable failure = first.failure().or(second::failure).orElseThrow();
                assertThat(failure).isInstanceOfSatisfying(MysqlsliceException.class,
                        e -> assertThat(e.failure()).isEqualTo(Failure.CONFIG))
                        .hasMessageStartingWith("daemon.server-id 65111 is taken: another replica (or another mysqlslice"
                                + " daemon) connected to the source with the same server id")
                        .hasMessageContaining("give each daemon its own daemon.server-id");
            }
        }
    }

    @Test
    void anIdleDaemonKeepsItsCheckpointFreshSoStatusSaysRunning(ServerPair servers) {
        ChangeFormsIT.createTables(servers);
        try (RunningDaemon daemon = RunningDaemon.start(servers, TABLES)) {
            daemon.awaitIdentical(servers, DaemonIT.CONVERGE, "acct", "note");
            RunningDaemon.sleep(12_000);

            DaemonReport report = status(servers);
            assertThat(report.running()).isTrue();
            assertThat(report.secondsBehind()).isZero();
        }
        assertThat(status(servers).running()).isFalse();
    }

    private static DaemonReport status(ServerPair servers) {
        StatusReader reader = new StatusReader(new CheckpointStore(), new StartPlanner(
                new dev.mysqlslice.daemon.binlog.BinlogInspector(), new CheckpointStore()));
        try (Session source = Session.open(new Connector(), servers.endpoint(Role.SOURCE));
             Session target = Session.open(new Connector(), servers.endpoint(Role.TARGET))) {
            return reader.read(source, target, servers.config(TABLES).daemon());
        }
    }
}
