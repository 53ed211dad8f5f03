package dev.mysqlslice.daemon.monitor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.mysqlslice.concurrent.DaemonThreads;
import dev.mysqlslice.error.Failure;
import dev.mysqlslice.error.MysqlsliceException;
import dev.mysqlslice.throttle.Throttle;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code /metrics} (Prometheus text format) and {@code /health} (200 or 503 with a JSON
 * body) for a running daemon, on the JDK's built-in HTTP server with one thread.
 */
public final class MonitorServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MonitorServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final PrometheusMeterRegistry registry;

    private MonitorServer(HttpServer server, PrometheusMeterRegistry registry) {
        this.server = server;
        this.registry = registry;
    }

    /**
     * Starts serving on {@code address:port} (port 0 picks a free one).
     *
     * @param maxLag the lag above which {@code /health} answers 503
     */
    public static MonitorServer start(String address, int port, DaemonMetrics metrics, List<String> tables,
                                      Duration maxLag) {
        return start(address, port, metrics, tables, maxLag, Throttle.none());
    }

    /**
     * Starts serving, with {@code POST /pause} and {@code POST /resume} holding back and releasing
     * {@code throttle} ({@code mysqlslice pause}, {@code mysqlslice resume}); those answer only
     * clients on the same machine (403 otherwise), whatever address the server listens on.
     */
    public static MonitorServer start(String address, int port, DaemonMetrics metrics, List<String> tables,
                                      Duration maxLag, Throttle throttle) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        DaemonMeters.bind(registry, metrics, tables);
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(address, port), 16);
        } catch (IOException e) {
            throw new MysqlsliceException(Failure.CONFIG, "daemon.metrics-port: cannot listen on " + address + ":" + port
                    + " (" + e.getMessage() + "); choose a free port or set daemon.metrics-port: 0 to turn metrics off", e);
        }
        server.setExecutor(Executors.newSingleThreadExecutor(DaemonThreads.named("mysqlslice-monitor")));
        server.createContext("/metrics", exchange -> respond(exchange, 200,
                "text/plain; version=0.0.4; charset=utf-8", registry.scrape()));
        server.createContext("/health", exchange -> {
            Health health = Health.of(metrics.hasStarted(), metrics.isTailing(), metrics.lagMillis(), maxLag,
                    metrics.stoppedTables());
            Map<String, Object> fields = new LinkedHashMap<>(health.fields());
            metrics.heldBack().ifPresent(reason -> fields.put("throttled", reason));
            respond(exchange, health.httpStatus(), "application/json", JSON.writeValueAsString(fields) + "\n");
        });
        server.createContext("/pause", exchange -> control(exchange, () -> {
            throttle.pause();
            LOG.info("paused by {} (POST /pause); POST /resume or mysqlslice resume goes on", exchange.getRemoteAddress());
        }));
        server.createContext("/resume", exchange -> control(exchange, () -> {
            throttle.resume();
            LOG.info("resumed by {} (POST /resume)", exchange.getRemoteAddress());
        }));
        server.start();
        MonitorServer monitor = new MonitorServer(server, registry);
        LOG.info("serving /metrics and /health on {}:{}", address, monitor.port());
        return monitor;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** A POST from this machine runs {@code action}; anything else is refused. */
    private static void control(HttpExchange exchange, Runnable action) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "POST");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            if (!exchange.getRemoteAddress().getAddress().isLoopbackAddress()) {
                exchange.sendResponseHeaders(403, -1);
                return;
            }
            action.run();
            byte[] bytes = "{\"status\":\"ok\"}\n".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        registry.close();
    }
}
