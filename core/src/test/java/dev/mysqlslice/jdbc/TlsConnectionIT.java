package dev.mysqlslice.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mysqlslice.config.EndpointConfig;
import dev.mysqlslice.config.PasswordSource;
import dev.mysqlslice.config.Role;
import dev.mysqlslice.config.Secret;
import dev.mysqlslice.config.SslMode;
import dev.mysqlslice.config.TlsFiles;
import dev.mysqlslice.error.Failure;
import dev.mysqlslice.error.MysqlsliceException;
import dev.mysqlslice.testing.ServerAddress;
import dev.mysqlslice.testing.TestCertificates;
import dev.mysqlslice.testing.TlsSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JDBC connections over TLS to a server that requires it, with certificates issued for the run:
 * each mode checks what it promises, client certificates log in, and every failure is one line
 * naming the setting.
 */
class TlsConnectionIT {

    @TempDir
    static Path dir;

    private static TlsSource server;
    private static TestCertificates.Files files;
    private final Connector connector = new Connector();

    @BeforeAll
    static void start() {
        server = TlsSource.start(dir);
        files = server.certificates();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void verifyIdentityWithThePrivateCaConnectsOverTls() throws Exception {
        long before = server.sslAccepts();
        Path bundle = TestCertificates.bundle(dir.resolve("bundle.pem"), List.of(files.otherCa(), files.ca()));

        for (SslMode mode : List.of(SslMode.VERIFY_IDENTITY, SslMode.VERIFY_CA, SslMode.REQUIRED, SslMode.PREFERRED)) {
            try (Connection connection = connector.open(endpoint(server.address(), mode, tls(bundle, null, null)))) {
                assertThat(cipher(connection)).as(mode.name()).isNotEmpty();
            }
        }
        assertThat(server.sslAccepts()).isGreaterThanOrEqualTo(before + 4);
    }

    @Test
    void aCaThatDidNotSignTheServerCertificateIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> connector.open(endpoint(server.address(), SslMode.VERIFY_CA,
                tls(files.otherCa(), null, null))))
                .isInstanceOfSatisfying(MysqlsliceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.CONNECTION))
                .hasMessage("the source's certificate is not signed by the CA in source.ssl-ca (" + files.otherCa()
                        + "): set source.ssl-ca to the PEM file (or bundle) of the CA that issued the server's certificate"
                        + " (for RDS and Aurora, the region's bundle from AWS)");
        assertThatThrownBy(() -> connector.open(endpoint(server.address(), SslMode.VERIFY_IDENTITY, TlsFiles.none())))
                .hasMessageStartingWith("the source's certificate is not signed by a CA this Java runtime trusts (no"
                        + " source.ssl-ca is set)");
    }

    @Test
    void verifyIdentityChecksTheHostNameAndVerifyCaDoesNot() {
        server.serve(files.otherHostCert(), files.otherHostKey());
        try {
            assertThatThrownBy(() -> connector.open(endpoint(server.address(), SslMode.VERIFY_IDENTITY,
                    tls(files.ca(), null, null))))
                    .isInstanceOfSatisfying(MysqlsliceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.CONNECTION))
                    .hasMessageStartingWith("the source's certificate does not name '" + server.address().host() + "' (")
                    .hasMessageEndingWith("); source.ssl-mode VERIFY_IDENTITY checks the host name: set source.host to a"
                            + " name the certificate lists, or use VERIFY_CA to check the CA only");
            try (Connection connection = connector.open(endpoint(server.address(), SslMode.VERIFY_CA,
                    tls(files.ca(), null, null)))) {
                assertThat(connection.isValid(5)).isTrue();
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            server.serve(files.serverCert(), files.serverKey());
        }
    }

    @Test
    void requiredAgainstAServerWithoutTlsIsRefused() {
        ServerAddress plain = TlsSource.plainServer();
        EndpointConfig config = new EndpointConfig(Role.SOURCE, Optional.of(plain.host()), OptionalInt.of(plain.port()),
                Optional.empty(), plain.user(), new PasswordSource.Literal(Secret.of(plain.password())), "mysql",
                SslMode.REQUIRED, Optional.empty(), TlsFiles.none(), true);

        assertThatThrownBy(() -> connector.open(new Endpoint(config, Secret.of(plain.password()))))
                .hasMessage("the source at " + plain.host() + ":" + plain.port() + " does not offer TLS, but"
                        + " source.ssl-mode is REQUIRED: enable TLS on that server (ssl_cert and ssl_key), or lower"
                        + " source.ssl-mode if an unencrypted connection is acceptable");
    }

    @Test
    void anX509AccountLogsInWithAClientCertificateInEitherKeyFormAndIsRefusedWithout() throws Exception {
        ServerAddress x509 = server.address().as(TlsSource.X509_USER, TlsSource.PASSWORD);
        for (Path key : List.of(files.clientKey(), files.clientKeyPkcs1())) {
            try (Connection connection = connector.open(endpoint(x509, SslMode.VERIFY_IDENTITY,
                    tls(files.ca(), files.clientCert(), key)))) {
                assertThat(connection.isValid(5)).isTrue();
            }
        }
        assertThatThrownBy(() -> connector.open(endpoint(x509, SslMode.VERIFY_IDENTITY, tls(files.ca(), null, null))))
                .hasMessageStartingWith("cannot log in to source " + x509.host() + ":" + x509.port() + " as 'x509_user':"
                        + " access denied")
                .hasMessageEndingWith("(an account created REQUIRE X509, SUBJECT or ISSUER also needs source.ssl-cert and"
                        + " source.ssl-key)");
    }

    @Test
    void aClientCertificateFromAnotherCaIsRefusedByTheServer() {
        ServerAddress x509 = server.address().as(TlsSource.X509_USER, TlsSource.PASSWORD);

        assertThatThrownBy(() -> connector.open(endpoint(x509, SslMode.VERIFY_IDENTITY,
                tls(files.ca(), files.otherCaClientCert(), files.otherCaClientKey()))))
                .isInstanceOfSatisfying(MysqlsliceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.CONNECTION))
                // TLS 1.3: the server's refusal arrives as its alert, or, when the client is already writing, as a
                // connection closed under it; both are the same one-line message about the certificate.
                .satisfiesAnyOf(
                        e -> assertThat(e).hasMessageStartingWith("the source at " + x509.host() + ":" + x509.port()
                                + " closed the connection during the TLS handshake ("),
                        e -> assertThat(e).hasMessageStartingWith("the TLS handshake with the source at " + x509.host()
                                + ":" + x509.port() + " failed (Received fatal alert: unknown_ca)"))
                .hasMessageEndingWith("): it does not accept the client certificate in source.ssl-cert ("
                        + files.otherCaClientCert() + "); use one issued by a CA in the server's ssl_ca");
    }

    @Test
    void unusableFilesAreNamedBeforeAnyConnection() throws Exception {
        Path missing = dir.resolve("missing.pem");
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");
        ServerAddress address = server.address();

        assertThatThrownBy(() -> connector.open(endpoint(address, SslMode.VERIFY_CA, tls(missing, null, null))))
                .isInstanceOfSatisfying(MysqlsliceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.CONNECTION))
                .hasMessage("source.ssl-ca: cannot read " + missing + " (NoSuchFileException); fix the path or let the"
                        + " mysqlslice user read the file");
        assertThatThrownBy(() -> connector.open(endpoint(address, SslMode.VERIFY_CA, tls(empty, null, null))))
                .hasMessageStartingWith("source.ssl-ca: " + empty + " holds no PEM certificate");
        assertThatThrownBy(() -> connector.open(endpoint(address, SslMode.VERIFY_CA,
                tls(files.ca(), files.clientCert(), files.otherHostKey()))))
                .hasMessage("source.ssl-key: " + files.otherHostKey() + " is not the private key of the certificate in"
                        + " source.ssl-cert (" + files.clientCert() + "); give the key that was issued with that certificate");
        assertThatThrownBy(() -> connector.open(endpoint(address, SslMode.VERIFY_CA,
                tls(files.ca(), files.clientKey(), files.clientKey()))))
                .hasMessageStartingWith("source.ssl-cert: " + files.clientKey() + " holds no PEM certificate");
    }

    @Test
    void aCipherThatJavaDoesNotKnowIsNamed() {
        EndpointConfig config = new EndpointConfig(Role.SOURCE, Optional.of(server.address().host()),
                OptionalInt.of(server.address().port()), Optional.empty(), TlsSource.USER,
                new PasswordSource.Literal(Secret.of(TlsSource.PASSWORD)), "mysql", SslMode.VERIFY_CA,
                Optional.of("ECDHE-RSA-AES256-GCM-SHA384"), tls(files.ca(), null, null), false);

        assertThatThrownBy(() -> connector.open(new Endpoint(config, Secret.of(TlsSource.PASSWORD))))
                .hasMessageStartingWith("source.cipher: ECDHE-RSA-AES256-GCM-SHA384 is not a TLS cipher suite this Java"
                        + " runtime supports; use IANA names");
    }

    private static String cipher(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW SESSION STATUS LIKE 'Ssl_cipher'")) {
            rows.next();
            // Empty on an unencrypted session.
            return rows.getString(2);
        }
    }

    private static TlsFiles tls(Path ca, Path cert, Path key) {
        return new TlsFiles(Optional.ofNullable(ca), Optional.ofNullable(cert), Optional.ofNullable(key));
    }

    private static Endpoint endpoint(ServerAddress address, SslMode mode, TlsFiles tls) {
        EndpointConfig config = new EndpointConfig(Role.SOURCE, Optional.of(address.host()), OptionalInt.of(address.port()),
                Optional.empty(), address.user(), new PasswordSource.Literal(Secret.of(address.password())), "mysql",
                mode, Optional.empty(), tls, false);
        return new Endpoint(config, Secret.of(address.password()));
    }
}
