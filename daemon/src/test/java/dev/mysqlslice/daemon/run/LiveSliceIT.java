package dev.mysqlslice.daemon.run;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.mysqlslice.daemon.monitor.DaemonMetrics;
import dev.mysqlslice.daemon.testing.RunningDaemon;
import dev.mysqlslice.strategy.SliceStrategy;
import dev.mysqlslice.testing.LogCapture;
import dev.mysqlslice.testing.RealServers;
import dev.mysqlslice.testing.Series;
import dev.mysqlslice.testing.ServerPair;
import dev.mysqlslice.testing.SqlScript;
import dev.mysqlslice.testing.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The daemon keeps a slice current in place from the binlog: every step of
 * {@code scenarios/live-slice/steps.sql} (root rows entering and leaving, followed rows updated,
 * references moving, a two-hop chain and a reference cycle cut and restored, children, shared
 * rows losing their last referrer) leaves the target holding exactly the slice, compared row by
 * row with queries on the source (a recursive CTE for the owner chain, not the tool), and no
 * cycle rebuilds it.
 */
@ExtendWith(RealServers.class)
class LiveSliceIT {

    static final String TABLES = """
            tables:
              ref:
                strategy: slice
                where: "kind = 'keep'"
                follow:
                  - ref.tok_id -> tok.id
                  - tok.owner_id -> owner.id
                  - owner.manager_id -> owner.id
                children:
                  - note.ref_id -> ref.id
            """;

    /** The slice, by table, as queries on the source. */
    static final Map<String, String> EXPECTED = new LinkedHashMap<>();

    static {
        String roots = "SELECT id FROM ref WHERE kind = 'keep'";
        String toks = "SELECT tok_id FROM ref WHERE kind = 'keep' AND tok_id IS NOT NULL";
        EXPECTED.put("ref", "SELECT * FROM ref WHERE kind = 'keep' ORDER BY id");
        EXPECTED.put("tok", "SELECT * FROM tok WHERE id IN (" + toks + ") ORDER BY id");
        EXPECTED.put("owner", "WITH RECURSIVE reached (id) AS (SELECT owner_id FROM tok WHERE owner_id IS NOT NULL"
                + " AND id IN (" + toks + ") UNION SELECT o.manager_id FROM owner o JOIN reached r ON o.id = r.id"
                + " WHERE o.manager_id IS NOT NULL) SELECT * FROM owner WHERE id IN (SELECT id FROM reached) ORDER BY id");
        EXPECTED.put("note", "SELECT * FROM note WHERE ref_id IN (" + roots + ") ORDER BY id");
    }

    static void createTables(ServerPair servers) {
        String schema = resource("schema.sql");
        servers.source().executeScript(schema);
        servers.target().executeScript(schema);
        servers.source().executeScript(resource("rows.sql"));
    }

    @Test
    void everyStepLeavesExactlyTheSliceWithoutARebuild(ServerPair servers) {
        createTables(servers);
        try (RunningDaemon daemon = RunningDaemon.start(servers, TABLES)) {
            awaitSlice(daemon, servers);
            assertThat(servers.target().rows("SELECT id FROM owner ORDER BY id")).hasSize(4);
            long rebuilt = slice(daemon).rebuilt.sum();
            for (Map.Entry<String, List<String>> step : steps().entrySet()) {
                long maintained = slice(daemon).maintained.sum();
                servers.source().execute(step.getValue().toArray(String[]::new));
                daemon.await(() -> slice(daemon).maintained.sum() > maintained, DaemonIT.CONVERGE,
                        "a cycle after: " + step.getKey());
                awaitSlice(daemon, servers);
                assertThat(slice(daemon).rebuilt.sum()).as("rebuilds after: " + step.getKey()).isEqualTo(rebuilt);
            }
            assertThat(slice(daemon).evicted.sum()).isPositive();
            assertThat(slice(daemon).added.sum()).isPositive();
        }
    }

