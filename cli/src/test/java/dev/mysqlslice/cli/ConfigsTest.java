package dev.mysqlslice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mysqlslice.config.Config;
import dev.mysqlslice.config.ConfigLoader;
import dev.mysqlslice.config.EndpointOverrides;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The warnings a config's TLS settings earn when it is loaded. */
class ConfigsTest {

    @Test
    void aRemoteSourceWhoseCertificateIsNotCheckedIsWarnedAbout() {
        assertThat(Configs.tlsWarnings(config("host: db.example.com"))).containsExactly("the source db.example.com:3306 is"
                + " reached without checking its certificate (source.ssl-mode PREFERRED), so whoever is on the network"
                + " path can pose as it; set source.ssl-mode: VERIFY_IDENTITY and source.ssl-ca to its CA");
        assertThat(Configs.tlsWarnings(config("host: 127.0.0.1"))).isEmpty();
        assertThat(Configs.tlsWarnings(config("host: db.example.com\n  ssl-ca: /ca.pem"))).isEmpty();
        assertThat(Configs.tlsWarnings(config("host: db.example.com\n  ssl-mode: VERIFY_IDENTITY"))).isEmpty();
    }

    @Test
    void aCaThatTheModeDoesNotUseIsWarnedAbout() {
        assertThat(Configs.tlsWarnings(config("host: 127.0.0.1\n  ssl-ca: /ca.pem\n  ssl-mode: REQUIRED")))
                .containsExactly("source.ssl-ca is set, but source.ssl-mode REQUIRED does not check the server's"
                        + " certificate; set source.ssl-mode: VERIFY_IDENTITY (or VERIFY_CA)");
    }

    private static Config config(String source) {
        return new ConfigLoader().parse("source:\n  " + source + "\n  user: u\n  database: d\n"
                + "target:\n  socket: /run/mysqld/mysqld.sock\n  user: root\n", Optional.empty(), EndpointOverrides.none(),
                EndpointOverrides.none());
    }
}
