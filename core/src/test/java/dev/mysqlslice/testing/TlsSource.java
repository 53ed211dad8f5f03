package dev.mysqlslice.testing;

import dev.mysqlslice.config.Role;
import dev.mysqlslice.sandbox.Flavor;
import dev.mysqlslice.sandbox.LocalServer;
import dev.mysqlslice.sandbox.ServerBinaries;
import dev.mysqlslice.sandbox.ServerSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.testcontainers.mysql.MySQLContainer;
import org.testcontainers.utility.MountableFile;

/**
 * A source server that requires TLS, with certificates issued for this run by
 * {@link TestCertificates}: a throwaway local server with {@code require_secure_transport=ON},
 * or, where a Docker engine exists, a MySQL 8.4 container. Either way the accounts the tests use
 * are created {@code REQUIRE SSL} ({@link #USER}) and {@code REQUIRE X509} ({@link #X509_USER}).
 */
public final class TlsSource implements AutoCloseable {

    public static final String USER = "tls_user";
    public static final String X509_USER = "x509_user";
    public static final String PASSWORD = "tls-user-pw-8130";

    private static ServerAddress plain;

    private final ServerAddress admin;
    private final TestCertificates.Files certificates;
    private final Backend backend;

    /** What differs between a local server and a container: replacing the certificate, and going away. */
    private interface Backend {
        void serve(Path cert, Path key);

        void close();
    }

    private TlsSource(ServerAddress admin, TestCertificates.Files certificates, Backend backend) {
        this.admin = admin;
        this.certificates = certificates;
        this.backend = backend;
    }

    /** Issues certificates into {@code dir} and starts the server there. */
    public static TlsSource start(Path dir) {
        TestCertificates.Files files = TestCertificates.issue(dir.resolve("certs"));
        TlsSource source = Containers.dockerAvailable() ? container(files) : local(dir, files);
        TestDatabase server = new TestDatabase(source.admin, "mysql", Role.SOURCE);
        for (String statement : new String[] {
                "CREATE USER '" + USER + "'@'%' IDENTIFIED BY '" + PASSWORD + "' REQUIRE SSL",
                "GRANT ALL PRIVILEGES ON *.* TO '" + USER + "'@'%'",
                "CREATE USER '" + X509_USER + "'@'%' IDENTIFIED BY '" + PASSWORD + "' REQUIRE X509",
                "GRANT ALL PRIVILEGES ON *.* TO '" + X509_USER + "'@'%'"}) {
            server.execute(statement);
        }
        return source;
    }

    private static TlsSource local(Path dir, TestCertificates.Files files) {
        ServerBinaries binaries = ServerBinaries.require();
        // The server reads copies, so a test can replace what it serves.
        Path served = dir.resolve("served");
        copy(files.serverCert(), served.resolve("cert.pem"));
        copy(files.serverKey(), served.resolve("key.pem"));
        ServerSpec spec = ServerSpec.source().withName("tls-source")
                .withOption("ssl-ca", files.ca().toString())
                .withOption("ssl-cert", served.resolve("cert.pem").toString())
                .withOption("ssl-key", served.resolve("key.pem").toString())
                .withOption("require-secure-transport", "ON");
        LocalServer server = LocalServer.create(binaries, spec, dir.resolve("server"));
        String reload = binaries.flavor() == Flavor.MARIADB ? "FLUSH SSL" : "ALTER INSTANCE RELOAD TLS";
        ServerAddress admin = new ServerAddress(server.host(), server.port(), LocalServer.USER, LocalServer.PASSWORD,
                Optional.of(server.socket()), server.flavor().name().toLowerCase() + "-local-tls", true);
        return new TlsSource(admin, files, new Backend() {
            @Override
            public void serve(Path cert, Path key) {
                copy(cert, served.resolve("cert.pem"));
                copy(key, served.resolve("key.pem"));
                server.execAsRoot(reload);
            }

            @Override
            public void close() {
                server.destroy();
            }
        });
    }

