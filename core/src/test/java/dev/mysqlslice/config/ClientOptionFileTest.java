package dev.mysqlslice.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientOptionFileTest {

    @Test
    void readsGroupsQuotesEscapesAndCommentsAsTheMysqlClientDoes() {
        ClientOptionFile file = ClientOptionFile.parse("""
                # a comment
                [client]
                user = app
                password = "p#ss \\"quoted\\" word"   # the quotes keep the #
                port=3307
                ; another comment
                [mysqld]
                user = mysql
                [mysqlslice]
                loose_host = db1.example   # trailing comment
                socket
                """, Path.of("."));
        assertThat(file.option(Role.SOURCE, "user")).contains("app");
        assertThat(file.option(Role.SOURCE, "password")).contains("p#ss \"quoted\" word");
        assertThat(file.option(Role.SOURCE, "port")).contains("3307");
        assertThat(file.option(Role.SOURCE, "host")).contains("db1.example");
        assertThat(file.option(Role.SOURCE, "socket")).contains("");
        assertThat(file.option(Role.SOURCE, "database")).isEmpty();
        assertThat(file.toString()).doesNotContain("p#ss");
    }

    @Test
    void roleGroupsOverrideTheSharedOnesAndLaterLinesWin() {
        ClientOptionFile file = ClientOptionFile.parse("""
                [mysqlslice-target]
                user = local
                [client]
                user = first
                user = everyone
                password = 'shared'
                [mysqlslice-source]
                host = remote
                """, Path.of("."));
        EndpointOverrides source = file.endpoint(Role.SOURCE);
        EndpointOverrides target = file.endpoint(Role.TARGET);
        assertThat(source.user()).contains("everyone");
        assertThat(source.host()).contains("remote");
        assertThat(target.user()).contains("local");
        assertThat(target.host()).isEmpty();
        assertThat(target.password()).contains(new PasswordSource.Literal(Secret.of("shared")));
    }

    @Test
    void followsIncludesAndIncludeDirs(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("conf.d"));
        Files.writeString(dir.resolve("conf.d/10-user.cnf"), "[client]\nuser = included\n");
        Files.writeString(dir.resolve("conf.d/ignored.txt"), "[client]\nuser = not-a-cnf\n");
        Files.writeString(dir.resolve("secret.cnf"), "[client]\npassword = from-include\n");
        Files.writeString(dir.resolve("my.cnf"), "[client]\nuser = main\n!includedir " + dir.resolve("conf.d")
                + "\n!include secret.cnf\n");
        ClientOptionFile file = ClientOptionFile.read(dir.resolve("my.cnf"), "--defaults-file");
        assertThat(file.option(Role.TARGET, "user")).contains("included");
        assertThat(file.option(Role.TARGET, "password")).contains("from-include");
    }

    @Test
    void aMissingFileNamesTheSettingThatPointedAtIt(@TempDir Path dir) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ClientOptionFile.read(dir.resolve("nope.cnf"),
                        "--defaults-file"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("--defaults-file")
                .hasMessageContaining("nope.cnf");
    }

    @Test
    void optionFilesOnlyFillInWhatTheConfigAndFlagsLeaveOut() {
        ClientOptionFile file = ClientOptionFile.parse("""
                [client]
                user = cnf-user
                password = cnf-secret
                host = localhost
                socket = /tmp/cnf.sock
                database = cnf_db
                """, Path.of("."));
        Config config = new ConfigLoader().parse("""
                source:
                  host: remote.example
                  database: shop
                """, Optional.empty(), EndpointOverrides.none(), EndpointOverrides.none(), file.endpoint(Role.SOURCE),
                file.endpoint(Role.TARGET));
        assertThat(config.source().host()).contains("remote.example");
        assertThat(config.source().database()).isEqualTo("shop");
        assertThat(config.source().user()).isEqualTo("cnf-user");
        assertThat(config.source().password()).isEqualTo(new PasswordSource.Literal(Secret.of("cnf-secret")));
        assertThat(config.target().socket()).contains(Path.of("/tmp/cnf.sock"));
        assertThat(config.target().host()).isEmpty();
        assertThat(config.target().database()).isEqualTo("cnf_db");
    }
}