    @Test
    void aDaemonStoppedHalfWayCarriesOnFromItsCheckpointInPlace(ServerPair servers) {
        createTables(servers);
        List<List<String>> steps = new ArrayList<>(steps().values());
        int half = steps.size() / 2;
        try (RunningDaemon daemon = RunningDaemon.start(servers, TABLES)) {
            awaitSlice(daemon, servers);
            // Stopped right after the changes: some may still be drained but not synced.
            steps.subList(0, half).forEach(statements -> servers.source().execute(statements.toArray(String[]::new)));
        }
        steps.subList(half, steps.size())
                .forEach(statements -> servers.source().execute(statements.toArray(String[]::new)));

        try (RunningDaemon daemon = RunningDaemon.start(servers, TABLES)) {
            daemon.await(() -> differing(servers).isEmpty(), DaemonIT.CONVERGE, "the slice after the restart");
            assertThat(daemon.daemon().metrics().fullSyncs()).isZero();
            assertThat(slice(daemon).rebuilt.sum()).isZero();
            assertThat(slice(daemon).maintained.sum()).isPositive();
        }
    }

    @Test
    void syncIncrementalMaintainsTheSliceInPlaceToo(ServerPair servers) {
        createTables(servers);
        RunningDaemon.create(servers, TABLES).run(Daemon.Mode.CATCH_UP);
        steps().values().forEach(statements -> servers.source().execute(statements.toArray(String[]::new)));

        Daemon daemon = RunningDaemon.create(servers, TABLES);
        daemon.run(Daemon.Mode.CATCH_UP);

        assertSlice(servers);
        assertThat(daemon.metrics().slices().get("ref").maintained.sum()).isPositive();
        assertThat(daemon.metrics().slices().get("ref").rebuilt.sum()).isZero();
    }

    @Test
    void aReaderNeverSeesAMemberWithoutTheRowsItRefersTo(ServerPair servers) throws Exception {
        createTables(servers);
        servers.source().execute("INSERT INTO owner SELECT 100 + seq, 101 + seq % 20, 'ring' FROM " + Series.of(20),
                "INSERT INTO tok SELECT 100 + seq, 101 + seq % 20, 'tok' FROM " + Series.of(40),
                "INSERT INTO ref SELECT 100 + seq, IF(seq % 2 = 0, 'keep', 'drop'), 101 + seq % 40 FROM " + Series.of(200),
                "INSERT INTO note SELECT 100 + seq, 101 + seq % 200, 'note' FROM " + Series.of(400));
        List<String> seen = new CopyOnWriteArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong reads = new AtomicLong();
        try (RunningDaemon daemon = RunningDaemon.start(servers, TABLES)) {
            awaitSlice(daemon, servers);
            long rebuilt = slice(daemon).rebuilt.sum();
            Thread reader = new Thread(() -> readUntilStopped(servers.target(), running, seen, reads), "slice-reader");
            reader.start();
            Random random = new Random(16);
            long until = System.nanoTime() + Duration.ofSeconds(6).toNanos();
            while (System.nanoTime() < until) {
                int ref = 101 + random.nextInt(200);
                servers.source().execute(switch (random.nextInt(4)) {
                    case 0 -> "UPDATE ref SET kind = IF(kind = 'keep', 'drop', 'keep') WHERE id = " + ref;
                    case 1 -> "UPDATE ref SET tok_id = " + (101 + random.nextInt(40)) + " WHERE id = " + ref;
                    case 2 -> "UPDATE tok SET owner_id = " + (101 + random.nextInt(20)) + " WHERE id = "
                            + (101 + random.nextInt(40));
                    default -> "UPDATE note SET ref_id = " + ref + " WHERE id = " + (101 + random.nextInt(400));
                });
                RunningDaemon.sleep(random.nextInt(20));
            }
            awaitSlice(daemon, servers);
            running.set(false);
            reader.join();
            assertThat(slice(daemon).rebuilt.sum()).isEqualTo(rebuilt);
        }
        assertThat(reads.get()).isGreaterThan(20);
        assertThat(seen).isEmpty();
    }

