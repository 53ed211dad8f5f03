package dev.mysqlslice.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mysqlslice.model.SyncMode;
import dev.mysqlslice.model.TableReport;
import dev.mysqlslice.model.TableState;
import dev.mysqlslice.testing.RealServers;
import dev.mysqlslice.testing.Series;
import dev.mysqlslice.testing.ServerPair;
import dev.mysqlslice.testing.Sync;
import dev.mysqlslice.testing.TableContents;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealServers.class)
class GeneralStrategyIT {

    private static final String TABLES = "tables:\n  t:\n    strategy: general\n    chunk-rows: 100\n";

    @Test
    void aCompositeKeyBucketedByItsLeadingColumnCountsRowsAboveTheTargetsLargestKeyOnce(ServerPair servers) {
        String create = "CREATE TABLE t (a INT NOT NULL, b INT NOT NULL, v VARCHAR(20), PRIMARY KEY (a, b))";
        servers.source().execute(create, "INSERT INTO t SELECT seq DIV 3, seq % 3, CONCAT('v', seq) FROM " + Series.of(900),
                "INSERT INTO t VALUES (300, 3, 'past'), (300, 4, 'past'), (301, 0, 'past')");
        servers.target().execute(create, "INSERT INTO t SELECT seq DIV 3, seq % 3, CONCAT('v', seq) FROM " + Series.of(900),
                "UPDATE t SET v = 'changed' WHERE a IN (5, 150)");

        TableReport dryRun = Sync.only(Sync.run(servers, TABLES, SyncMode.DRY_RUN));
        TableReport sync = Sync.only(Sync.apply(servers, TABLES));

        assertThat(sync.state()).isEqualTo(TableState.IDENTICAL);
        assertThat(List.of(sync.counters().inserted(), sync.counters().updated())).containsExactly(3L, 6L);
        assertThat(List.of(dryRun.counters().inserted(), dryRun.counters().updated())).containsExactly(3L, 6L);
        assertThat(TableContents.of(servers.target(), "t")).isEqualTo(TableContents.of(servers.source(), "t"));
    }

    @Test
    void aDifferingBucketIsHashedFinerSoOnlyAFewOfItsRowsAreListed(ServerPair servers) {
        for (var database : List.of(servers.source(), servers.target())) {
            database.execute("CREATE TABLE f (id INT PRIMARY KEY, v VARCHAR(20))",
                    "INSERT INTO f SELECT seq, CONCAT('v', seq) FROM " + Series.of(20000),
                    "CREATE TABLE g (a INT NOT NULL, b INT NOT NULL, v VARCHAR(20), PRIMARY KEY (a, b))",
                    "INSERT INTO g SELECT seq DIV 4, seq % 4, CONCAT('v', seq) FROM " + Series.of(20000));
        }
        servers.source().execute("UPDATE f SET v = 'changed' WHERE id IN (10, 7001, 19999)",
                "DELETE FROM g WHERE a = 2500 AND b = 1", "UPDATE g SET v = 'changed' WHERE a IN (10, 4000)");
        String tables = "tables:\n  f: general\n  g: general\n";

        List<TableReport> dryRun = Sync.run(servers, tables, SyncMode.DRY_RUN).tables();
        List<TableReport> sync = Sync.apply(servers, tables).tables();

        for (TableReport report : List.of(dryRun.get(0), dryRun.get(1), sync.get(0), sync.get(1))) {
            // Listing whole buckets of 1,000 rows would list 2 x 3,000 rows per table; finer buckets of 62 keys far fewer.
            assertThat(report.counters().rowsListed()).as(report.table()).isPositive().isLessThan(2 * 3 * 200);
        }
        assertThat(sync).extracting(TableReport::state).containsOnly(TableState.IDENTICAL);
        assertThat(sync.stream().map(report -> report.counters().updated() + report.counters().deleted()).toList())
                .containsExactlyInAnyOrder(3L, 9L);
        assertThat(TableContents.of(servers.target(), "f")).isEqualTo(TableContents.of(servers.source(), "f"));
        assertThat(TableContents.of(servers.target(), "g")).isEqualTo(TableContents.of(servers.source(), "g"));
    }

