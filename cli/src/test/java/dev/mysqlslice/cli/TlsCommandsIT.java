package dev.mysqlslice.cli;

import static dev.mysqlslice.cli.MonitorClient.freePort;
import static dev.mysqlslice.cli.MonitorClient.health;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mysqlslice.config.Role;
import dev.mysqlslice.testing.Series;
import dev.mysqlslice.testing.ServerAddress;
import dev.mysqlslice.testing.TableContents;
import dev.mysqlslice.testing.TestCertificates;
import dev.mysqlslice.testing.TestDatabase;
import dev.mysqlslice.testing.TestServers;
import dev.mysqlslice.testing.TlsSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command against a source that requires TLS, verified against a private CA: schema pull,
 * sync, an incremental sync and the daemon (both reading the binlog over TLS), and verify; each
 * TLS failure exits 3 with its message and leaves the target untouched.
 */
class TlsCommandsIT {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String PASSWORD_ENV = "MYSQLSLICE_TEST_TLS_PASSWORD";

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private static TlsSource server;
    private static TestCertificates.Files files;
    private TestDatabase source;
    private TestDatabase target;

    @BeforeAll
    static void start() {
        server = TlsSource.start(shared);
        files = server.certificates();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void databases() {
        String name = "tls_commands_" + COUNTER.incrementAndGet();
        source = server.database(name);
        target = new TestDatabase(TestServers.get().target(), name, Role.TARGET);
        target.create();
        source.execute("CREATE TABLE bar (id INT PRIMARY KEY, v VARCHAR(40), note TEXT)",
                "INSERT INTO bar SELECT seq, CONCAT('v', seq), NULL FROM " + Series.of(3000));
    }

    @AfterEach
    void drop() {
        source.drop();
        target.drop();
    }

    @Test
    void everyCommandWorksUnderVerifyIdentityAndTheServerCountsTheTlsSessions() throws Exception {
        long before = server.sslAccepts();
        String config = config("VERIFY_IDENTITY", files.ca()).toString();

        CliRun pull = run("schema", "pull", "--config", config);
        assertThat(pull.exitCode()).as(pull.toString()).isZero();
        CliRun sync = run("sync", "--config", config);
        assertThat(sync.exitCode()).as(sync.toString()).isZero();
        assertThat(sync.err()).doesNotContain("without checking its certificate");
        source.execute("UPDATE bar SET note = 'changed' WHERE id < 50", "DELETE FROM bar WHERE id = 7");
        CliRun incremental = run("sync", "--incremental", "--config", config);
        assertThat(incremental.exitCode()).as(incremental.toString()).isZero();
        CliRun verify = run("verify", "--config", config);
        assertThat(verify.exitCode()).as(verify.toString()).isZero();
        assertThat(identical()).isTrue();

        int port = freePort();
        JarProcess daemon = JarProcess.start(dir, Map.of(PASSWORD_ENV, TlsSource.PASSWORD, target.passwordEnv(),
                target.server().password()), "daemon", "--config", config, "--metrics-port", Integer.toString(port));
        try {
            source.execute("INSERT INTO bar VALUES (5000, 'while the daemon runs', 'over TLS')");
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (!(identical() && health(port) == 200)) {
                assertThat(daemon.isAlive()).as(daemon.output()).isTrue();
                assertThat(Instant.now()).as(daemon.output()).isBefore(deadline);
                Thread.sleep(100);
            }
        } finally {
            daemon.terminate();
        }
        assertThat(daemon.await(60)).as(daemon.output()).isZero();
        // The server refuses plain TCP (require_secure_transport, REQUIRE SSL): every session was TLS.
        assertThat(server.sslAccepts()).isGreaterThan(before + 5);
    }

    @Test
    void aClientCertificateGivenAsFlagsLogsInAnX509Account() {
        String config = CliRun.config(dir, "source:\n  host: " + server.address().host() + "\n  port: "
                + server.address().port() + "\n  user: " + TlsSource.X509_USER + "\n  password-env: " + PASSWORD_ENV
                + "\n  database: " + source.name() + "\n" + target.yamlSection() + "tables:\n  bar: general\n").toString();

        CliRun refused = run("verify", "--config", config, "--remote-ssl-ca", files.ca().toString(),
                "--remote-ssl-mode", "VERIFY_IDENTITY");
        CliRun pulled = run("schema", "pull", "--config", config, "--remote-ssl-ca", files.ca().toString(),
                "--remote-ssl-cert", files.clientCert().toString(), "--remote-ssl-key", files.clientKeyPkcs1().toString());

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(3);
        assertThat(refused.err()).contains("access denied", "REQUIRE X509, SUBJECT or ISSUER also needs source.ssl-cert");
        assertThat(pulled.exitCode()).as(pulled.toString()).isZero();
    }

    @Test
    void tlsFailuresExitThreeWithTheirMessageAndLeaveTheTargetUntouched() throws Exception {
        CliRun wrongCa = run("sync", "--config", config("VERIFY_CA", files.otherCa()).toString());
        assertThat(wrongCa.exitCode()).as(wrongCa.toString()).isEqualTo(3);
        assertThat(wrongCa.err()).contains("the source's certificate is not signed by the CA in source.ssl-ca ("
                + files.otherCa() + ")");

        server.serve(files.otherHostCert(), files.otherHostKey());
        CliRun otherHost;
        try {
            otherHost = run("schema", "pull", "--config", config("VERIFY_IDENTITY", files.ca()).toString());
        } finally {
            server.serve(files.serverCert(), files.serverKey());
        }
        assertThat(otherHost.exitCode()).as(otherHost.toString()).isEqualTo(3);
        assertThat(otherHost.err()).contains("the source's certificate does not name '" + server.address().host() + "'",
                "VERIFY_IDENTITY checks the host name");

        ServerAddress plain = TlsSource.plainServer();
        String plainConfig = CliRun.config(dir, "source:\n  host: " + plain.host() + "\n  port: " + plain.port()
                + "\n  user: " + plain.user() + "\n  password-env: " + PASSWORD_ENV + "\n  database: mysql\n"
                + "  ssl-mode: REQUIRED\n  allow-public-key-retrieval: true\n" + target.yamlSection()
                + "tables:\n  bar: general\n").toString();
        CliRun noTls = CliRun.run(Map.of(PASSWORD_ENV, plain.password(), target.passwordEnv(), target.server().password()),
                "schema", "pull", "--config", plainConfig);
        assertThat(noTls.exitCode()).as(noTls.toString()).isEqualTo(3);
        assertThat(noTls.err()).contains("the source at " + plain.host() + ":" + plain.port() + " does not offer TLS, but"
                + " source.ssl-mode is REQUIRED");

        assertThat(target.rows("SHOW TABLES")).isEmpty();
        for (CliRun run : new CliRun[] {wrongCa, otherHost, noTls}) {
            assertThat(run.err().strip().lines().filter(line -> line.contains("source")).count()).as(run.toString())
                    .isEqualTo(1);
            assertThat(run.err()).doesNotContain(TlsSource.PASSWORD, "PRIVATE KEY");
        }
    }

    private Path config(String mode, Path ca) {
        return CliRun.config(dir, "source:\n  host: " + server.address().host() + "\n  port: " + server.address().port()
                + "\n  user: " + TlsSource.USER + "\n  password-env: " + PASSWORD_ENV + "\n  database: " + source.name()
                + "\n  ssl-mode: " + mode + "\n  ssl-ca: " + ca + "\n" + target.yamlSection()
                + "tables:\n  bar:\n    strategy: general\n    chunk-rows: 200\n");
    }

    private CliRun run(String... args) {
        return CliRun.run(Map.of(PASSWORD_ENV, TlsSource.PASSWORD, target.passwordEnv(), target.server().password()),
                args);
    }

    private boolean identical() {
        return TableContents.of(target, "bar").equals(TableContents.of(source, "bar"));
    }
}
