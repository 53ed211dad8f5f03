package dev.mysqlslice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mysqlslice.testing.RealServers;
import dev.mysqlslice.testing.Series;
import dev.mysqlslice.testing.ServerPair;
import dev.mysqlslice.testing.TableContents;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(RealServers.class)
class SyncCommandIT {

    private static final String TABLES = """
            tables:
              foo_ref:
                strategy: slice
                where: "kind = 'keep'"
                follow:
                  - foo_ref.foo_token_id -> foo_tokens.id
              bar:
                strategy: general
                chunk-rows: 15
              baz: append-only
            """;

    @TempDir
    Path dir;

    @Test
    void schemaPullThenSyncThenVerifyWithExitCodesAndASummary(ServerPair servers) {
        servers.source().execute(
                "CREATE TABLE foo_tokens (id INT PRIMARY KEY, token VARCHAR(10))",
                "CREATE TABLE foo_ref (id INT PRIMARY KEY, foo_token_id INT, kind VARCHAR(4),"
                        + " FOREIGN KEY (foo_token_id) REFERENCES foo_tokens (id))",
                "CREATE TABLE bar (id INT PRIMARY KEY, v INT)",
                "CREATE TABLE baz (id INT PRIMARY KEY, v INT)",
                "INSERT INTO foo_tokens SELECT seq, CONCAT('t', seq) FROM " + Series.of(100),
                "INSERT INTO foo_ref SELECT seq, seq, IF(seq % 2, 'keep', 'drop') FROM " + Series.of(100),
                "INSERT INTO bar SELECT seq, seq FROM " + Series.of(1000),
                "INSERT INTO baz SELECT seq, seq FROM " + Series.of(1000));
        String config = CliRun.config(dir, servers.yaml(TABLES)).toString();

        assertThat(CliRun.run(servers.passwordEnvironment(), "schema", "pull", "--config", config).exitCode()).isZero();
        CliRun dryRun = CliRun.run(servers.passwordEnvironment(), "sync", "--dry-run", "--config", config);
        long barRowsAfterDryRun = servers.target().count("bar");
        CliRun sync = CliRun.run(servers.passwordEnvironment(), "pull-slice", "--config", config);
        CliRun verify = CliRun.run(servers.passwordEnvironment(), "verify", "--config", config);

        assertThat(dryRun.exitCode()).as(dryRun.toString()).isEqualTo(ExitCodes.DIFFERENCES);
        assertThat(dryRun.out()).contains("would insert", "dry run: nothing was written");
        assertThat(barRowsAfterDryRun).isZero();
        assertThat(sync.exitCode()).as(sync.toString()).isZero();
        assertThat(sync.out()).contains("table", "strategy", "inserted", "result", "all identical")
                .containsPattern("bar +general .* 1,000 .* identical +copied")
                .containsPattern("foo_tokens +slice .* identical +rebuilt");
        assertThat(verify.exitCode()).as(verify.toString()).isZero();
        assertThat(verify.out()).contains("all identical");

        servers.source().execute("UPDATE bar SET v = -1 WHERE id = 500");
        CliRun differs = CliRun.run(servers.passwordEnvironment(), "verify", "--config", config);

        assertThat(differs.exitCode()).isEqualTo(ExitCodes.DIFFERENCES);
        assertThat(differs.out()).contains("bar", "still different", "differs: 500");
    }