    @SuppressWarnings("resource")
    private static TlsSource container(TestCertificates.Files files) {
        MySQLContainer container = new MySQLContainer(Containers.IMAGE)
                .withUsername("mysqlslice").withPassword("container-pw")
                .withCopyFileToContainer(MountableFile.forHostPath(files.ca(), 0644), "/tls/ca.pem")
                .withCopyFileToContainer(MountableFile.forHostPath(files.serverCert(), 0644), "/tls/cert.pem")
                .withCopyFileToContainer(MountableFile.forHostPath(files.serverKey(), 0644), "/tls/key.pem")
                .withCommand("--server-id=1", "--log-bin=binlog", "--binlog-format=ROW", "--binlog-row-image=FULL",
                        "--gtid-mode=ON", "--enforce-gtid-consistency=ON", "--local-infile=1",
                        "--character-set-server=utf8mb4", "--ssl-ca=/tls/ca.pem", "--ssl-cert=/tls/cert.pem",
                        "--ssl-key=/tls/key.pem");
        container.start();
        ServerAddress admin = new ServerAddress(container.getHost(), container.getMappedPort(3306), "root",
                container.getPassword(), Optional.empty(), "mysql-container-tls", true);
        return new TlsSource(admin, files, new Backend() {
            @Override
            public void serve(Path cert, Path key) {
                container.copyFileToContainer(MountableFile.forHostPath(cert, 0644), "/tls/cert.pem");
                container.copyFileToContainer(MountableFile.forHostPath(key, 0644), "/tls/key.pem");
                new TestDatabase(admin, "mysql", Role.SOURCE).execute("ALTER INSTANCE RELOAD TLS");
            }

            @Override
            public void close() {
                container.stop();
            }
        });
    }

    /**
     * A server that offers no TLS at all: the shared test source when it has no certificate (a
     * local MariaDB), else a MySQL container started with TLS turned off ({@code tls_version=''}).
     */
    public static synchronized ServerAddress plainServer() {
        ServerAddress shared = TestServers.get().source();
        if (!offersTls(shared)) {
            return shared;
        }
        if (plain == null) {
            @SuppressWarnings("resource")
            MySQLContainer container = new MySQLContainer(Containers.IMAGE).withUsername("mysqlslice")
                    .withPassword("container-pw").withCommand("--tls-version=");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "plain-server-shutdown"));
            plain = new ServerAddress(container.getHost(), container.getMappedPort(3306), "root", container.getPassword(),
                    Optional.empty(), "mysql-container-plain");
        }
        return plain;
    }

    /** Whether a server has a certificate to offer (the status is empty without one, on both flavors). */
    private static boolean offersTls(ServerAddress server) {
        String notAfter = new TestDatabase(server, "mysql", Role.SOURCE).rows(
                "SHOW GLOBAL STATUS LIKE 'Ssl_server_not_after'").stream().findFirst().map(row -> row.get(1)).orElse("");
        return notAfter != null && !notAfter.isBlank();
    }

    /** The server, logged in to as {@link #USER} (REQUIRE SSL). */
    public ServerAddress address() {
        return admin.as(USER, PASSWORD);
    }

    /** How administrators reach the server (over TLS, without checking its certificate). */
    public ServerAddress admin() {
        return admin;
    }

    public TestCertificates.Files certificates() {
        return certificates;
    }

    /** A fresh database {@code name} on this server. */
    public TestDatabase database(String name) {
        TestDatabase database = new TestDatabase(admin, name, Role.SOURCE);
        database.create();
        return database;
    }

    /** Makes the server present {@code cert} with {@code key} from now on. */
    public void serve(Path cert, Path key) {
        backend.serve(cert, key);
    }

    /** The server's count of accepted TLS handshakes. */
    public long sslAccepts() {
        return Long.parseLong(new TestDatabase(admin, "mysql", Role.SOURCE).rows(
                "SHOW GLOBAL STATUS LIKE 'Ssl_accepts'").get(0).get(1));
    }

    @Override
    public void close() {
        backend.close();
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
