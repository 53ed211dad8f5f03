package dev.mysqlslice.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DsnTest {

    @Test
    void readsPerconaStyleKeys() {
        Dsn dsn = Dsn.parse("h=db1,P=3307,u=sync,p=s3cret,D=shop,F=/etc/mysqlslice/source.cnf", "--source");
        assertThat(dsn.settings().host()).contains("db1");
        assertThat(dsn.settings().port()).hasValue(3307);
        assertThat(dsn.settings().user()).contains("sync");
        assertThat(dsn.settings().database()).contains("shop");
        assertThat(dsn.optionFile()).contains(Path.of("/etc/mysqlslice/source.cnf"));
        assertThat(dsn.hasPassword()).isTrue();
        assertThat(dsn.toString()).doesNotContain("s3cret");
        assertThat(Dsn.parse("db2", "--source").settings().host()).contains("db2");
        assertThat(Dsn.parse("S=/run/mysqld/mysqld.sock,D=shop", "--target").settings().socket())
                .contains(Path.of("/run/mysqld/mysqld.sock"));
    }

    @Test
    void reportsEveryMistakeWithTheFlag() {
        assertThatThrownBy(() -> Dsn.parse("h=db1,x=1,P=abc", "--source"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--source: unknown DSN key 'x'")
                .hasMessageContaining("P=abc is not a port number");
        assertThatThrownBy(() -> Dsn.parse("h=db1,S=/tmp/sock", "--target")).hasMessageContaining("not both");
    }

    @Test
    void flagsWinOverTheDsnAndAnAddressIsTakenWhole() {
        EndpointOverrides flags = new EndpointOverrides(java.util.Optional.empty(), java.util.OptionalInt.empty(),
                java.util.Optional.of(Path.of("/tmp/flag.sock")), java.util.Optional.of("flag-user"),
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), TlsFiles.none());
        EndpointOverrides merged = flags.orElse(Dsn.parse("h=db1,u=dsn-user,D=shop", "--target").settings());
        assertThat(merged.socket()).contains(Path.of("/tmp/flag.sock"));
        assertThat(merged.host()).isEmpty();
        assertThat(merged.user()).contains("flag-user");
        assertThat(merged.database()).contains("shop");
    }
}
