package dev.mysqlslice.testing;

import dev.mysqlslice.sandbox.LocalServer;
import dev.mysqlslice.sandbox.Sandbox;
import dev.mysqlslice.sandbox.ServerBinaries;
import dev.mysqlslice.sandbox.ServerSpec;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The source and target servers of this test JVM, obtained once: from JDBC URLs in
 * {@code MYSQLSLICE_TEST_SOURCE_URL}/{@code MYSQLSLICE_TEST_TARGET_URL}, else MySQL 8 containers
 * when a Docker engine exists, else throwaway local mariadbd/mysqld processes. Without any of
 * these every test that needs a server fails (it is never skipped) with a message on how to get one.
 */
public final class TestServers {

    public static final String SOURCE_URL_ENV = "MYSQLSLICE_TEST_SOURCE_URL";
    public static final String TARGET_URL_ENV = "MYSQLSLICE_TEST_TARGET_URL";

    private static final Logger LOG = LoggerFactory.getLogger(TestServers.class);
    private static TestServers instance;
    private static RuntimeException startFailure;

    private final ServerAddress source;
    private final ServerAddress target;
    private final Optional<Sandbox> sandbox;

    private TestServers(ServerAddress source, ServerAddress target, Optional<Sandbox> sandbox) {
        this.source = source;
        this.target = target;
        this.sandbox = sandbox;
    }

    /** The servers of this JVM, started on first use. */
    public static synchronized TestServers get() {
        if (startFailure != null) {
            throw startFailure;
        }
        if (instance == null) {
            try {
                instance = obtain();
            } catch (RuntimeException e) {
                startFailure = new IllegalStateException("no test server available: " + e.getMessage()
                        + ". Tests need a real server: " + ServerBinaries.INSTALL_HINT
                        + ", or set " + SOURCE_URL_ENV + " and " + TARGET_URL_ENV, e);
                throw startFailure;
            }
        }
        return instance;
    }

    /** The source server's flavor and version (one connection, to decide which scenarios apply to it). */
    public dev.mysqlslice.dialect.Dialect sourceDialect() {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("user", source.user());
        properties.setProperty("password", source.password());
        properties.setProperty("sslMode", "DISABLED");
        properties.setProperty("allowPublicKeyRetrieval", "true");
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(source.jdbcUrl(), properties)) {
            return dev.mysqlslice.dialect.Dialect.of(connection.getMetaData().getDatabaseProductVersion());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot reach the test source: " + e.getMessage(), e);
        }
    }

    public ServerAddress source() {
        return source;
    }

    public ServerAddress target() {
        return target;
    }

    /** The local server processes, when the servers are local (daemon tests restart and kill them). */
    public Optional<Sandbox> sandbox() {
        return sandbox;
    }

    private static TestServers obtain() {
        String sourceUrl = System.getenv(SOURCE_URL_ENV);
        String targetUrl = System.getenv(TARGET_URL_ENV);
        if (sourceUrl != null && targetUrl != null) {
            LOG.info("using test servers from {} and {}", SOURCE_URL_ENV, TARGET_URL_ENV);
            return new TestServers(parse(sourceUrl, "env"), parse(targetUrl, "env"), Optional.empty());
        }
        if (Containers.dockerAvailable()) {
            return Containers.start();
        }
        return local();
    }

    private static TestServers local() {
        Path dir;
        try {
            dir = Files.createTempDirectory("mysqlslice-test-servers-");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a temp directory: " + e.getMessage(), e);
        }
        Sandbox sandbox = Sandbox.start(dir, ServerSpec.source(), ServerSpec.target());
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::destroy, "test-servers-shutdown"));
        LOG.info("started local test servers in {}", dir);
        return new TestServers(address(sandbox.source()), address(sandbox.target()), Optional.of(sandbox));
    }

    static TestServers of(ServerAddress source, ServerAddress target) {
        return new TestServers(source, target, Optional.empty());
    }

    private static ServerAddress address(LocalServer server) {
        return new ServerAddress(server.host(), server.port(), LocalServer.USER, LocalServer.PASSWORD,
                Optional.of(server.socket()), server.flavor().name().toLowerCase() + "-local");
    }

    /** Parses {@code jdbc:mysql://host:port/?user=u&password=p}. */
    static ServerAddress parse(String jdbcUrl, String kind) {
        URI uri = URI.create(jdbcUrl.replaceFirst("^jdbc:", ""));
        Map<String, String> query = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] parts = pair.split("=", 2);
                query.put(parts[0], parts.length > 1 ? java.net.URLDecoder.decode(parts[1], java.nio.charset.StandardCharsets.UTF_8) : "");
            }
        }
        return new ServerAddress(uri.getHost(), uri.getPort() < 0 ? 3306 : uri.getPort(),
                query.getOrDefault("user", "root"), query.getOrDefault("password", ""), Optional.empty(), kind);
    }
}