    @Test
    void manyChangedRowsOrDdlRebuildTheSliceAndSaySo(ServerPair servers) {
        createTables(servers);
        servers.source().execute("INSERT INTO ref SELECT 1000 + seq, 'keep', 1 FROM " + Series.of(6000));
        try (RunningDaemon daemon = RunningDaemon.start(servers, TABLES);
             LogCapture log = LogCapture.of(SliceStrategy.class)) {
            awaitSlice(daemon, servers);
            long rebuilt = slice(daemon).rebuilt.sum();
            servers.source().execute("UPDATE ref SET tok_id = 3 WHERE id > 1000");
            daemon.await(() -> slice(daemon).rebuilt.sum() > rebuilt, DaemonIT.CONVERGE, "a rebuild");
            awaitSlice(daemon, servers);
            assertThat(log.messages(Level.INFO)).anyMatch(message -> message.startsWith(
                    "slice ref is rebuilt instead of maintained in place: 6000 rows of the slice changed in one cycle"));

            long afterBulk = slice(daemon).rebuilt.sum();
            servers.source().execute("ALTER TABLE tok ADD COLUMN extra INT NULL", "UPDATE tok SET extra = id");
            servers.target().execute("ALTER TABLE tok ADD COLUMN extra INT NULL");
            daemon.await(() -> slice(daemon).rebuilt.sum() > afterBulk, DaemonIT.CONVERGE, "a rebuild after DDL");
            awaitSlice(daemon, servers);
        }
    }

    @Test
    void aRootTableThatIsFollowedKeepsRowsOutsideWhereWhileAMemberRefersToThem(ServerPair servers) {
        String schema = "CREATE TABLE cat (id INT PRIMARY KEY, kind VARCHAR(10) NOT NULL, parent_id INT NULL,"
                + " KEY (parent_id))";
        servers.source().execute(schema, "INSERT INTO cat VALUES (1, 'drop', NULL), (2, 'drop', 1), (3, 'keep', 2),"
                + " (4, 'drop', NULL), (5, 'drop', 6), (6, 'drop', 5)");
        servers.target().execute(schema);
        String tables = """
                tables:
                  cat:
                    strategy: slice
                    where: "kind = 'keep'"
                    follow:
                      - cat.parent_id -> cat.id
                """;
        String expected = "WITH RECURSIVE reached (id) AS (SELECT id FROM cat WHERE kind = 'keep' UNION"
                + " SELECT c.parent_id FROM cat c JOIN reached r ON c.id = r.id WHERE c.parent_id IS NOT NULL)"
                + " SELECT * FROM cat WHERE id IN (SELECT id FROM reached) ORDER BY id";
        List<String[]> steps = List.of(
                new String[] {"UPDATE cat SET kind = 'drop' WHERE id = 3"},
                new String[] {"UPDATE cat SET kind = 'keep' WHERE id = 2"},
                new String[] {"UPDATE cat SET parent_id = 4 WHERE id = 2"},
                new String[] {"UPDATE cat SET kind = 'keep' WHERE id = 6"},
                new String[] {"UPDATE cat SET kind = 'drop' WHERE id = 6", "UPDATE cat SET parent_id = 5 WHERE id = 4"},
                new String[] {"DELETE FROM cat WHERE id = 2"});
        try (RunningDaemon daemon = RunningDaemon.start(servers, tables)) {
            BooleanSupplier exact = () -> servers.target().rows("SELECT * FROM cat ORDER BY id")
                    .equals(servers.source().rows(expected));
            daemon.await(() -> slice(daemon, "cat").rebuilt.sum() > 0 && exact.getAsBoolean(), DaemonIT.CONVERGE,
                    "the first sync");
            assertThat(servers.target().rows("SELECT id FROM cat ORDER BY id")).hasSize(3);
            for (String[] step : steps) {
                long maintained = slice(daemon, "cat").maintained.sum();
                servers.source().execute(step);
                daemon.await(() -> slice(daemon, "cat").maintained.sum() > maintained && exact.getAsBoolean(),
                        DaemonIT.CONVERGE, "the slice after " + String.join("; ", step));
            }
            assertThat(slice(daemon, "cat").rebuilt.sum()).isEqualTo(1);
        }
    }

