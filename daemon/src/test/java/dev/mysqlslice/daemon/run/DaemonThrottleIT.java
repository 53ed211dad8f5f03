package dev.mysqlslice.daemon.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mysqlslice.config.Role;
import dev.mysqlslice.daemon.binlog.BinlogInspector;
import dev.mysqlslice.daemon.checkpoint.CheckpointStore;
import dev.mysqlslice.daemon.monitor.MonitorServer;
import dev.mysqlslice.daemon.testing.RunningDaemon;
import dev.mysqlslice.jdbc.Connector;
import dev.mysqlslice.jdbc.Session;
import dev.mysqlslice.testing.RealServers;
import dev.mysqlslice.testing.ServerPair;
import dev.mysqlslice.testing.TestDatabase;
import dev.mysqlslice.throttle.Throttle;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon holds back its cycles while paused (by file or {@code POST /pause}): changes keep
 * accumulating, the lag grows, nothing is lost; once it may go on it catches up.
 */
@ExtendWith(RealServers.class)
class DaemonThrottleIT {

    @TempDir
    Path dir;

    @Test
    void aPauseFileHoldsTheCyclesBackAndRemovingItCatchesUp(ServerPair servers) throws Exception {
        Path pause = dir.resolve("pause");
        try (RunningDaemon daemon = pausedAfterConverging(servers, pause)) {
            servers.source().execute("INSERT INTO t VALUES (100, 'while paused')");

            RunningDaemon.sleep(2500);
            assertThat(servers.target().value("SELECT COUNT(*) FROM t WHERE id = 100")).isEqualTo("0");
            assertThat(daemon.daemon().metrics().heldBack()).get().asString().contains(pause.toString());
            assertThat(daemon.daemon().metrics().lagMillis(System.currentTimeMillis())).isPositive();
            assertThat(status(servers).text()).contains("throttled:         paused while the file " + pause);

            Files.delete(pause);
            daemon.awaitIdentical(servers, DaemonIT.CONVERGE, "t");
            assertThat(daemon.daemon().metrics().heldSeconds(Throttle.Reason.PAUSE_FILE)).isGreaterThanOrEqualTo(2);
            assertThat(daemon.daemon().metrics().heldBack()).isEmpty();
        }
    }

    @Test
    void aChangeHeldBackWhenTheDaemonStopsIsSyncedAfterTheRestart(ServerPair servers) throws Exception {
        Path pause = dir.resolve("pause");
        try (RunningDaemon daemon = pausedAfterConverging(servers, pause)) {
            servers.source().execute("UPDATE t SET v = 'held over a restart' WHERE id = 2");
            // Held back for a few heartbeats, each rewriting the checkpoint, which must not pass the change.
            RunningDaemon.sleep(2500);
            daemon.stop();
        }
        assertThat(servers.target().value("SELECT v FROM t WHERE id = 2")).isEqualTo("v2");
        Files.delete(pause);
        try (RunningDaemon daemon = RunningDaemon.start(servers, pausable(pause))) {
            daemon.awaitIdentical(servers, DaemonIT.CONVERGE, "t");
            assertThat(daemon.daemon().metrics().fullSyncs()).isZero();
        }
    }

    @Test
    void postPauseAndResumeOnTheMetricsPortHoldAndRelease(ServerPair servers) throws Exception {
        createTable(servers);
        try (RunningDaemon daemon = RunningDaemon.start(servers, "tables:\n  t: general\n");
             MonitorServer monitor = MonitorServer.start("127.0.0.1", 0, daemon.daemon().metrics(),
                     daemon.daemon().units(), Duration.ofSeconds(30), daemon.daemon().throttle())) {
            daemon.awaitIdentical(servers, DaemonIT.CONVERGE, "t");
            HttpClient http = HttpClient.newHttpClient();
            assertThat(post(http, monitor.port(), "pause")).isEqualTo(200);
            servers.source().execute("UPDATE t SET v = 'held' WHERE id = 1");

            RunningDaemon.sleep(2500);
            assertThat(servers.target().value("SELECT v FROM t WHERE id = 1")).isEqualTo("v1");
            String health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + monitor.port() + "/health"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(health).contains("\"throttled\":\"paused");

            assertThat(post(http, monitor.port(), "resume")).isEqualTo(200);
            daemon.awaitIdentical(servers, DaemonIT.CONVERGE, "t");
            assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + monitor.port() + "/pause"))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(405);
        }
    }

    private static DaemonReport status(ServerPair servers) {
        StatusReader reader = new StatusReader(new CheckpointStore(), new StartPlanner(
                new BinlogInspector(), new CheckpointStore()));
        try (Session source = Session.open(new Connector(),
                servers.endpoint(Role.SOURCE));
             Session target = Session.open(new Connector(),
                     servers.endpoint(Role.TARGET))) {
            return reader.read(source, target, servers.config("tables:\n  t: general\n").daemon());
        }
    }

    private static int post(HttpClient http, int port, String action) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/" + action))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** A daemon with {@code pause} as its pause file, started on table t, converged, then paused. */
    private static RunningDaemon pausedAfterConverging(ServerPair servers, Path pause) throws Exception {
        createTable(servers);
        RunningDaemon daemon = RunningDaemon.start(servers, pausable(pause));
        try {
            daemon.awaitIdentical(servers, DaemonIT.CONVERGE, "t");
            Files.writeString(pause, "");
            return daemon;
        } catch (Exception | AssertionError e) {
            daemon.close();
            throw e;
        }
    }

    private static String pausable(Path pause) {
        return "throttle:\n  pause-file: " + pause + "\ntables:\n  t: general\n";
    }

    private static void createTable(ServerPair servers) {
        for (TestDatabase database : List.of(servers.source(), servers.target())) {
            database.execute("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(20))");
        }
        servers.source().execute("INSERT INTO t VALUES (1, 'v1'), (2, 'v2')");
    }
}
