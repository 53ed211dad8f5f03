package dev.mysqlslice.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.mysqlslice.error.Failure;
import dev.mysqlslice.sync.SyncReport;
import dev.mysqlslice.testing.Eventually;
import dev.mysqlslice.testing.LogCapture;
import dev.mysqlslice.testing.RealServers;
import dev.mysqlslice.testing.Series;
import dev.mysqlslice.testing.ServerPair;
import dev.mysqlslice.testing.Sync;
import dev.mysqlslice.testing.TableContents;
import dev.mysqlslice.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A busy source holds a sync back: with eight sessions in {@code SELECT SLEEP} on the source,
 * {@code max-load: Threads_running=5} lets no comparison query through (the source's own
 * {@code Com_select} counter does not move) until they end, then the sync finishes identical;
 * {@code critical-load} stops it instead, and a run once the source is quiet converges.
 */
@ExtendWith(RealServers.class)
class ThrottleIT {

    private static final int SLEEPERS = 8;
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int SLEEP_SECONDS = 4;

    @Test
    void aBusySourceHoldsTheSyncBackWithoutAQueryUntilItIsQuietAgain(ServerPair servers) throws Exception {
        createTables(servers);
        String yaml = "throttle:\n  max-load: Threads_running=5\ntables:\n  t: general\n";
        ExecutorService pool = Executors.newCachedThreadPool();
        try (LogCapture log = LogCapture.of(Throttle.class);
             Connection watcher = servers.source().connect()) {
            List<Future<?>> sleepers = keepBusy(servers.source(), pool);
            Future<SyncReport> sync = pool.submit(() -> Sync.apply(servers, yaml));
            Eventually.await(() -> log.messages(Level.INFO).stream().anyMatch(message ->
                    message.startsWith("holding back work on the source: the source is busy: Threads_running=")),
                    "the sync holding back", WAIT);

            long selects = status(watcher, "Com_select");
            Thread.sleep(1500);
            assertThat(status(watcher, "Com_select") - selects).as("SELECTs on the source while held back").isZero();
            assertThat(sync.isDone()).isFalse();

            for (Future<?> sleeper : sleepers) {
                sleeper.get(30, TimeUnit.SECONDS);
            }
            SyncReport report = sync.get(60, TimeUnit.SECONDS);
            assertThat(report.allIdentical()).isTrue();
            assertThat(TableContents.of(servers.target(), "t")).isEqualTo(TableContents.of(servers.source(), "t"));
            assertThat(log.messages(Level.INFO)).anyMatch(message -> message.startsWith("going on after holding back"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theCriticalLoadStopsTheSyncAndARunOnceTheSourceIsQuietConverges(ServerPair servers) throws Exception {
        createTables(servers);
        String critical = "throttle:\n  critical-load: Threads_running=6\ntables:\n  t: general\n";
        ExecutorService pool = Executors.newCachedThreadPool();
        try {
            List<Future<?>> sleepers = keepBusy(servers.source(), pool);
            SyncReport stopped = Sync.apply(servers, critical);

            assertThat(stopped.firstFailure()).isPresent();
            assertThat(stopped.firstFailure().get().failure()).isEqualTo(Failure.CRITICAL_LOAD);
            assertThat(stopped.firstFailure().get().getMessage()).contains("critical load Threads_running=")
                    .contains("(ceiling 6)");
            for (Future<?> sleeper : sleepers) {
                sleeper.get(30, TimeUnit.SECONDS);
            }
            assertThat(Sync.apply(servers, critical).allIdentical()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    private static void createTables(ServerPair servers) {
        for (TestDatabase database : List.of(servers.source(), servers.target())) {
            database.execute("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(20))");
        }
        servers.source().execute("INSERT INTO t SELECT seq, CONCAT('v', seq) FROM " + Series.of(3000));
    }

    /** Starts {@value #SLEEPERS} sessions sleeping on the source and waits until they all run. */
    private static List<Future<?>> keepBusy(TestDatabase source, ExecutorService pool) throws Exception {
        List<Future<?>> sleepers = new ArrayList<>();
        for (int i = 0; i < SLEEPERS; i++) {
            sleepers.add(pool.submit(() -> source.execute("SELECT SLEEP(" + SLEEP_SECONDS + ")")));
        }
        try (Connection watcher = source.connect()) {
            Eventually.await(() -> status(watcher, "Threads_running") > SLEEPERS, "the sleepers running", WAIT);
        }
        return sleepers;
    }

    private static long status(Connection connection, String name) {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW GLOBAL STATUS LIKE '" + name + "'")) {
            rows.next();
            return Long.parseLong(rows.getString(2));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