    private static DaemonMetrics.SliceCounts slice(RunningDaemon daemon, String name) {
        return daemon.daemon().metrics().slices().get(name);
    }

    private static void readUntilStopped(TestDatabase target, AtomicBoolean running, List<String> seen, AtomicLong reads) {
        String[] dangling = {
            "SELECT COUNT(*) FROM ref r LEFT JOIN tok t ON t.id = r.tok_id WHERE r.tok_id IS NOT NULL AND t.id IS NULL",
            "SELECT COUNT(*) FROM tok t LEFT JOIN owner o ON o.id = t.owner_id WHERE t.owner_id IS NOT NULL AND o.id IS NULL",
            "SELECT COUNT(*) FROM owner m LEFT JOIN owner o ON o.id = m.manager_id"
                    + " WHERE m.manager_id IS NOT NULL AND o.id IS NULL",
            "SELECT COUNT(*) FROM note n LEFT JOIN ref r ON r.id = n.ref_id WHERE r.id IS NULL",
            "SELECT COUNT(*) FROM ref WHERE kind <> 'keep'"};
        try (Connection connection = target.connect(); Statement statement = connection.createStatement()) {
            while (running.get()) {
                statement.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT");
                for (String query : dangling) {
                    try (ResultSet rows = statement.executeQuery(query)) {
                        rows.next();
                        if (rows.getLong(1) != 0 && seen.size() < 10) {
                            seen.add(query + " -> " + rows.getLong(1));
                        }
                    }
                }
                statement.execute("COMMIT");
                reads.incrementAndGet();
            }
        } catch (SQLException e) {
            seen.add(e.toString());
        }
    }

    private static DaemonMetrics.SliceCounts slice(RunningDaemon daemon) {
        return daemon.daemon().metrics().slices().get("ref");
    }

    static void awaitSlice(RunningDaemon daemon, ServerPair servers) {
        // The first (full) sync rebuilds the slice; its cycle is counted just after the swap.
        daemon.await(() -> slice(daemon).rebuilt.sum() > 0, DaemonIT.CONVERGE, "the first sync");
        daemon.await(() -> differing(servers).isEmpty(), DaemonIT.CONVERGE, "the target holding exactly the slice");
    }

    static void assertSlice(ServerPair servers) {
        assertThat(differing(servers)).isEmpty();
    }

    private static List<String> differing(ServerPair servers) {
        List<String> differing = new ArrayList<>();
        EXPECTED.forEach((table, query) -> {
            if (!servers.target().rows("SELECT * FROM " + table + " ORDER BY id").equals(servers.source().rows(query))) {
                differing.add(table);
            }
        });
        return differing;
    }

    /** The steps of steps.sql: each comment line starting "-- step:" begins one, with its statements. */
    static Map<String, List<String>> steps() {
        Map<String, List<String>> steps = new LinkedHashMap<>();
        String name = null;
        StringBuilder body = new StringBuilder();
        for (String line : resource("steps.sql").split("\n")) {
            if (line.startsWith("-- step:")) {
                if (name != null) {
                    steps.put(name, SqlScript.split(body.toString()));
                }
                name = line.substring("-- step:".length()).trim();
                body.setLength(0);
            } else if (!line.startsWith("--")) {
                body.append(line).append('\n');
            }
        }
        steps.put(name, SqlScript.split(body.toString()));
        return steps;
    }

    private static String resource(String name) {
        try (InputStream in = LiveSliceIT.class.getResourceAsStream("/scenarios/live-slice/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
