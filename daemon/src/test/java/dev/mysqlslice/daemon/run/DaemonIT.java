package dev.mysqlslice.daemon.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mysqlslice.daemon.testing.RunningDaemon;
import dev.mysqlslice.testing.RealServers;
import dev.mysqlslice.testing.Series;
import dev.mysqlslice.testing.ServerPair;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealServers.class)
class DaemonIT {

    static final String TABLES = """
            tables:
              bar:
                strategy: general
                chunk-rows: 100
              baz: append-only
              foo_ref:
                strategy: slice
                where: "kind = 'keep'"
                follow:
                  - foo_ref.token_id -> foo_tokens.id
            """;
    static final Duration CONVERGE = Duration.ofSeconds(20);

    static void createTables(ServerPair servers) {
        for (var database : java.util.List.of(servers.source(), servers.target())) {
            database.execute("CREATE TABLE bar (id INT PRIMARY KEY, v VARCHAR(20), n INT NULL)",
                    "CREATE TABLE baz (id BIGINT UNSIGNED PRIMARY KEY, body TEXT)",
                    "CREATE TABLE foo_tokens (id INT PRIMARY KEY, token VARCHAR(10))",
                    "CREATE TABLE foo_ref (id INT PRIMARY KEY, token_id INT, kind VARCHAR(4))");
        }
        servers.source().execute("INSERT INTO bar SELECT seq, CONCAT('v', seq), seq FROM " + Series.of(5000),
                "INSERT INTO baz SELECT seq, REPEAT('x', seq % 50) FROM " + Series.of(2000),
                "INSERT INTO foo_tokens SELECT seq, CONCAT('t', seq) FROM " + Series.of(100),
                "INSERT INTO foo_ref SELECT seq, seq, IF(seq % 2, 'keep', 'drop') FROM " + Series.of(100));
    }

    /** Asserts that every table has the same rows on both servers now. */
    static void assertIdentical(ServerPair servers, String... tables) {
        for (String table : tables) {
            assertThat(dev.mysqlslice.testing.TableContents.of(servers.target(), table)).as(table)
                    .isEqualTo(dev.mysqlslice.testing.TableContents.of(servers.source(), table));
        }
    }

    @Test
    void followsInsertsUpdatesAndDeletesAndResumesFromItsCheckpoint(ServerPair servers) {
        createTables(servers);
        try (RunningDaemon daemon = RunningDaemon.start(servers, TABLES)) {
            daemon.awaitIdentical(servers, CONVERGE, "bar", "baz");
            assertThat(daemon.daemon().metrics().fullSyncs()).isEqualTo(1);
            long hashedAfterFullSync = daemon.daemon().metrics().rowsHashed();

            servers.source().execute("UPDATE bar SET v = 'changed' WHERE id IN (1, 2500, 5000)",
                    "DELETE FROM bar WHERE id = 77", "INSERT INTO bar VALUES (6000, 'new', NULL)",
                    "INSERT INTO baz SELECT 2000 + seq, 'appended' FROM " + Series.of(10),
                    "UPDATE foo_tokens SET token = 'rotated' WHERE id = 1");
            servers.source().execute("START TRANSACTION",
                    "INSERT INTO bar SELECT 10000 + seq, 'bulk', seq FROM " + Series.of(50000),
                    "UPDATE bar SET n = -n WHERE id BETWEEN 100 AND 200", "COMMIT");
            daemon.awaitIdentical(servers, CONVERGE, "bar", "baz");
            daemon.await(() -> "rotated".equals(servers.target().value("SELECT token FROM foo_tokens WHERE id = 1")),
                    CONVERGE, "the slice picking up the rotated token");
            assertThat(servers.target().count("foo_ref")).isEqualTo(50);

            assertThat(daemon.daemon().metrics().fullSyncs()).isEqualTo(1);
            // Only dirty ranges were compared: nothing was hashed by range since the full sync.
            assertThat(daemon.daemon().metrics().rowsHashed() - hashedAfterFullSync).isLessThan(60_000 * 2);
            daemon.stop();
        }
        servers.source().execute("UPDATE bar SET v = 'while stopped' WHERE id = 3", "DELETE FROM baz WHERE id = 1");
        servers.source().execute("CREATE TABLE untracked (id INT PRIMARY KEY)");
        try (RunningDaemon daemon = RunningDaemon.start(servers, TABLES)) {
            daemon.awaitIdentical(servers, CONVERGE, "bar");
            assertThat(daemon.daemon().metrics().fullSyncs()).isZero();
            assertThat(servers.target().value("SELECT v FROM bar WHERE id = 3")).isEqualTo("while stopped");

            // Writes to tables nobody tracks still move the checkpoint forward (within a heartbeat).
            servers.source().execute("INSERT INTO untracked SELECT seq FROM " + Series.of(100));
            String end = servers.source().binlogStatus().get(1);
            daemon.await(() -> end.equals(servers.target().value("SELECT binlog_position FROM mysqlslice_checkpoint")),
                    DaemonIT.CONVERGE, "the checkpoint reaching the end of the binlog");
        }
    }

    @Test
    void manyScatteredChangesCoarsenToRangesThatAreComparedByHashNotListedWhole(ServerPair servers) {
        createTables(servers);
        servers.source().execute("INSERT INTO bar SELECT 100000 + seq, 'more', seq FROM " + Series.of(195000));
        try (RunningDaemon daemon = RunningDaemon.start(servers, TABLES)) {
            daemon.awaitIdentical(servers, CONVERGE, "bar");
            long listed = daemon.daemon().metrics().rowsListed();
            long ranges = daemon.daemon().metrics().rangesHashed();

            servers.source().execute("UPDATE bar SET n = -n WHERE id % 10 = 3");
            daemon.awaitIdentical(servers, CONVERGE, "bar");

            // 20,000 changed keys are more than the tracker keeps exactly: they became ranges, compared by hash
            // (narrowed to leaves) rather than listed wholesale in one batch.
            assertThat(daemon.daemon().metrics().rangesHashed()).isGreaterThan(ranges);
            assertThat(daemon.daemon().metrics().rowsListed() - listed).isLessThan(2 * 400_000);
        }
    }
}
