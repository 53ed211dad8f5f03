package dev.mysqlslice.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

    private static final String ENDPOINTS = """
            source:
              host: db.example.com
              user: reader
              password-env: SOURCE_PW
              database: app
            target:
              socket: /run/mysqld/mysqld.sock
              user: root
            """;

    private final ConfigLoader loader = new ConfigLoader();

    @Test
    void readsEndpointsDefaultsAndTablesInFileOrder() {
        Config config = parse(ENDPOINTS + """
                defaults:
                  chunk-rows: 500
                tables:
                  foo_ref:
                    strategy: slice
                    where: "id % 2 = 0"
                    follow:
                      - foo_ref.foo_token_id -> foo_tokens.id
                  bar:
                    strategy: general
                    chunk-rows: 15
                    hash: md5
                  baz: append-only
                  qux:
                """);

        assertThat(config.source().address()).isEqualTo("db.example.com:3306");
        assertThat(config.source().password()).isEqualTo(new PasswordSource.Environment("SOURCE_PW"));
        assertThat(config.source().sslMode()).isEqualTo(SslMode.PREFERRED);
        assertThat(config.target().address()).isEqualTo("socket /run/mysqld/mysqld.sock");
        assertThat(config.target().database()).isEqualTo("app");
        assertThat(config.tables()).extracting(TableConfig::name).containsExactly("foo_ref", "bar", "baz", "qux");
        assertThat(config.table("foo_ref").orElseThrow().follow())
                .containsExactly(new Reference("foo_ref", "foo_token_id", "foo_tokens", "id"));
        assertThat(config.table("bar").orElseThrow()).extracting(TableConfig::chunkRows, TableConfig::hash)
                .containsExactly(15, HashAlgorithm.MD5);
        assertThat(config.table("baz").orElseThrow().strategy()).isEqualTo(StrategyKind.APPEND_ONLY);
        assertThat(config.table("qux").orElseThrow().chunkRows()).isEqualTo(500);
    }

    @Test
    void reportsEveryMistakeAtOnce() {
        assertThatThrownBy(() -> parse(ENDPOINTS + """
                tables:
                  bar:
                    strategy: genral
                  baz:
                    strategy: append-only
                    batch: 10
                  qux:
                    chunk-rows: -5
                """))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).extracting(Object::toString)
                        .containsExactly(
                                "tables.bar.strategy: unknown strategy 'genral'; allowed: append-only, general, slice, skip",
                                "tables.baz.batch: unknown key; allowed keys here: children, chunk-rows, follow, hash, key, strategy, where",
                                "tables.qux.chunk-rows: must be between 1 and 10000000, got -5"))
                .hasMessageStartingWith("3 config errors in the command line:");
    }

    @Test
    void reportsMissingRequiredEndpointFieldsWithTheFlagThatSetsThem() {
        assertThatThrownBy(() -> parse("source:\n  port: 99999\ntarget:\n  host: a\n  socket: /b\n"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).extracting(Object::toString)
                        .containsExactly(
                                "source.port: must be between 1 and 65535, got 99999",
                                "source.host: missing; set it in the config file or pass -o/--remote-host",
                                "source.user: missing; set it in the config file or pass -u/--remote-user",
                                "source.database: missing; set it in the config file or pass -d/--remote-database",
                                "target: set either host (TCP) or socket (local unix socket), not both",
                                "target.user: missing; set it in the config file or pass --local-user",
                                "target.database: missing; set it in the config file or pass --local-database"));
    }

    @Test
    void flagsOverrideTheFile() {
        EndpointOverrides source = new EndpointOverrides(Optional.of("10.0.0.9"), OptionalInt.of(3307), Optional.empty(),
                Optional.of("admin"), Optional.of(new PasswordSource.Literal(Secret.of("pw"))), Optional.of("other"),
                Optional.empty(), Optional.of("TLS_AES_256_GCM_SHA384"), TlsFiles.none());
        EndpointOverrides target = new EndpointOverrides(Optional.of("127.0.0.1"), OptionalInt.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), TlsFiles.none());

        Config config = loader.parse(ENDPOINTS, Optional.empty(), source, target);

        assertThat(config.source().address()).isEqualTo("10.0.0.9:3307");
        assertThat(config.source().user()).isEqualTo("admin");
        assertThat(config.source().database()).isEqualTo("other");
        assertThat(config.source().cipher()).contains("TLS_AES_256_GCM_SHA384");
        assertThat(config.target().address()).isEqualTo("127.0.0.1:3306");
        assertThat(config.target().socket()).isEmpty();
    }

    @Test
    void checksSliceReferencesAndMembership() {
        assertThatThrownBy(() -> parse(ENDPOINTS + """
                tables:
                  foo_ref:
                    strategy: slice
                    follow:
                      - foo_tokens.owner_id -> owners.id
                      - not a reference
                  foo_tokens: general
                  bar:
                    strategy: general
                    follow: [bar.x -> y.id]
                """))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).extracting(Object::toString)
                        .containsExactly(
                                "tables.foo_ref.follow[1]: 'not a reference' is not a reference; write it as table.column -> other_table.column",
                                "tables.foo_ref.where: missing; a slice needs a where filter for its root table (use '1=1' for all rows)",
                                "tables.foo_ref.follow[0]: starts from foo_tokens, which is not in the slice yet; list references from foo_ref first",
                                "tables.bar.follow: applies only to strategy slice, not general"));
    }

    @Test
    void aSliceMemberMayNotHaveItsOwnStrategy() {
        assertThatThrownBy(() -> parse(ENDPOINTS + """
                tables:
                  foo_ref:
                    strategy: slice
                    where: "1=1"
                    follow: foo_ref.foo_token_id -> foo_tokens.id
                  foo_tokens: general
                """))
                .hasMessageContaining("tables.foo_tokens: is part of slice foo_ref and is replaced with it; remove its own entry");
    }

    @Test
    void readsDaemonSettings() {
        Config config = parse(ENDPOINTS + """
                daemon:
                  server-id: 777
                  position: gtid
                  min-cycle-gap-ms: 50
                  checkpoint-name: reports
                """);

        assertThat(config.daemon().serverId()).isEqualTo(777);
        assertThat(config.daemon().position()).isEqualTo(DaemonSettings.PositionMode.GTID);
        assertThat(config.daemon().minCycleGap()).hasMillis(50);
        assertThat(config.daemon().checkpointName()).isEqualTo("reports");
        assertThat(parse(ENDPOINTS).daemon()).isEqualTo(DaemonSettings.defaults());
    }

    @Test
    void invalidYamlIsOneProblemWithALineNumber() {
        assertThatThrownBy(() -> parse("source: [unclosed\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not valid YAML at line");
    }

    @Test
    void aMissingFileNamesTheFlag() {
        assertThatThrownBy(() -> loader.load(Optional.of(Path.of("/nonexistent/mysqlslice.yaml")),
                EndpointOverrides.none(), EndpointOverrides.none()))
                .hasMessageContaining("--config: file /nonexistent/mysqlslice.yaml does not exist");
    }

    @Test
    void passwordsNeverShowInToString() {
        Config config = parse(ENDPOINTS.replace("password-env: SOURCE_PW", "password: hunter2"));

        assertThat(config.toString()).doesNotContain("hunter2");
        assertThat(List.of(config.source())).asString().doesNotContain("hunter2");
    }

    @Test
    void readsTheThrottleSectionWithItsDefaults() {
        Config defaults = parse(ENDPOINTS + "tables:\n  bar: general\n");
        assertThat(defaults.throttle().maxLoad().toString()).isEqualTo("Threads_running=25");
        assertThat(defaults.throttle().chunkTime()).isEqualTo(new ChunkTime(Duration.ofMillis(500)));

        Config config = parse(ENDPOINTS + """
                throttle:
                  max-load: none
                  max-lag-seconds: 3
                  chunk-time-ms: 100
                  replicas: ["h=replica1,P=3307"]
                tables:
                  bar: general
                """);
        assertThat(config.throttle().maxLoad()).isEqualTo(LoadLimit.NONE);
        assertThat(config.throttle().maxLag()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.throttle().chunkTime().limit()).contains(Duration.ofMillis(400));
        assertThat(config.throttle().replicas()).containsExactly("h=replica1,P=3307");
        assertThat(parse(ENDPOINTS + "throttle:\n  chunk-time-ms: 0\ntables:\n  bar: general\n").throttle().chunkTime())
                .isEqualTo(ChunkTime.OFF);
    }

    @Test
    void aChunkTimeOutOfRangeNamesTheSetting() {
        assertThatThrownBy(() -> parse(ENDPOINTS + "throttle:\n  chunk-time-ms: -5\ntables:\n  bar: general\n"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).extracting(Object::toString)
                        .containsExactly("throttle.chunk-time-ms: must be between 0 and 60000, got -5"));
    }

    private Config parse(String yaml) {
        return loader.parse(yaml, Optional.empty(), EndpointOverrides.none(), EndpointOverrides.none());
    }
}
