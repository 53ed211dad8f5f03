package dev.mysqlslice.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mysqlslice.config.ChunkTime;
import dev.mysqlslice.config.HashAlgorithm;
import dev.mysqlslice.config.Role;
import dev.mysqlslice.hash.Comparison;
import dev.mysqlslice.hash.ExpectedChanges;
import dev.mysqlslice.hash.Leaf;
import dev.mysqlslice.hash.RangeComparer;
import dev.mysqlslice.hash.RangeHasher;
import dev.mysqlslice.hash.Side;
import dev.mysqlslice.jdbc.Connector;
import dev.mysqlslice.jdbc.Session;
import dev.mysqlslice.model.KeyRange;
import dev.mysqlslice.model.TableCounters;
import dev.mysqlslice.model.TableShape;
import dev.mysqlslice.schema.SchemaReader;
import dev.mysqlslice.sync.SyncReport;
import dev.mysqlslice.testing.RealServers;
import dev.mysqlslice.testing.Series;
import dev.mysqlslice.testing.ServerPair;
import dev.mysqlslice.testing.Sync;
import dev.mysqlslice.testing.TableContents;
import dev.mysqlslice.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --chunk-time}: the rows each source scan covers adapt so that a table with very skewed
 * key density is not read in a few long queries, a scan the source stops at its time limit is
 * tried again smaller instead of failing, and the result is the same as without pacing.
 */
@ExtendWith(RealServers.class)
class ChunkTimeIT {

    private static final Logger LOG = LoggerFactory.getLogger(ChunkTimeIT.class);
    private static final int DENSE = 120_000;
    private static final int SPARSE = 120_000;
    private static final long SPARSE_STEP = 1_000_000;

    private final Connector connector = new Connector();

    @Test
    void skewedKeysAreScannedInQueriesNearTheChunkTimeAndTheSyncConverges(ServerPair servers) {
        for (TestDatabase database : List.of(servers.source(), servers.target())) {
            database.execute("CREATE TABLE t (id BIGINT PRIMARY KEY, v VARCHAR(64), n INT)");
            // Dense keys 1..120,000, then 120,000 keys a million apart: one bucket of a first
            // arithmetic cut holds half the table.
            database.executeUnlogged("INSERT INTO t SELECT seq, MD5(seq), seq % 1000 FROM " + Series.of(DENSE),
                    "INSERT INTO t SELECT " + DENSE + " + seq * " + SPARSE_STEP + ", MD5(-seq), seq % 7 FROM "
                            + Series.of(SPARSE));
        }
        List<Long> changed = List.of(7L, 60_001L, 119_999L, DENSE + 5 * SPARSE_STEP, DENSE + 99_000 * SPARSE_STEP);
        for (long id : changed) {
            servers.target().execute("UPDATE t SET n = -1 WHERE id = " + id);
        }

        ChunkTime time = new ChunkTime(Duration.ofMillis(100));
        Pacing pacing = Pacing.of(time, 1000, 5000);
        long stoppedBefore = stopped(servers.source());
        List<Leaf> leaves = compare(servers, pacing, Optional.empty());
        long stops = stopped(servers.source()) - stoppedBefore;

        for (long id : changed) {
            assertThat(leaves).as("a leaf holding changed key " + id).anyMatch(leaf -> holds(leaf, id));
        }
        List<Long> millis = new ArrayList<>(pacing.scans().millis());
        LOG.info("--chunk-time 100 over {} rows with skewed keys: {} scans, {}; {} stopped at the limit", DENSE + SPARSE,
                millis.size(), distribution(millis), stops);
        Pacing off = Pacing.off(1000, 5000);
        compare(servers, off, Optional.empty());
        LOG.info("the same without pacing: {} scans, {}", off.scans().millis().size(), distribution(off.scans().millis()));
        assertThat(millis.size()).as("scans of the source").isGreaterThan(3);
        assertThat(millis).as("every scan ended within the time limit").allMatch(ms -> ms <= time.limit().orElseThrow()
                .toMillis() + 100);

        SyncReport report = Sync.apply(servers, "throttle:\n  chunk-time-ms: 100\ntables:\n  t: general\n");
        assertThat(report.allIdentical()).isTrue();
        assertThat(TableContents.of(servers.target(), "t")).isEqualTo(TableContents.of(servers.source(), "t"));
    }

