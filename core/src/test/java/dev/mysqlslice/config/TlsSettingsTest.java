package dev.mysqlslice.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where TLS settings come from (config file, option files, flags), which wins, and what is refused. */
class TlsSettingsTest {

    private static final String TARGET = """
            target:
              socket: /run/mysqld/mysqld.sock
              user: root
            """;

    private final ConfigLoader loader = new ConfigLoader();

    @Test
    void aCaWithoutAModeMeansVerifyCaAndRelativePathsAreTakenFromTheConfigFile() {
        Config config = loader.parse("""
                source:
                  host: db.example.com
                  user: reader
                  database: app
                  ssl-ca: certs/rds-global-bundle.pem
                  ssl-cert: /etc/mysqlslice/client-cert.pem
                  ssl-key: /etc/mysqlslice/client-key.pem
                """ + TARGET, Optional.of(Path.of("/etc/mysqlslice/mysqlslice.yaml")), EndpointOverrides.none(),
                EndpointOverrides.none());

        assertThat(config.source().sslMode()).isEqualTo(SslMode.VERIFY_CA);
        assertThat(config.source().verifiesServer()).isTrue();
        assertThat(config.source().tls()).isEqualTo(new TlsFiles(Optional.of(Path.of("/etc/mysqlslice/certs/rds-global-bundle.pem")),
                Optional.of(Path.of("/etc/mysqlslice/client-cert.pem")), Optional.of(Path.of("/etc/mysqlslice/client-key.pem"))));
        assertThat(config.target().sslMode()).isEqualTo(SslMode.DISABLED);
        assertThat(config.target().tls()).isEqualTo(TlsFiles.none());
    }

    @Test
    void anExplicitModeWinsOverTheImpliedOne() {
        Config config = parse("""
                source:
                  host: db.example.com
                  user: reader
                  database: app
                  ssl-ca: /ca.pem
                  ssl-mode: verify-identity
                """);

        assertThat(config.source().sslMode()).isEqualTo(SslMode.VERIFY_IDENTITY);
    }

