package dev.mysqlslice.daemon.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mysqlslice.daemon.run.Daemon;
import dev.mysqlslice.daemon.testing.RunningDaemon;
import dev.mysqlslice.testing.RealServers;
import dev.mysqlslice.testing.Series;
import dev.mysqlslice.testing.ServerPair;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealServers.class)
class MonitorServerIT {

    private static final String TABLES = """
            daemon:
              max-lag-seconds: 1
            tables:
              bar:
                strategy: general
                chunk-rows: 100
            """;
    private static final Duration CONVERGE = Duration.ofSeconds(20);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void metricsFollowTheChangesAndHealthTurns503WhileTheDaemonLags(ServerPair servers) throws Exception {
        for (var database : java.util.List.of(servers.source(), servers.target())) {
            database.execute("CREATE TABLE bar (id INT PRIMARY KEY, v VARCHAR(20))");
        }
        servers.source().execute("INSERT INTO bar SELECT seq, CONCAT('v', seq) FROM " + Series.of(1000));
        try (RunningDaemon running = RunningDaemon.start(servers, TABLES);
             MonitorServer monitor = start(running.daemon())) {
            running.awaitIdentical(servers, CONVERGE, "bar");
            running.await(() -> get(monitor, "/health").statusCode() == 200, CONVERGE, "/health answering 200");
            String before = get(monitor, "/metrics").body();
            assertThat(before).contains("mysqlslice_seconds_behind_source", "mysqlslice_binlog_tailing 1.0",
                    "mysqlslice_full_syncs_total 1.0", "mysqlslice_table_stopped{table=\"bar\"} 0.0",
                    "mysqlslice_dirty_ranges_pending{table=\"bar\"}", "mysqlslice_cycle_duration_seconds_count");
            assertThat(get(monitor, "/health").body()).contains("\"status\":\"UP\"", "\"tailing\":true");

            servers.source().execute("UPDATE bar SET v = 'changed' WHERE id <= 10", "DELETE FROM bar WHERE id = 500",
                    "INSERT INTO bar VALUES (2000, 'new')");
            running.awaitIdentical(servers, CONVERGE, "bar");
            String after = get(monitor, "/metrics").body();
            assertThat(value(after, "mysqlslice_rows_updated_total")).as(after).isGreaterThanOrEqualTo(10);
            assertThat(value(after, "mysqlslice_rows_deleted_total")).as(after).isGreaterThanOrEqualTo(1);
            assertThat(value(after, "mysqlslice_binlog_events_read_total"))
                    .isGreaterThan(value(before, "mysqlslice_binlog_events_read_total"));
            assertThat(value(after, "mysqlslice_rows_inserted_total"))
                    .isGreaterThan(value(before, "mysqlslice_rows_inserted_total"));

            // A target table locked by someone else holds the next cycle: the daemon falls behind.
            try (Connection blocker = servers.target().connect(); Statement statement = blocker.createStatement()) {
                statement.execute("LOCK TABLES bar WRITE");
                servers.source().execute("UPDATE bar SET v = 'late' WHERE id = 1");
                running.await(() -> get(monitor, "/health").statusCode() == 503, CONVERGE, "/health answering 503");
                assertThat(get(monitor, "/health").body()).contains("\"status\":\"DOWN\"", "max-lag-seconds");
                assertThat(value(get(monitor, "/metrics").body(), "mysqlslice_seconds_behind_source")).isGreaterThan(1);
                statement.execute("UNLOCK TABLES");
            }
            running.awaitIdentical(servers, CONVERGE, "bar");
            running.await(() -> get(monitor, "/health").statusCode() == 200, CONVERGE, "/health answering 200 again");
        }
    }

    private static MonitorServer start(Daemon daemon) {
        return MonitorServer.start("127.0.0.1", 0, daemon.metrics(), daemon.units(), daemon.settings().maxLag());
    }

    private HttpResponse<String> get(MonitorServer monitor, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + monitor.port() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double value(String metrics, String name) {
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? (\\S+)$").matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(2)) : -1;
    }
}