    @Test
    void aScanTheSourceStopsAtItsTimeLimitIsCutFinerNotAFailure(ServerPair servers) {
        for (TestDatabase database : List.of(servers.source(), servers.target())) {
            database.execute("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(20))");
            database.execute("INSERT INTO t SELECT seq, CONCAT('v', seq) FROM " + Series.of(3000));
        }
        servers.target().execute("UPDATE t SET v = 'changed' WHERE id IN (10, 1500, 2999)");

        // Every row costs half a millisecond to read: a bucket of 1,000 rows takes 0.5 s, over
        // the 200 ms limit of a 50 ms chunk time.
        Pacing pacing = Pacing.of(new ChunkTime(Duration.ofMillis(50)), 1000, 5000);
        long stoppedBefore = stopped(servers.source());
        List<Leaf> leaves = compare(servers, pacing, Optional.of("SLEEP(0.0005) = 0"));

        assertThat(stopped(servers.source()) - stoppedBefore).as("statements the source stopped").isPositive();
        for (int id : new int[] {10, 1500, 2999}) {
            assertThat(leaves).as("a leaf holding changed key " + id).anyMatch(leaf -> holds(leaf, id));
        }
        assertThat(pacing.scans().millis()).as("scans that finished").isNotEmpty()
                .allMatch(ms -> ms <= 200 + 100);
    }

    @Test
    void aCopyPageTheSourceStopsIsWrittenAgainInSmallerPages(ServerPair servers) {
        for (TestDatabase database : List.of(servers.source(), servers.target())) {
            database.execute("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(20))");
        }
        servers.source().execute("INSERT INTO t SELECT seq, CONCAT('v', seq) FROM " + Series.of(2000));

        // Pages of 5,000 rows (the transaction size) would take a second at half a millisecond a row.
        long stoppedBefore = stopped(servers.source());
        SyncReport report = Sync.apply(servers, "throttle:\n  chunk-time-ms: 50\ntables:\n  t:\n"
                + "    strategy: append-only\n    where: \"SLEEP(0.0005) = 0\"\n");

        assertThat(stopped(servers.source()) - stoppedBefore).as("statements the source stopped").isPositive();
        assertThat(report.allIdentical()).isTrue();
        assertThat(TableContents.of(servers.target(), "t")).isEqualTo(TableContents.of(servers.source(), "t"));
    }

    private List<Leaf> compare(ServerPair servers, Pacing pacing, Optional<String> filter) {
        ExecutorService executor = Executors.newCachedThreadPool();
        try (Session source = Session.open(connector, servers.endpoint(Role.SOURCE));
             Session target = Session.open(connector, servers.endpoint(Role.TARGET))) {
            TableShape shape = new SchemaReader().read(source).shape("t", List.of()).shape().orElseThrow();
            Side sourceSide = new Side(source, filter);
            Side targetSide = new Side(target, filter);
            Comparison comparison = new Comparison(shape, HashAlgorithm.CRC32, 1000, sourceSide, targetSide, executor,
                    new TableCounters(), pacing, ExpectedChanges.ANY);
            return new RangeComparer(new RangeHasher()).compare(comparison, KeyRange.ALL);
        } finally {
            executor.shutdownNow();
        }
    }

    /**
     * How many statements the server stopped at their time limit: MariaDB counts them in
     * Max_statement_time_exceeded, MySQL in Max_execution_time_exceeded.
     */
    private static long stopped(TestDatabase database) {
        return database.rows("SHOW GLOBAL STATUS LIKE 'Max_%_time_exceeded'").stream()
                .mapToLong(row -> Long.parseLong(row.get(1))).sum();
    }

    /** Whether a leaf of an integer-keyed table covers {@code id}. */
    private static boolean holds(Leaf leaf, long id) {
        boolean above = leaf.range().lower().map(bound -> {
            long key = ((Number) bound.key().part(0)).longValue();
            return bound.inclusive() ? id >= key : id > key;
        }).orElse(true);
        boolean below = leaf.range().upper().map(bound -> {
            long key = ((Number) bound.key().part(0)).longValue();
            return bound.inclusive() ? id <= key : id < key;
        }).orElse(true);
        return above && below;
    }

    /** p50, p90 and the largest of some durations in ms. */
    static String distribution(List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        return "p50 " + sorted.get(sorted.size() / 2) + " ms, p90 " + sorted.get(sorted.size() * 9 / 10) + " ms, max "
                + sorted.get(sorted.size() - 1) + " ms";
    }
}