    @Test
    void settingsThatContradictEachOtherAreNamedTogether() {
        assertThatThrownBy(() -> parse("""
                source:
                  host: db.example.com
                  user: reader
                  database: app
                  ssl-cert: /client-cert.pem
                target:
                  host: 10.0.0.2
                  user: root
                  database: app
                  ssl-mode: DISABLED
                  ssl-ca: /ca.pem
                """))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).extracting(Object::toString)
                        .containsExactly(
                                "source.ssl-key: missing; a client certificate (ssl-cert) needs its private key: set ssl-key",
                                "target.ssl-mode: DISABLED turns TLS off, but ssl-ca/ssl-cert/ssl-key needs TLS; remove"
                                        + " ssl-mode: DISABLED or those settings"));
        assertThatThrownBy(() -> parse("""
                source:
                  host: db.example.com
                  user: reader
                  database: app
                target:
                  socket: /run/mysqld/mysqld.sock
                  user: root
                  ssl-ca: /ca.pem
                """))
                .hasMessageContaining("target: ssl-ca, ssl-cert, ssl-key and cipher apply to TCP connections; a unix"
                        + " socket is local and never uses TLS: remove them or set target.host");
    }

    @Test
    void optionFilesGiveTlsSettingsTheWayTheMysqlClientReadsThem() {
        ClientOptionFile file = ClientOptionFile.parse("""
                [client]
                ssl-ca = /etc/mysql/ca.pem
                loose_ssl_cipher = TLS_AES_256_GCM_SHA384

                [mysqlslice-source]
                host = db.example.com
                ssl_cert = "/etc/mysql/client cert.pem"
                ssl-key = /etc/mysql/client-key.pem
                ssl-mode = VERIFY_IDENTITY
                """, Path.of("/etc/mysql"));

        Config config = loader.parse("source:\n  user: reader\n  database: app\n" + TARGET, Optional.empty(),
                EndpointOverrides.none(), EndpointOverrides.none(), file.endpoint(Role.SOURCE), file.endpoint(Role.TARGET));

        assertThat(config.source().sslMode()).isEqualTo(SslMode.VERIFY_IDENTITY);
        assertThat(config.source().cipher()).contains("TLS_AES_256_GCM_SHA384");
        assertThat(config.source().tls()).isEqualTo(new TlsFiles(Optional.of(Path.of("/etc/mysql/ca.pem")),
                Optional.of(Path.of("/etc/mysql/client cert.pem")), Optional.of(Path.of("/etc/mysql/client-key.pem"))));
        // [client]'s CA does not break the target's socket, as the mysql client ignores TLS there too.
        assertThat(config.target().usesSocket()).isTrue();
        assertThat(config.target().tls()).isEqualTo(TlsFiles.none());
    }

    @Test
    void anOptionFileCaAloneImpliesVerifyCaAndMariadbsVerifyServerCertMeansVerifyIdentity() {
        ClientOptionFile caOnly = ClientOptionFile.parse("[client]\nssl-ca=/ca.pem\n", Path.of("/"));
        ClientOptionFile mariadb = ClientOptionFile.parse("[client]\nssl-ca=/ca.pem\nssl-verify-server-cert\n", Path.of("/"));
        ClientOptionFile skip = ClientOptionFile.parse("[client]\nskip-ssl\n", Path.of("/"));

        assertThat(caOnly.endpoint(Role.SOURCE).sslMode()).isEmpty();
        assertThat(source(caOnly).sslMode()).isEqualTo(SslMode.VERIFY_CA);
        assertThat(source(mariadb).sslMode()).isEqualTo(SslMode.VERIFY_IDENTITY);
        assertThat(source(skip).sslMode()).isEqualTo(SslMode.DISABLED);
        assertThatThrownBy(() -> ClientOptionFile.parse("[client]\nssl-mode=sometimes\n", Path.of("/")).endpoint(Role.SOURCE))
                .hasMessageContaining("ssl-mode: unknown mode 'sometimes'; allowed: DISABLED, PREFERRED, REQUIRED,"
                        + " VERIFY_CA, VERIFY_IDENTITY");
    }

    @Test
    void flagsWinOverTheConfigFileFileByFileAndADisabledConfigIgnoresOptionFileCas() {
        EndpointOverrides flags = new EndpointOverrides(Optional.empty(), java.util.OptionalInt.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                new TlsFiles(Optional.of(Path.of("/flag-ca.pem")), Optional.empty(), Optional.empty()));
        ClientOptionFile file = ClientOptionFile.parse("[client]\nssl-ca=/cnf-ca.pem\n", Path.of("/"));
        String yaml = """
                source:
                  host: db.example.com
                  user: reader
                  database: app
                  ssl-ca: /yaml-ca.pem
                  ssl-cert: /yaml-cert.pem
                  ssl-key: /yaml-key.pem
                target:
                  host: 127.0.0.1
                  user: root
                  ssl-mode: DISABLED
                """;

        Config config = loader.parse(yaml, Optional.empty(), flags, EndpointOverrides.none(), file.endpoint(Role.SOURCE),
                file.endpoint(Role.TARGET));

        assertThat(config.source().tls()).isEqualTo(new TlsFiles(Optional.of(Path.of("/flag-ca.pem")),
                Optional.of(Path.of("/yaml-cert.pem")), Optional.of(Path.of("/yaml-key.pem"))));
        assertThat(config.target().sslMode()).isEqualTo(SslMode.DISABLED);
        assertThat(config.target().tls()).isEqualTo(TlsFiles.none());
    }

    @Test
    void localAddressesAreTold() {
        for (String host : new String[] {"localhost", "127.0.0.1", "127.1.2.3", "::1", "[::1]"}) {
            assertThat(endpoint(host).isLocal()).as(host).isTrue();
        }
        for (String host : new String[] {"db.example.com", "10.0.0.5", "localhost.example.com"}) {
            assertThat(endpoint(host).isLocal()).as(host).isFalse();
        }
    }

    private EndpointConfig endpoint(String host) {
        return parse("source:\n  host: \"" + host + "\"\n  user: u\n  database: d\n").source();
    }

    private EndpointConfig source(ClientOptionFile file) {
        return loader.parse("source:\n  host: db.example.com\n  user: u\n  database: d\n" + TARGET, Optional.empty(),
                EndpointOverrides.none(), EndpointOverrides.none(), file.endpoint(Role.SOURCE),
                file.endpoint(Role.TARGET)).source();
    }

    private Config parse(String yaml) {
        String text = yaml.contains("target:") ? yaml : yaml + TARGET;
        return loader.parse(text, Optional.empty(), EndpointOverrides.none(), EndpointOverrides.none());
    }
}
