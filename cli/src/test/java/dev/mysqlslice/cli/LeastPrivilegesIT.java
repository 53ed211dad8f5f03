package dev.mysqlslice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mysqlslice.testing.RealServers;
import dev.mysqlslice.testing.Series;
import dev.mysqlslice.testing.ServerPair;
import dev.mysqlslice.testing.TestDatabase;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The grants the README documents are enough for every command and strategy. */
@ExtendWith(RealServers.class)
class LeastPrivilegesIT {

    static final String SOURCE_GRANTS = "SELECT, LOCK TABLES ON `%s`.*|REPLICATION SLAVE, REPLICATION CLIENT ON *.*";
    static final String TARGET_GRANTS = "SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, ALTER, CREATE TEMPORARY TABLES ON `%s`.*";

    @TempDir
    Path dir;

    @Test
    void theDocumentedGrantsAreEnoughForEveryCommand(ServerPair servers) {
        servers.source().execute("CREATE TABLE bar (id INT PRIMARY KEY, v VARCHAR(20))",
                "CREATE TABLE baz (id INT PRIMARY KEY, v VARCHAR(20))",
                "CREATE TABLE tokens (id INT PRIMARY KEY, token VARCHAR(10))",
                "CREATE TABLE refs (id INT PRIMARY KEY, token_id INT, kind VARCHAR(4))",
                "INSERT INTO bar SELECT seq, seq FROM " + Series.of(300), "INSERT INTO baz SELECT seq, seq FROM " + Series.of(300),
                "INSERT INTO tokens SELECT seq, seq FROM " + Series.of(20),
                "INSERT INTO refs SELECT seq, seq, IF(seq % 2, 'keep', 'drop') FROM " + Series.of(20));
        grant(servers.source(), "ms_least_src", SOURCE_GRANTS);
        grant(servers.target(), "ms_least_tgt", TARGET_GRANTS);
        String yaml = servers.yaml("""
                tables:
                  bar:
                    strategy: general
                    chunk-rows: 50
                  baz: append-only
                  refs:
                    strategy: slice
                    where: "kind = 'keep'"
                    follow:
                      - refs.token_id -> tokens.id
                """);
        yaml = yaml.replaceFirst("(source:\\n(?:  .*\\n)*?)  user: \\S+", "$1  user: ms_least_src")
                .replaceFirst("(target:\\n(?:  .*\\n)*?)  user: \\S+", "$1  user: ms_least_tgt");
        String config = CliRun.config(dir, yaml).toString();
        Map<String, String> environment = Map.of(servers.source().passwordEnv(), "Least-Pw-1",
                servers.target().passwordEnv(), "Least-Pw-1");

        assertThat(run(environment, "schema", "pull", "--config", config).exitCode()).isZero();
        assertThat(run(environment, "sync", "--config", config).exitCode()).isZero();
        assertThat(run(environment, "sync", "--incremental", "--config", config).exitCode()).isZero();
        servers.source().execute("UPDATE bar SET v = 'x' WHERE id = 3", "INSERT INTO baz VALUES (301, 'new')",
                "UPDATE tokens SET token = 'rotated' WHERE id = 1");
        assertThat(run(environment, "sync", "--dry-run", "--config", config).exitCode()).isEqualTo(ExitCodes.DIFFERENCES);
        assertThat(run(environment, "sync", "--incremental", "--config", config).exitCode()).isZero();
        assertThat(run(environment, "verify", "--config", config).exitCode()).isZero();
        assertThat(run(environment, "status", "--config", config).exitCode()).isZero();
    }

    private static CliRun run(Map<String, String> environment, String... args) {
        CliRun run = CliRun.run(environment, args);
        assertThat(run.exitCode()).as(String.join(" ", args) + ": " + run).isIn(0, ExitCodes.DIFFERENCES);
        return run;
    }

    private static void grant(TestDatabase database, String user, String grants) {
        for (String host : new String[] {"127.0.0.1", "localhost"}) {
            String account = "'" + user + "'@'" + host + "'";
            database.executeUnlogged("DROP USER IF EXISTS " + account,
                    "CREATE USER " + account + " IDENTIFIED BY 'Least-Pw-1'");
            for (String grant : grants.formatted(database.name()).split("\\|")) {
                database.executeUnlogged("GRANT " + grant + " TO " + account);
            }
        }
    }
}
