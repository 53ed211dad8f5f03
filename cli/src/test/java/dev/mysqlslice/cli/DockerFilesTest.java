package dev.mysqlslice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.mysqlslice.config.Config;
import dev.mysqlslice.config.ConfigLoader;
import dev.mysqlslice.config.EndpointOverrides;
import dev.mysqlslice.config.PasswordSource;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What of docker/ can run without a Docker engine: the entrypoint script and the config it mounts. */
class DockerFilesTest {

    private static final Path DOCKER = Path.of("").toAbsolutePath().getParent().resolve("docker");

    @TempDir
    Path dir;

    record Run(int exit, String output, List<String> javaArgs) {
    }

    @Test
    void theCommentedExampleConfigIsValid() {
        Config config = new ConfigLoader().load(Optional.of(DOCKER.resolveSibling("examples").resolve("mysqlslice.yaml")),
                EndpointOverrides.none(), EndpointOverrides.none());
        assertThat(config.source().sslMode()).isEqualTo(dev.mysqlslice.config.SslMode.VERIFY_IDENTITY);
        assertThat(config.source().tls().ca()).contains(java.nio.file.Path.of("/etc/mysqlslice/ca.pem"));
    }

    @Test
    void theMountedConfigIsValidAndKeepsPasswordsInTheEnvironment() throws IOException {
        Config config = new ConfigLoader().load(Optional.of(DOCKER.resolve("mysqlslice.yaml")), EndpointOverrides.none(),
                EndpointOverrides.none());
        assertThat(config.source().host()).contains("source");
        assertThat(config.source().password()).isEqualTo(new PasswordSource.Environment("MYSQLSLICE_SOURCE_PASSWORD"));
        assertThat(config.target().password()).isEqualTo(new PasswordSource.Environment("MYSQLSLICE_TARGET_PASSWORD"));
        assertThat(config.daemon().metricsPort()).isEqualTo(9464);
        assertThat(config.tables()).extracting(table -> table.name()).containsExactly("items", "events");
        String compose = Files.readString(DOCKER.resolve("compose.yaml"));
        assertThat(compose).contains("./mysqlslice.yaml:/etc/mysqlslice/mysqlslice.yaml:ro", "--gtid-mode=ON",
                "--binlog-format=ROW", "dockerfile: docker/Dockerfile");
        assertThat(Files.readString(DOCKER.resolve("Dockerfile"))).contains("USER 10001", "HEALTHCHECK",
                "ENTRYPOINT [\"mysqlslice-entrypoint\"]");
    }

    @Test
    void mysqlsliceCommandsRunTheJarWithTheMountedConfigAndTheDaemonServesMetrics() throws Exception {
        Path config = Files.writeString(dir.resolve("mysqlslice.yaml"), "tables: {}\n");
        Map<String, String> environment = Map.of("MYSQLSLICE_CONFIG", config.toString(), "JAVA_OPTS", "-Xmx64m");

        assertThat(entrypoint(environment).javaArgs()).containsExactly("-Xmx64m", "-jar", "/opt/mysqlslice/mysqlslice.jar",
                "daemon", "--config", config.toString(), "--metrics-port", "9464");
        assertThat(entrypoint(environment, "sync", "--table", "items").javaArgs()).endsWith("sync", "--config",
                config.toString(), "--table", "items");
        assertThat(entrypoint(environment, "schema", "pull", "--replace").javaArgs()).endsWith("schema", "pull",
                "--config", config.toString(), "--replace");
        assertThat(entrypoint(environment, "daemon", "--config", "/other.yaml", "--metrics-port", "0").javaArgs())
                .endsWith("daemon", "--config", "/other.yaml", "--metrics-port", "0");
        assertThat(entrypoint(environment, "bash", "-c", "echo passed through").output()).contains("passed through");
    }

    @Test
    void aMissingConfigIsOneClearLineAndExit2() throws Exception {
        Run run = entrypoint(Map.of("MYSQLSLICE_CONFIG", dir.resolve("absent.yaml").toString()), "daemon");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.output().strip()).hasLineCount(1).contains("absent.yaml is missing", "MYSQLSLICE_CONFIG");
        assertThat(run.javaArgs()).isEmpty();
    }

    @Test
    void theHealthcheckFollowsTheDaemonsHealthEndpoint() throws Exception {
        int[] status = {200};
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/health", exchange -> {
            exchange.sendResponseHeaders(status[0], -1);
            exchange.close();
        });
        server.start();
        try {
            Map<String, String> environment = Map.of("MYSQLSLICE_METRICS_PORT",
                    Integer.toString(server.getAddress().getPort()));
            assertThat(entrypoint(environment, "healthcheck").exit()).isZero();
            status[0] = 503;
            assertThat(entrypoint(environment, "healthcheck").exit()).isNotZero();
        } finally {
            server.stop(0);
        }
        int closed = server.getAddress().getPort();
        assertThat(entrypoint(Map.of("MYSQLSLICE_METRICS_PORT", Integer.toString(closed)), "healthcheck").exit())
                .isNotZero();
    }

    private Run entrypoint(Map<String, String> environment, String... args) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path recorded = dir.resolve("java-args");
        Files.deleteIfExists(recorded);
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/usr/bin/env bash\nprintf '%s\\n' \"$@\" > '" + recorded + "'\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> command = new ArrayList<>(List.of("bash", DOCKER.resolve("entrypoint.sh").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = new HashMap<>(environment);
        env.put("PATH", bin + ":" + System.getenv("PATH"));
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        List<String> javaArgs = Files.exists(recorded) ? Files.readAllLines(recorded) : List.of();
        return new Run(process.exitValue(), output, javaArgs);
    }
}