    @Test
    void copiesAnEmptyTargetThenRepairsInsertsUpdatesAndDeletesEverywhere(ServerPair servers) {
        String create = "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(20), n INT NULL)";
        servers.source().execute(create, "INSERT INTO t SELECT seq, CONCAT('v', seq), seq FROM " + Series.of(5000));
        servers.target().execute(create);

        TableReport first = Sync.only(Sync.apply(servers, TABLES));

        assertThat(first.state()).isEqualTo(TableState.IDENTICAL);
        assertThat(first.counters().inserted()).isEqualTo(5000);
        assertThat(TableContents.of(servers.target(), "t")).isEqualTo(TableContents.of(servers.source(), "t"));

        servers.source().execute("UPDATE t SET v = 'first' WHERE id = 1", "UPDATE t SET n = NULL WHERE id = 2500",
                "UPDATE t SET v = '' WHERE id = 5000", "DELETE FROM t WHERE id IN (2, 2501, 4999)",
                "INSERT INTO t VALUES (0, 'zero', 0), (2502000, 'far', NULL)");
        servers.target().execute("INSERT INTO t VALUES (-7, 'only target', 1)", "UPDATE t SET n = 99 WHERE id = 3000");

        TableReport second = Sync.only(Sync.apply(servers, TABLES));

        assertThat(second.state()).isEqualTo(TableState.IDENTICAL);
        assertThat(second.counters().inserted()).isEqualTo(2);
        assertThat(second.counters().updated()).isEqualTo(4);
        assertThat(second.counters().deleted()).isEqualTo(4);
        assertThat(TableContents.of(servers.target(), "t")).isEqualTo(TableContents.of(servers.source(), "t"));
    }

    @Test
    void aSingleChangedRowOf200000IsFoundByReadingOneLeafOnly(ServerPair servers) {
        String create = "CREATE TABLE big (id BIGINT PRIMARY KEY, a INT, b VARCHAR(40), c DATETIME(6))";
        servers.source().execute(create, "INSERT INTO big SELECT seq, seq % 97, MD5(seq), '2020-01-01' + INTERVAL seq SECOND"
                + " FROM " + Series.of(200000));
        servers.target().execute(create);
        String tables = "tables:\n  big:\n    strategy: general\n    chunk-rows: 1000\n";
        Sync.only(Sync.apply(servers, tables));
        servers.source().execute("UPDATE big SET b = 'changed' WHERE id = 123457");

        TableReport report = Sync.only(Sync.apply(servers, tables));

        assertThat(report.state()).isEqualTo(TableState.IDENTICAL);
        assertThat(report.counters().updated()).isEqualTo(1);
        assertThat(report.counters().rangesDifferent()).isEqualTo(1);
        assertThat(report.counters().rowsCopied()).isEqualTo(1);
        // Only the one leaf's rows were listed row by row, on each server (a leaf holds at most 2 x chunk-rows).
        assertThat(report.counters().rowsListed()).isPositive().isLessThanOrEqualTo(2 * 2000);
        assertThat(servers.target().value("SELECT b FROM big WHERE id = 123457")).isEqualTo("changed");
    }

    @Test
    void dryRunWritesNothingAndCountsWhatTheRealRunApplies(ServerPair servers) {
        String create = "CREATE TABLE t (id INT PRIMARY KEY, v INT)";
        servers.source().execute(create, "INSERT INTO t SELECT seq, seq FROM " + Series.of(3000));
        servers.target().execute(create, "INSERT INTO t SELECT seq, seq FROM " + Series.of(2000) + " WHERE seq % 10 <> 0",
                "UPDATE t SET v = 0 WHERE id % 7 = 0", "INSERT INTO t VALUES (-1, -1)");
        List<List<String>> before = TableContents.of(servers.target(), "t");

        TableReport dryRun = Sync.only(Sync.run(servers, TABLES, SyncMode.DRY_RUN));

        assertThat(TableContents.of(servers.target(), "t")).isEqualTo(before);
        assertThat(dryRun.state()).isEqualTo(TableState.DIFFERENT);

        TableReport applied = Sync.only(Sync.apply(servers, TABLES));

        assertThat(List.of(applied.counters().inserted(), applied.counters().updated(), applied.counters().deleted()))
                .containsExactly(dryRun.counters().inserted(), dryRun.counters().updated(), dryRun.counters().deleted())
                .containsExactly(1000L + 200, 257L, 1L);
        assertThat(TableContents.of(servers.target(), "t")).isEqualTo(TableContents.of(servers.source(), "t"));
    }

