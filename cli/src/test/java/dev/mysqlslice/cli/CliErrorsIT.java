package dev.mysqlslice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mysqlslice.testing.RealServers;
import dev.mysqlslice.testing.ServerPair;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets a one-line error naming the setting and the fix, its own exit code, and no secret. */
@ExtendWith(RealServers.class)
class CliErrorsIT {

    @TempDir
    Path dir;

    @Test
    void aConfigWithThreeMistakesReportsAllThreeAndTouchesNothing(ServerPair servers) {
        Path config = CliRun.config(dir, servers.yaml("""
                tables:
                  bar:
                    strategy: genral
                  baz:
                    chunk-rows: -1
                  qux:
                    strategy: general
                    colour: blue
                """));

        CliRun run = CliRun.run(servers.passwordEnvironment(), "schema", "pull", "--config", config.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("3 config errors in " + config, "tables.bar.strategy: unknown strategy 'genral'",
                "tables.baz.chunk-rows: must be between 1", "tables.qux.colour: unknown key");
        assertThat(servers.target().rows("SHOW TABLES")).isEmpty();
    }

    @Test
    void theCriticalLoadStopsASyncWithItsOwnExitCodeAndABadLoadFlagIsAUsageError(ServerPair servers) {
        for (var database : List.of(servers.source(), servers.target())) {
            database.execute("CREATE TABLE crit (id INT PRIMARY KEY)");
        }
        servers.source().execute("INSERT INTO crit VALUES (1), (2)");
        Path config = CliRun.config(dir, servers.yaml("tables:\n  crit: general\n"));

        // The throttle's own status query always runs, so Threads_running is at least 1.
        CliRun stopped = CliRun.run(servers.passwordEnvironment(), "sync", "--config", config.toString(),
                "--critical-load", "Threads_running=0");
        CliRun bad = CliRun.run(servers.passwordEnvironment(), "sync", "--config", config.toString(),
                "--max-load", "Threads_running");

        assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(ExitCodes.CRITICAL_LOAD);
        assertThat(stopped.err()).contains("the source reached the critical load Threads_running=")
                .contains("(ceiling 0)");
        assertThat(servers.target().count("crit")).isZero();
        assertThat(bad.exitCode()).as(bad.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("--max-load: 'Threads_running' is not VARIABLE=NUMBER");
        assertThat(CliRun.run(servers.passwordEnvironment(), "sync", "--config", config.toString()).exitCode())
                .isEqualTo(ExitCodes.OK);
    }

    @Test
    void pauseWithoutARunningDaemonSaysSo() {
        CliRun run = CliRun.run(Map.of(), "pause", "--metrics-port", "1");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.CONNECTION);
        assertThat(run.err().strip()).hasLineCount(1).contains("no daemon answers on 127.0.0.1:1");
    }

    @Test
    void aWrongPasswordIsAConnectionErrorWithoutThePassword(ServerPair servers) {
        Path config = CliRun.config(dir, servers.yaml(""));
        Map<String, String> environment = Map.of(servers.source().passwordEnv(), "Wr0ng-Secret-123",
                servers.target().passwordEnv(), servers.target().server().password());

        CliRun run = CliRun.run(environment, "schema", "pull", "--config", config.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.CONNECTION);
        assertThat(run.err().strip()).hasLineCount(1)
                .startsWith("mysqlslice: error: cannot log in to source " + servers.source().server().host())
                .contains("access denied; check the password (source.password, source.password-env")
                .doesNotContain("Wr0ng-Secret-123");
    }

    @Test
    void anUnreachableHostIsAConnectionErrorNamingTheSetting(ServerPair servers) {
        Path config = CliRun.config(dir, servers.yaml(""));

        CliRun run = CliRun.run(servers.passwordEnvironment(), "schema", "pull", "--config", config.toString(),
                "--remote-port", "1");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.CONNECTION);
        assertThat(run.err().strip()).hasLineCount(1)
                .contains("cannot reach source at " + servers.source().server().host() + ":1: Connection refused")
                .contains("check source.host and source.port");
    }

    @Test
    void aMissingGrantNamesTheUserAndTheGrant(ServerPair servers) {
        servers.source().executeUnlogged(
                "CREATE USER IF NOT EXISTS 'nogrant'@'127.0.0.1' IDENTIFIED BY 'Limited-Pw-9'",
                "CREATE USER IF NOT EXISTS 'nogrant'@'localhost' IDENTIFIED BY 'Limited-Pw-9'");
        Path config = CliRun.config(dir, servers.yaml("").replaceFirst("user: \\S+", "user: nogrant"));
        Map<String, String> environment = Map.of(servers.source().passwordEnv(), "Limited-Pw-9",
                servers.target().passwordEnv(), servers.target().server().password());

        CliRun run = CliRun.run(environment, "schema", "pull", "--config", config.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.CONNECTION);
        assertThat(run.err().strip()).hasLineCount(1)
                .contains("as 'nogrant' has no access to database '" + servers.source().name() + "'")
                .contains("GRANT SELECT ON `" + servers.source().name() + "`.* TO 'nogrant'")
                .doesNotContain("Limited-Pw-9");
    }

