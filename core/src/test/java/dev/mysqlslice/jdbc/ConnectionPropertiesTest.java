package dev.mysqlslice.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mysqlslice.config.EndpointConfig;
import dev.mysqlslice.config.PasswordSource;
import dev.mysqlslice.config.Role;
import dev.mysqlslice.config.SslMode;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The driver is told whether TLS may be skipped; checking the server is left to mysqlslice's socket factory. */
class ConnectionPropertiesTest {

    @Test
    void overTcpEveryTlsModeGoesThroughTheTlsSocketFactory() {
        assertThat(tls(SslMode.DISABLED)).containsExactly("DISABLED", null);
        assertThat(tls(SslMode.PREFERRED)).containsExactly("PREFERRED", "dev.mysqlslice.jdbc.TlsSocketFactory");
        for (SslMode mode : new SslMode[] {SslMode.REQUIRED, SslMode.VERIFY_CA, SslMode.VERIFY_IDENTITY}) {
            assertThat(tls(mode)).as(mode.name()).containsExactly("REQUIRED", "dev.mysqlslice.jdbc.TlsSocketFactory");
        }
        assertThat(properties(tcp(SslMode.VERIFY_IDENTITY, Optional.of("TLS_AES_256_GCM_SHA384"))))
                .doesNotContainKey("tlsCiphersuites").doesNotContainKey("trustCertificateKeyStoreUrl");
    }

    @Test
    void aUnixSocketNeverUsesTls() {
        EndpointConfig socket = new EndpointConfig(Role.TARGET, Optional.empty(), OptionalInt.empty(),
                Optional.of(Path.of("/run/mysqld/mysqld.sock")), "root", new PasswordSource.None(), "app",
                SslMode.DISABLED, Optional.empty(), false);

        Properties properties = properties(socket);

        assertThat(properties.getProperty("sslMode")).isEqualTo("DISABLED");
        assertThat(properties.getProperty("socketFactory")).isEqualTo(ConnectionProperties.UNIX_SOCKET_FACTORY);
        assertThat(properties.getProperty("junixsocket.file")).isEqualTo("/run/mysqld/mysqld.sock");
    }

    private static String[] tls(SslMode mode) {
        Properties properties = properties(tcp(mode, Optional.empty()));
        return new String[] {properties.getProperty("sslMode"), properties.getProperty("socketFactory")};
    }

    private static Properties properties(EndpointConfig config) {
        return ConnectionProperties.driverProperties(config);
    }

    private static EndpointConfig tcp(SslMode mode, Optional<String> cipher) {
        return new EndpointConfig(Role.SOURCE, Optional.of("db.example.com"), OptionalInt.empty(), Optional.empty(),
                "sync", new PasswordSource.None(), "app", mode, cipher, false);
    }
}