    @Test
    void verifyReportsDifferingKeysWithoutWriting(ServerPair servers) {
        String create = "CREATE TABLE t (id INT PRIMARY KEY, v INT)";
        servers.source().execute(create, "INSERT INTO t VALUES (1, 1), (2, 2), (3, 3)");
        servers.target().execute(create, "INSERT INTO t VALUES (1, 1), (2, 20), (4, 4)");

        TableReport verify = Sync.only(Sync.run(servers, TABLES, SyncMode.VERIFY));

        assertThat(verify.state()).isEqualTo(TableState.DIFFERENT);
        assertThat(verify.differences()).containsExactlyInAnyOrder("missing on target: 3", "differs: 2", "only on target: 4");
        assertThat(servers.target().count("t")).isEqualTo(3);
    }

    @Test
    void aSecondaryUniqueKeySwapBetweenRowsStillConverges(ServerPair servers) {
        String create = "CREATE TABLE u (id INT PRIMARY KEY, email VARCHAR(20) NOT NULL, UNIQUE KEY uq_email (email))";
        servers.source().execute(create, "INSERT INTO u SELECT seq, CONCAT('e', seq) FROM " + Series.of(1000));
        servers.target().execute(create, "INSERT INTO u SELECT seq, CONCAT('e', seq) FROM " + Series.of(1000));
        servers.source().execute("UPDATE u SET email = 'tmp' WHERE id = 1", "UPDATE u SET email = 'e1' WHERE id = 999",
                "UPDATE u SET email = 'e999' WHERE id = 1");

        TableReport report = Sync.only(Sync.apply(servers, "tables:\n  u:\n    strategy: general\n    chunk-rows: 10\n"));

        assertThat(report.state()).isEqualTo(TableState.IDENTICAL);
        assertThat(TableContents.of(servers.target(), "u")).isEqualTo(TableContents.of(servers.source(), "u"));
    }

    /**
     * CRC32 is linear: XOR-ing the CRCs of equal-length rows cancels when two rows get the same
     * edit at the same place, or swap values. The range hash must still see both.
     */
    @Test
    void theSameEditOnTwoRowsAndASwapBetweenTwoRowsAreFound(ServerPair servers) {
        String create = "CREATE TABLE item (order_id INT, line SMALLINT, product VARCHAR(20), qty INT,"
                + " PRIMARY KEY (order_id, line))";
        String rows = "INSERT INTO item SELECT s DIV 2, s % 2, CONCAT('p', s DIV 2), 6 FROM (SELECT seq + 999 AS s FROM "
                + Series.of(2000) + ") shifted";
        servers.source().execute(create, rows, "UPDATE item SET qty = 7 WHERE order_id = 700",
                "UPDATE item SET product = IF(order_id = 900, 'p901', 'p900') WHERE order_id IN (900, 901) AND line = 0");
        servers.target().execute(create, rows);
        String tables = "tables:\n  item:\n    chunk-rows: 100\n";

        TableReport verify = Sync.only(Sync.run(servers, tables, SyncMode.VERIFY));

        assertThat(verify.differences()).containsExactlyInAnyOrder("differs: (700, 0)", "differs: (700, 1)",
                "differs: (900, 0)", "differs: (901, 0)");
        assertThat(Sync.only(Sync.apply(servers, tables)).state()).isEqualTo(TableState.IDENTICAL);
        assertThat(TableContents.of(servers.target(), "item")).isEqualTo(TableContents.of(servers.source(), "item"));
    }

