package dev.mysqlslice.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * S5: the daemon while a writer changes rows at a steady rate (single rows and small
 * transactions), with a marker row every 10 ms. The lag of each marker is the time from its
 * commit on the source to its first sight on the target. The source's CPU time is measured for
 * the same writer without and with the daemon; the difference is what the daemon cost it.
 */
final class LoadScenario {

    private static final Logger LOG = LoggerFactory.getLogger(LoadScenario.class);
    private static final String CREATE_MARKERS = "CREATE TABLE bench_markers (id BIGINT AUTO_INCREMENT PRIMARY KEY,"
            + " written_at DATETIME(6) NOT NULL)";

    private final Lab lab;
    private final BenchSettings settings;

    LoadScenario(Lab lab, BenchSettings settings) {
        this.lab = lab;
        this.settings = settings;
    }

    Measurement run() {
        for (var server : List.of(lab.source(), lab.target())) {
            lab.execute(server, true, "DROP TABLE IF EXISTS bench_markers", CREATE_MARKERS);
        }
        Writer baseline = new Writer();
        long baselineTicks = sourceTicks();
        baseline.run(settings.s5Seconds(), null);
        long baselineCpu = sourceTicks() - baselineTicks;

        Path config = lab.config("s5", "crc32", "daemon:\n  heartbeat-ms: 500\n");
        rewriteWithMarkers(config);
        // Bring the checkpoint to the end of the binlog first, so the counters cover the load only.
        Timed.shell(lab.dir(), lab.environment(), lab.mysqlslice("sync --incremental -q --config " + config));
        BenchDaemon daemon = BenchDaemon.start(lab, "s5", config, settings.daemonLog(), 120);
        MarkerObserver observer = new MarkerObserver(lab, "bench_markers", 0);
        Thread watching = new Thread(observer, "bench-observer");
        watching.start();
        Writer writer = new Writer();
        long ticks = sourceTicks();
        writer.run(settings.s5Seconds(), observer);
        long writerEnd = System.nanoTime();
        observer.awaitAll(writer.markers.keySet(), 30);
        long daemonCpu = sourceTicks() - ticks - baselineCpu;
        boolean identical = Convergence.identical(lab, "bench_orders", "id");
        observer.stop();
        long peakKb = daemon.stop();

        MarkerObserver.Lags lags = observer.lags(writer.markers);
        long missing = lags.missing();
        List<Double> known = lags.known();
        JsonNode counters = daemon.report();
        long rehashed = counters == null ? -1 : counters.path("rowsHashed").asLong() + counters.path("rowsListed").asLong();
        double perChange = writer.changes.get() == 0 ? 0 : (double) rehashed / writer.changes.get();
        String note = String.format(Locale.ROOT, "lag p50 %.0f ms, p99 %.0f ms, max %.0f ms over %d markers%s;"
                        + " %d row changes at %d/s; rows re-hashed per change %.1f; source CPU used by mysqlslice %.1f s"
                        + " (%.1f%% of one core)", percentile(known, 50), percentile(known, 99), percentile(known, 100),
                known.size(), missing > 0 ? " (" + missing + " never seen)" : "", writer.changes.get(), settings.s5Rate(),
                perChange, daemonCpu / 100.0, 100.0 * daemonCpu / 100.0 / Math.max(1, settings.s5Seconds()));
        LOG.info("S5: {}", note);
        return new Measurement("S5 daemon under load", "mysqlslice daemon", (writerEnd - writer.started) / 1e9, 1,
                writer.changes.get(), 0, rehashed, counters == null ? -1 : counters.path("inserted").asLong(), -1, peakKb / 1024,
                identical && missing == 0, note);
    }

    /** p50/p99/max of the lags, for the targets. */
    static double percentile(List<Double> sorted, int percent) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private void rewriteWithMarkers(Path config) {
        try {
            String yaml = Files.readString(config);
            Files.writeString(config, yaml + "  bench_markers: general\n");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private long sourceTicks() {
        long pid = lab.source().pid().orElseThrow();
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the source's CPU time: " + e.getMessage(), e);
        }
    }

    /** Changes rows at the configured rate: every 10 ms a marker and the rest as single rows or small transactions. */
    private final class Writer {
        final Map<Long, Long> markers = new ConcurrentHashMap<>();
        final AtomicLong changes = new AtomicLong();
        long started;

        void run(int seconds, MarkerObserver observer) {
            int perTick = Math.max(1, settings.s5Rate() / 100);
            long maxId = settings.rows() * 20 / 19;
            Random random = new Random(5);
            try (Connection connection = lab.connect(lab.source(), true);
                 PreparedStatement update = connection.prepareStatement(
                         "UPDATE bench_orders SET quantity = quantity + 1 WHERE id = ?");
                 PreparedStatement marker = connection.prepareStatement(
                         "INSERT INTO bench_markers (written_at) VALUES (NOW(6))", Statement.RETURN_GENERATED_KEYS)) {
                started = System.nanoTime();
                long end = started + seconds * 1_000_000_000L;
                long tick = 0;
                while (System.nanoTime() < end) {
                    mark(marker, observer);
                    int left = perTick - 1;
                    if (tick % 2 == 0 && left >= 3) {
                        connection.setAutoCommit(false);
                        for (int i = 0; i < 3; i++) {
                            update.setLong(1, id(random, maxId));
                            changes.addAndGet(update.executeUpdate());
                        }
                        connection.commit();
                        connection.setAutoCommit(true);
                        left -= 3;
                    }
                    for (int i = 0; i < left; i++) {
                        update.setLong(1, id(random, maxId));
                        changes.addAndGet(update.executeUpdate());
                    }
                    tick++;
                    long next = started + tick * 10_000_000L;
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
                // A closing marker after the last change: once it is seen, every change has been applied.
                mark(marker, observer);
            } catch (SQLException e) {
                throw new IllegalStateException("S5 writer: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Writes one marker row and notes when it committed. */
        private void mark(PreparedStatement marker, MarkerObserver observer) throws SQLException {
            marker.executeUpdate();
            long committed = System.nanoTime();
            try (ResultSet keys = marker.getGeneratedKeys()) {
                keys.next();
                if (observer != null) {
                    markers.put(keys.getLong(1), committed);
                }
            }
            changes.incrementAndGet();
        }

        private long id(Random random, long maxId) {
            long id = 1 + (long) (random.nextDouble() * maxId);
            return id % 20 == 0 ? id + 1 : id;
        }
    }
}
