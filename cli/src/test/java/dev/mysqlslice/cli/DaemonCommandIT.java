package dev.mysqlslice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mysqlslice.testing.Eventually;
import dev.mysqlslice.testing.RealServers;
import dev.mysqlslice.testing.Series;
import dev.mysqlslice.testing.ServerPair;
import dev.mysqlslice.testing.TableContents;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The daemon as users run it: the real jar, signals, kill -9, status and run-once catch-up. */
@ExtendWith(RealServers.class)
class DaemonCommandIT {

    private static final String TABLES = "tables:\n  big:\n    strategy: general\n    chunk-rows: 200\n";

    @TempDir
    Path dir;

    @Test
    void killMinus9DuringACycleLosesNothingAndSigtermStopsCleanly(ServerPair servers) throws Exception {
        String create = "CREATE TABLE big (id INT PRIMARY KEY, a INT, b VARCHAR(40))";
        servers.source().execute(create, "INSERT INTO big SELECT seq, seq, MD5(seq) FROM " + Series.of(100000));
        servers.target().execute(create);
        String config = CliRun.config(dir, servers.yaml(TABLES)).toString();

        JarProcess first = JarProcess.start(dir, servers.passwordEnvironment(), "daemon", "--config", config);
        await(() -> identical(servers), first, "the first full sync");
        servers.source().execute("UPDATE big SET a = -a WHERE id % 2 = 0");
        await(() -> Long.parseLong(servers.target().value("SELECT COUNT(*) FROM big WHERE a < 0")) > 0, first,
                "a cycle repairing the update");
        first.kill();

        servers.source().execute("DELETE FROM big WHERE id % 7 = 0", "INSERT INTO big VALUES (200000, 1, 'after kill')");
        JarProcess second = JarProcess.start(dir, servers.passwordEnvironment(), "daemon", "--config", config);
        await(() -> identical(servers), second, "convergence after kill -9");

        CliRun status = CliRun.run(servers.passwordEnvironment(), "status", "--json", "--config", config);
        JsonNode json = new ObjectMapper().readTree(status.out());
        assertThat(json.get("running").asBoolean()).isTrue();
        assertThat(json.get("secondsBehind").asLong()).isZero();
        assertThat(json.get("fullSyncs").asLong()).as("no full sync after kill -9: the checkpoint was usable").isZero();

        second.terminate();
        assertThat(second.await(60)).as(second.output()).isZero();
        assertThat(second.output()).contains("stopped at");
        assertThat(CliRun.run(servers.passwordEnvironment(), "status", "--config", config).out())
                .contains("daemon:            not running", "seconds behind:    0", "stopped tables:    none");
    }

    @Test
    void runOnceCatchUpFromCron(ServerPair servers) {
        String create = "CREATE TABLE big (id INT PRIMARY KEY, a INT, b VARCHAR(40))";
        servers.source().execute(create, "INSERT INTO big SELECT seq, seq, MD5(seq) FROM " + Series.of(1000));
        servers.target().execute(create);
        String config = CliRun.config(dir, servers.yaml(TABLES)).toString();

        CliRun first = CliRun.run(servers.passwordEnvironment(), "sync", "--incremental", "--config", config);
        servers.source().execute("UPDATE big SET b = 'cron' WHERE id = 10");
        CliRun second = CliRun.run(servers.passwordEnvironment(), "sync", "--incremental", "--config", config);

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).contains("caught up to", "1,000 inserted", "after a full sync (there is no checkpoint yet)");
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out()).contains("0 inserted, 1 updated, 0 deleted").doesNotContain("full sync");
        assertThat(identical(servers)).isTrue();
    }

    private static boolean identical(ServerPair servers) {
        return TableContents.of(servers.target(), "big").equals(TableContents.of(servers.source(), "big"));
    }

    private static void await(BooleanSupplier condition, JarProcess daemon, String what) throws InterruptedException {
        Eventually.await(condition, what, Duration.ofSeconds(60),
                () -> assertThat(daemon.isAlive()).as("daemon died waiting for " + what + ": " + daemon.output()).isTrue());
    }
}
