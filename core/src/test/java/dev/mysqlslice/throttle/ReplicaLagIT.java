package dev.mysqlslice.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.mysqlslice.sync.SyncReport;
import dev.mysqlslice.testing.Eventually;
import dev.mysqlslice.testing.LogCapture;
import dev.mysqlslice.testing.RealServers;
import dev.mysqlslice.testing.Series;
import dev.mysqlslice.testing.ServerPair;
import dev.mysqlslice.testing.Sync;
import dev.mysqlslice.testing.TestDatabase;
import dev.mysqlslice.testing.TestReplica;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replica of the source listed in {@code throttle.replicas} holds a sync back while it does not
 * replicate (stopped: its lag is unknown, so it counts as lagging), and starting it releases the
 * sync. The replica is a {@link TestReplica}: a local mariadbd, or a MySQL container next to the
 * source container.
 */
@ExtendWith(RealServers.class)
class ReplicaLagIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void aStoppedReplicaHoldsTheSyncBackAndStartingItReleasesIt(ServerPair servers) throws Exception {
        for (TestDatabase database : List.of(servers.source(), servers.target())) {
            database.execute("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(20))");
        }
        servers.source().execute("INSERT INTO t SELECT seq, CONCAT('v', seq) FROM " + Series.of(500));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (TestReplica replica = TestReplica.of(servers.source(), dir);
             LogCapture log = LogCapture.of(Throttle.class)) {
            Eventually.await(() -> "0".equals(replica.secondsBehind()), "the replica catching up", WAIT);
            replica.stopReplicating();
            String yaml = "throttle:\n  max-lag-seconds: 1\n  replicas:\n    - \"" + replica.dsn() + "\"\ntables:\n  t: general\n";

            Future<SyncReport> sync = pool.submit(() -> Sync.apply(servers, yaml));
            Eventually.await(() -> log.messages(Level.INFO).stream().anyMatch(message -> message.startsWith(
                    "holding back work on the source: replica " + replica.host() + ":" + replica.port()
                            + " is not replicating")), "the sync holding back", WAIT);
            Thread.sleep(1500);
            assertThat(sync.isDone()).isFalse();
            assertThat(servers.target().count("t")).isZero();

            replica.startReplicating();
            SyncReport report = sync.get(60, TimeUnit.SECONDS);
            assertThat(report.allIdentical()).isTrue();
            assertThat(log.messages(Level.INFO)).anyMatch(message -> message.startsWith("going on after holding back"));
        } finally {
            pool.shutdownNow();
        }
    }
}