    @Test
    void denseChangesListEveryBucketWithoutHashingItAndABucketTooBigToListIsCutByHash(ServerPair servers) {
        // 20,000 rows spread out plus 5,000 packed into what becomes one bucket: too big to list whole.
        String create = "CREATE TABLE d (id INT PRIMARY KEY, v INT, s VARCHAR(20))";
        String rows = "INSERT INTO d SELECT seq * 100, seq, CONCAT('s', seq) FROM " + Series.of(20000);
        String packed = "INSERT INTO d SELECT 3000000 + seq, seq, 'packed' FROM " + Series.of(5000);
        servers.source().execute(create, rows, packed);
        servers.target().execute(create, rows, packed);
        servers.source().execute("UPDATE d SET v = v + 1 WHERE id % 3 = 0", "DELETE FROM d WHERE id % 7 = 0",
                "INSERT INTO d VALUES (150, 0, 'new'), (3100000, 0, 'far')");
        servers.target().execute("INSERT INTO d VALUES (250, 0, 'only on target')");
        String tables = "tables:\n  d:\n    chunk-rows: 100\n";

        TableReport report = Sync.only(Sync.apply(servers, tables));

        assertThat(report.state()).isEqualTo(TableState.IDENTICAL);
        assertThat(TableContents.of(servers.target(), "d")).isEqualTo(TableContents.of(servers.source(), "d"));
        // Hashing every bucket would hash the 25,000 rows on both servers; the sample, the packed
        // bucket and the rechecks hash far fewer.
        assertThat(report.counters().rowsHashed()).isLessThan(2 * 25_000);
        assertThat(Sync.only(Sync.run(servers, tables, SyncMode.VERIFY)).state()).isEqualTo(TableState.IDENTICAL);
    }

    @Test
    void changesScatteredOverEveryBucketAreHashedInNarrowBucketsOnceNotHashedTwice(ServerPair servers) {
        String create = "CREATE TABLE w (id INT PRIMARY KEY, v INT, s VARCHAR(20))";
        String rows = "INSERT INTO w SELECT seq, seq, CONCAT('s', seq) FROM " + Series.of(64000);
        servers.source().execute(create, rows, "UPDATE w SET v = -v WHERE CRC32(id) % 50 = 0");
        servers.target().execute(create, rows);
        String tables = "tables:\n  w:\n    chunk-rows: 256\n";

        TableReport report = Sync.only(Sync.apply(servers, tables));

        assertThat(report.state()).isEqualTo(TableState.IDENTICAL);
        assertThat(report.counters().updated()).isEqualTo(Long.parseLong(servers.source().value("SELECT COUNT(*) FROM w WHERE v < 0")));
        assertThat(TableContents.of(servers.target(), "w")).isEqualTo(TableContents.of(servers.source(), "w"));
        // 2% of rows changed: nearly all 250 buckets of 256 rows differ, and hashing them and then
        // again 16 times finer would hash the 64,000 rows twice on both servers. A sixteenth as
        // wide, about a quarter differ: the table is hashed once, in those, and they are listed.
        assertThat(report.counters().rowsHashed()).isLessThan(3 * 64_000);
        assertThat(report.counters().rowsListed()).isLessThan(2 * 32_000);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"crc32", "md5"})
    void noComparisonQueryAssignsAUserVariable(String hash, ServerPair servers) {
        for (var database : List.of(servers.source(), servers.target())) {
            database.execute("CREATE TABLE h (id INT PRIMARY KEY, v VARCHAR(20), f FLOAT NULL)");
        }
        servers.source().execute("INSERT INTO h SELECT seq, CONCAT('v', seq), seq / 3 FROM "
                + dev.mysqlslice.testing.Series.of(3000));
        String tables = "tables:\n  h:\n    strategy: general\n    chunk-rows: 50\n    hash: " + hash + "\n";
        Sync.apply(servers, tables);
        servers.source().execute("UPDATE h SET v = 'changed' WHERE id % 97 = 0", "DELETE FROM h WHERE id = 5");
        List<List<String>> logged = new java.util.ArrayList<>();
        for (var database : List.of(servers.source(), servers.target())) {
            database.executeUnlogged("SET GLOBAL log_output = 'TABLE'", "TRUNCATE TABLE mysql.general_log",
                    "SET GLOBAL general_log = 'ON'");
        }
        try {
            assertThat(Sync.apply(servers, tables).allIdentical()).isTrue();
            assertThat(Sync.run(servers, tables, SyncMode.VERIFY).allIdentical()).isTrue();
        } finally {
            for (var database : List.of(servers.source(), servers.target())) {
                database.executeUnlogged("SET GLOBAL general_log = 'OFF'");
                logged.addAll(database.rows("SELECT CONVERT(argument USING utf8mb4) FROM mysql.general_log"
                        + " WHERE command_type = 'Query' AND (argument LIKE '%CRC32(%' OR argument LIKE '%MD5(%')"));
                database.executeUnlogged("TRUNCATE TABLE mysql.general_log");
            }
        }
        assertThat(logged).as("comparison queries seen").isNotEmpty();
        assertThat(logged).noneSatisfy(row -> assertThat(row.get(0)).contains(":="));
    }
}