    @Test
    void aShapeMismatchIsExitFiveAndTouchesNothing(ServerPair servers) {
        servers.source().execute("CREATE TABLE bar (id INT PRIMARY KEY, v INT)", "INSERT INTO bar VALUES (1, 1)");
        servers.target().execute("CREATE TABLE bar (id INT PRIMARY KEY, v BIGINT)");
        String config = CliRun.config(dir, servers.yaml("tables:\n  bar: general\n")).toString();

        CliRun run = CliRun.run(servers.passwordEnvironment(), "sync", "--config", config);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.SCHEMA);
        assertThat(run.err().strip()).hasLineCount(1)
                .contains("column `v` is int(11) on the source but bigint(20) on the target", "schema pull --replace --table bar");
        assertThat(servers.target().count("bar")).isZero();
    }

    @Test
    void aTableWithoutKeyIsAConfigErrorSuggestingSlice(ServerPair servers) {
        servers.source().execute("CREATE TABLE logs (msg TEXT)");
        servers.target().execute("CREATE TABLE logs (msg TEXT)");
        String config = CliRun.config(dir, servers.yaml("tables:\n  logs: general\n")).toString();

        CliRun run = CliRun.run(servers.passwordEnvironment(), "sync", "--config", config);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("tables.logs: table logs has no primary key", "use strategy slice");
    }

    @Test
    void killMinus9DuringTheCopyAndDuringRepairsLosesNothing(ServerPair servers) throws Exception {
        String create = "CREATE TABLE big (id BIGINT PRIMARY KEY, a INT, b VARCHAR(64), c TEXT)";
        servers.source().execute(create, "INSERT INTO big SELECT seq, seq % 1000, MD5(seq), REPEAT('x', seq % 200)"
                + " FROM " + Series.of(600000));
        servers.target().execute(create);
        String config = CliRun.config(dir, servers.yaml("defaults:\n  transaction-rows: 5000\ntables:\n"
                + "  big:\n    strategy: general\n    chunk-rows: 200\n")).toString();

        killOnceBusy(servers, config, () -> servers.target().count("big") > 0);
        long copiedBeforeKill = servers.target().count("big");
        assertThat(copiedBeforeKill).isPositive().isLessThan(600_000);

        servers.source().execute("UPDATE big SET a = -a WHERE id % 3 = 0");
        servers.target().execute("DELETE FROM big WHERE id % 11 = 0");
        killOnceBusy(servers, config, () -> Long.parseLong(servers.target().value(
                "SELECT COUNT(*) FROM big WHERE a < 0")) > 0);

        JarProcess finish = JarProcess.start(dir, servers.passwordEnvironment(), "sync", "--config", config);
        assertThat(finish.await(300)).as(finish.output()).isZero();
        assertThat(finish.output()).contains("all identical");
        assertThat(TableContents.of(servers.target(), "big")).isEqualTo(TableContents.of(servers.source(), "big"));
    }

    @Test
    void sigtermSaysHowFarTheSyncGotAndThatRunningItAgainFinishesIt(ServerPair servers) throws Exception {
        String create = "CREATE TABLE big (id BIGINT PRIMARY KEY, b VARCHAR(64))";
        servers.source().execute(create, "INSERT INTO big SELECT seq, MD5(seq) FROM "
                + dev.mysqlslice.testing.Series.of(300_000));
        servers.target().execute(create);
        String config = CliRun.config(dir, servers.yaml("defaults:\n  transaction-rows: 1000\ntables:\n  big: general\n"))
                .toString();
        JarProcess sync = JarProcess.start(dir, servers.passwordEnvironment(), "sync", "--config", config);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (servers.target().count("big") == 0) {
            assertThat(sync.isAlive()).as("sync ended before it could be stopped: " + sync.output()).isTrue();
            assertThat(Instant.now()).isBefore(deadline);
            Thread.sleep(20);
        }
        sync.terminate();

        assertThat(sync.await(60)).as(sync.output()).isEqualTo(143);
        assertThat(sync.output()).contains("mysqlslice: interrupted by SIGTERM with 0 of 1 table(s) done; every table is"
                + " as it was or consistently repaired up to some point", "running the same command again finishes the job");
        JarProcess finish = JarProcess.start(dir, servers.passwordEnvironment(), "sync", "--config", config);
        assertThat(finish.await(300)).as(finish.output()).isZero();
        assertThat(TableContents.of(servers.target(), "big")).isEqualTo(TableContents.of(servers.source(), "big"));
    }

    private void killOnceBusy(ServerPair servers, String config, java.util.function.BooleanSupplier busy) throws Exception {
        JarProcess sync = JarProcess.start(dir, servers.passwordEnvironment(), "sync", "--config", config);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (!busy.getAsBoolean()) {
            assertThat(sync.isAlive()).as("sync ended before it could be killed: " + sync.output()).isTrue();
            assertThat(Instant.now()).isBefore(deadline);
            Thread.sleep(20);
        }
        sync.kill();
        assertThat(List.of(sync.isAlive())).containsExactly(false);
    }
}