    @Test
    void aWhereFilterThatIsNotOneValidConditionIsAConfigErrorNamingTheSetting(ServerPair servers) {
        for (var database : List.of(servers.source(), servers.target())) {
            database.execute("CREATE TABLE t (id INT PRIMARY KEY, kind VARCHAR(8))");
        }
        servers.source().execute("INSERT INTO t VALUES (1, 'keep')");
        Map<String, String> environment = servers.passwordEnvironment();

        CliRun injected = CliRun.run(environment, "sync", "--config", CliRun.config(dir, servers.yaml(
                "tables:\n  t:\n    strategy: append-only\n    where: \"1=1; DROP TABLE t\"\n")).toString());
        CliRun invalid = CliRun.run(environment, "sync", "--config", CliRun.config(dir, servers.yaml(
                "tables:\n  t:\n    strategy: append-only\n    where: \"kind = \"\n")).toString());

        assertThat(injected.exitCode()).as(injected.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(injected.err()).contains("tables.t.where: must be one condition on t, without ';'");
        assertThat(invalid.exitCode()).as(invalid.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(invalid.err()).contains("tables.t.where: is not a valid condition on t (")
                .contains("write one condition on its columns");
        assertThat(servers.target().count("t")).isZero();
        assertThat(servers.source().count("t")).isEqualTo(1);
    }

    @Test
    void aMissingSelectGrantOnOneTableIsAPrivilegeErrorNamingTheGrant(ServerPair servers) {
        for (var database : List.of(servers.source(), servers.target())) {
            database.execute("CREATE TABLE open_t (id INT PRIMARY KEY)", "CREATE TABLE closed_t (id INT PRIMARY KEY)");
        }
        String db = servers.source().name();
        servers.source().executeUnlogged(
                "CREATE USER IF NOT EXISTS 'onetable'@'127.0.0.1' IDENTIFIED BY 'One-Table-3'",
                "GRANT SELECT ON `" + db + "`.`open_t` TO 'onetable'@'127.0.0.1'");
        Path config = CliRun.config(dir, servers.yaml("tables:\n  open_t: general\n  closed_t: general\n")
                .replaceFirst("user: \\S+", "user: onetable"));
        Map<String, String> environment = Map.of(servers.source().passwordEnv(), "One-Table-3",
                servers.target().passwordEnv(), servers.target().server().password());

        CliRun run = CliRun.run(environment, "sync", "--config", config.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.CONNECTION);
        assertThat(run.err().strip()).hasLineCount(1).contains("the source user 'onetable' may not read table closed_t")
                .contains("GRANT SELECT ON `" + db + "`.`closed_t` TO 'onetable'");
    }

    @Test
    void aMissingTargetPrivilegeStopsBeforeWritingAndNamesIt(ServerPair servers) {
        servers.source().execute("CREATE TABLE t (id INT PRIMARY KEY)");
        servers.target().executeUnlogged(
                "CREATE USER IF NOT EXISTS 'reader'@'127.0.0.1' IDENTIFIED BY 'Reader-Pw-7'",
                "GRANT SELECT ON `" + servers.target().name() + "`.* TO 'reader'@'127.0.0.1'");
        String yaml = servers.yaml("");
        int target = yaml.indexOf("target:");
        Path config = CliRun.config(dir, yaml.substring(0, target)
                + yaml.substring(target).replaceFirst("user: \\S+", "user: reader"));
        Map<String, String> environment = Map.of(servers.source().passwordEnv(), servers.source().server().password(),
                servers.target().passwordEnv(), "Reader-Pw-7");

        CliRun run = CliRun.run(environment, "schema", "pull", "--config", config.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.CONNECTION);
        assertThat(run.err().strip()).hasLineCount(1).contains("target", "CREATE command denied to user 'reader'");
        assertThat(servers.target().rows("SHOW TABLES")).isEmpty();
    }

    @Test
    void aPasswordFlagWorksAndWarnsLikeTheMysqlClient(ServerPair servers) {
        servers.source().execute("CREATE TABLE t (id INT PRIMARY KEY)");
        Path config = CliRun.config(dir, servers.yaml(""));

        CliRun run = CliRun.run(Map.of(servers.target().passwordEnv(), servers.target().server().password()),
                "pull-schema", "--config", config.toString(), "-p" + servers.source().server().password());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).contains(Configs.PASSWORD_FLAG_WARNING).doesNotContain(servers.source().server().password());
        assertThat(run.out()).contains("created 1 table(s)").doesNotContain(servers.source().server().password());
    }
}
