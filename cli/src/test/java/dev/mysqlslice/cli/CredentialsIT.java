package dev.mysqlslice.cli;

import static dev.mysqlslice.cli.MonitorClient.freePort;
import static dev.mysqlslice.cli.MonitorClient.get;
import static dev.mysqlslice.cli.MonitorClient.health;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mysqlslice.testing.Eventually;
import dev.mysqlslice.testing.RealServers;
import dev.mysqlslice.testing.Series;
import dev.mysqlslice.testing.ServerPair;
import dev.mysqlslice.testing.TableContents;
import dev.mysqlslice.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials the MySQL way (option files, DSNs) work end to end, and a full run at the most
 * verbose log level, in both log formats, never prints a password.
 */
@ExtendWith(RealServers.class)
class CredentialsIT {

    @TempDir
    Path dir;

    private final List<String> logs = new ArrayList<>();

    @Test
    void optionFileCredentialsWorkEndToEndAndNoLogLineEverHoldsAPassword(ServerPair servers) throws Exception {
        String create = "CREATE TABLE bar (id INT PRIMARY KEY, v VARCHAR(40), note TEXT)";
        servers.source().execute(create, "INSERT INTO bar SELECT seq, CONCAT('v', seq), NULL FROM " + Series.of(2000));
        Path cnf = dir.resolve("client.cnf");
        Files.writeString(cnf, "[client]\nuser = nobody-from-client\n\n"
                + "[mysqlslice-source]\n" + credentials(servers.source())
                + "[mysqlslice-target]\n" + credentials(servers.target()));
        String config = CliRun.config(dir, endpoint(servers.source()) + endpoint(servers.target())
                + "tables:\n  bar:\n    strategy: general\n    chunk-rows: 100\n").toString();
        String[] common = {"--config", config, "--defaults-file", cnf.toString(), "-vv"};

        assertThat(run(common, "schema", "pull")).isZero();
        assertThat(run(common, "sync")).isZero();
        servers.source().execute("UPDATE bar SET note = 'changed' WHERE id < 50", "DELETE FROM bar WHERE id = 7");
        assertThat(run(common, "sync", "--incremental", "--log-format", "json")).isZero();
        assertThat(run(common, "verify")).isZero();

        int port = freePort();
        List<String> daemonArgs = new ArrayList<>(List.of("daemon", "--metrics-port", Integer.toString(port)));
        daemonArgs.addAll(List.of(common));
        JarProcess daemon = JarProcess.start(dir, Map.of(), daemonArgs.toArray(String[]::new));
        try {
            servers.source().execute("INSERT INTO bar VALUES (5000, 'while the daemon runs', 'x')");
            await(() -> identical(servers) && health(port) == 200, daemon);
            assertThat(get(port, "/metrics")).contains("mysqlslice_rows_inserted_total", "mysqlslice_binlog_tailing 1.0");
        } finally {
            daemon.terminate();
        }
        assertThat(daemon.await(60)).as(daemon.output()).isZero();
        logs.add(daemon.output());
        assertThat(run(common, "status")).isZero();

        // A DSN with a password works (with the mysql client's warning) and its F= option file fills in the rest.
        String dsn = "h=" + servers.source().server().host() + ",P=" + servers.source().server().port()
                + ",u=" + servers.source().server().user() + ",p=" + servers.source().server().password()
                + ",D=" + servers.source().name();
        Path tablesOnly = dir.resolve("tables.yaml");
        Files.writeString(tablesOnly, "tables:\n  bar: general\n");
        JarProcess withDsn = JarProcess.start(dir, Map.of(), "verify", "--config", tablesOnly.toString(), "--no-defaults",
                "--source", dsn, "--local-ssl-mode", "DISABLED", "--remote-ssl-mode", "DISABLED",
                "--target", "h=" + servers.target().server().host() + ",P=" + servers.target().server().port()
                        + ",D=" + servers.target().name() + ",F=" + cnf, "-vv");
        assertThat(withDsn.await(60)).as(withDsn.output()).isZero();
        assertThat(withDsn.output()).contains("[Warning] Using a password on the command line interface can be insecure.");
        logs.add(withDsn.output());

        assertThat(identical(servers)).isTrue();
        for (String log : logs) {
            assertThat(log).doesNotContain(servers.source().server().password(), servers.target().server().password());
        }
        String json = logs.get(2);
        assertThat(json.lines().filter(line -> line.startsWith("{")).count()).isPositive();
        for (String line : json.lines().filter(line -> line.startsWith("{")).toList()) {
            assertThat(new ObjectMapper().readTree(line).get("level")).as(line).isNotNull();
        }
    }

    private int run(String[] common, String... command) throws Exception {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of(common));
        JarProcess process = JarProcess.start(dir, Map.of(), args.toArray(String[]::new));
        int exit = process.await(120);
        logs.add(process.output());
        if (exit != 0) {
            throw new AssertionError("exit " + exit + " of " + args + ":\n" + process.output());
        }
        return exit;
    }

    private static String credentials(TestDatabase database) {
        return "user = " + database.server().user() + "\npassword = \"" + database.server().password() + "\"\n";
    }

    private static String endpoint(TestDatabase database) {
        return database.role().section() + ":\n  host: " + database.server().host() + "\n  port: "
                + database.server().port() + "\n  database: " + database.name() + "\n  ssl-mode: DISABLED\n"
                + "  allow-public-key-retrieval: true\n";
    }

    private static boolean identical(ServerPair servers) {
        return TableContents.of(servers.target(), "bar").equals(TableContents.of(servers.source(), "bar"));
    }

    private static void await(BooleanSupplier condition, JarProcess daemon) throws InterruptedException {
        Eventually.await(condition, "the daemon's work", Duration.ofSeconds(60),
                () -> assertThat(daemon.isAlive()).as("daemon died: " + daemon.output()).isTrue());
    }
}
