package dev.mysqlslice.daemon.run;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDataDeserializer;
import dev.mysqlslice.daemon.binlog.BinlogFaults;
import dev.mysqlslice.daemon.binlog.Unaccounted;
import dev.mysqlslice.daemon.monitor.DaemonMetrics;
import dev.mysqlslice.daemon.testing.RunningDaemon;
import dev.mysqlslice.testing.LogCapture;
import dev.mysqlslice.testing.RealServers;
import dev.mysqlslice.testing.Series;
import dev.mysqlslice.testing.ServerPair;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every form the source writes changes in reaches the target: MariaDB's compressed binlog events,
 * minimal and no-blob row images, statement-format sessions, and rows the decoder or the router
 * fails on (compared in full, never skipped, and never passed by the checkpoint).
 */
@ExtendWith(RealServers.class)
class ChangeFormsIT {

    static final String TABLES = "tables:\n  acct:\n    strategy: general\n    chunk-rows: 100\n  note: general\n";

    static void createTables(ServerPair servers) {
        for (var database : List.of(servers.source(), servers.target())) {
            database.execute("CREATE TABLE acct (id INT PRIMARY KEY, owner VARCHAR(40) NOT NULL, balance DECIMAL(12,2),"
                            + " memo TEXT NULL)",
                    "CREATE TABLE note (id BIGINT PRIMARY KEY, body VARCHAR(200))");
        }
        servers.source().execute("INSERT INTO acct SELECT seq, CONCAT('owner-', seq), seq * 1.5, REPEAT('m', seq % 70)"
                + " FROM " + Series.of(20000), "INSERT INTO note SELECT seq, CONCAT('note ', seq) FROM " + Series.of(100));
    }

    /**
     * Changes of every kind, written compressed: MariaDB's log_bin_compress (global, each event
     * zlib-compressed) or MySQL's binlog_transaction_compression (the session's transactions as zstd payloads).
     */
    static void changeCompressed(ServerPair servers, String tag) {
        if (!servers.source().dialect().isMariadb()) {
            change(servers, tag, "SET SESSION binlog_transaction_compression = ON");
            return;
        }
        servers.source().execute("SET GLOBAL log_bin_compress = ON", "SET GLOBAL log_bin_compress_min_len = 10");
        try {
            change(servers, tag);
        } finally {
            servers.source().execute("SET GLOBAL log_bin_compress = OFF");
        }
    }

    /** Changes of every kind: many rows in one statement, deletes, an insert, a multi-statement transaction. */
    static void change(ServerPair servers, String tag, String... sessionSettings) {
        List<String> statements = new ArrayList<>(List.of(sessionSettings));
        statements.addAll(List.of("UPDATE acct SET balance = balance + 1, memo = CONCAT('" + tag + " ', memo)"
                        + " WHERE id BETWEEN 1001 AND 1500",
                "DELETE FROM acct WHERE id BETWEEN 19990 AND 20000",
                "INSERT INTO acct VALUES (25001, '" + tag + "', 1, NULL)",
                "START TRANSACTION",
                "INSERT INTO note VALUES (1001, '" + tag + " in a transaction')",
                "UPDATE note SET body = '" + tag + "' WHERE id IN (3, 4)",
                "DELETE FROM acct WHERE id = 7",
                "COMMIT"));
        servers.source().execute(statements.toArray(String[]::new));
    }

    private static long unaccounted(DaemonMetrics metrics) {
        return Arrays.stream(Unaccounted.values()).mapToLong(metrics::comparedInFull).sum();
    }

    @Test
    void compressedBinlogEventsWhileTheDaemonRunsAreDecodedKeyByKey(ServerPair servers) {
        createTables(servers);
        try (RunningDaemon daemon = RunningDaemon.start(servers, TABLES)) {
            daemon.awaitIdentical(servers, DaemonIT.CONVERGE, "acct", "note");
            long hashed = daemon.daemon().metrics().rowsHashed();
            changeCompressed(servers, "compressed");
            daemon.awaitIdentical(servers, DaemonIT.CONVERGE, "acct", "note");
            // Keys were read from the compressed rows: nothing was compared in full (that hashes 40,000 rows).
            assertThat(unaccounted(daemon.daemon().metrics())).isZero();
            assertThat(daemon.daemon().metrics().rowsHashed() - hashed).isLessThan(5000);
        }
    }

    @Test
    void compressedTransactionsReachTheTargetThroughSyncIncremental(ServerPair servers) {
        createTables(servers);
        assertThat(RunningDaemon.create(servers, TABLES).run(Daemon.Mode.CATCH_UP).fullSync()).isTrue();
        changeCompressed(servers, "compressed catch-up");
        Daemon second = RunningDaemon.create(servers, TABLES);
        assertThat(second.run(Daemon.Mode.CATCH_UP).fullSync()).isFalse();

        DaemonIT.assertIdentical(servers, "acct", "note");
        assertThat(unaccounted(second.metrics())).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"MINIMAL", "NOBLOB"})
    void minimalAndNoBlobRowImagesAreReadKeyByKey(String image, ServerPair servers) {
        createTables(servers);
        try (RunningDaemon daemon = RunningDaemon.start(servers, TABLES)) {
            daemon.awaitIdentical(servers, DaemonIT.CONVERGE, "acct", "note");
            long hashed = daemon.daemon().metrics().rowsHashed();
            servers.source().execute("SET GLOBAL binlog_row_image = '" + image + "'");
            try {
                change(servers, image);
                servers.source().execute("UPDATE acct SET id = 29005 WHERE id = 5", "UPDATE acct SET memo = 'blob only' WHERE id = 6");
            } finally {
                servers.source().execute("SET GLOBAL binlog_row_image = 'FULL'");
            }
            daemon.awaitIdentical(servers, DaemonIT.CONVERGE, "acct", "note");
            // An UPDATE's key comes from its before image: no table was compared in full.
            assertThat(daemon.daemon().metrics().rowsHashed() - hashed).as(image).isLessThan(5000);
        }
    }

    @Test
    void aStatementFormatSessionsChangesAreComparedInFullWithAWarning(ServerPair servers) {
        createTables(servers);
        try (RunningDaemon daemon = RunningDaemon.start(servers, TABLES); LogCapture log = LogCapture.of(BinlogFollower.class)) {
            daemon.awaitIdentical(servers, DaemonIT.CONVERGE, "acct", "note");
            servers.source().execute("SET SESSION binlog_format = 'STATEMENT'",
                    "UPDATE acct SET owner = 'by statement' WHERE id BETWEEN 10 AND 20",
                    "INSERT INTO acct VALUES (26001, 'statement insert', 2, 'x')",
                    "DELETE FROM note WHERE id = 50");
            daemon.awaitIdentical(servers, DaemonIT.CONVERGE, "acct", "note");

            assertThat(daemon.daemon().metrics().comparedInFull(Unaccounted.STATEMENT_FORMAT)).isPositive();
            assertThat(log.messages(Level.WARN)).anySatisfy(line -> assertThat(line)
                    .contains("a data change written as a statement (binlog_format=STATEMENT or MIXED in that session)")
                    .contains("keep binlog_format=ROW in every source session"));
        }
    }

    @Test
    void aRowsEventTheDecoderFailsOnIsComparedInFullAndTheCheckpointNeverSkipsIt(ServerPair servers) {
        createTables(servers);
        assertThat(RunningDaemon.create(servers, TABLES).run(Daemon.Mode.CATCH_UP).fullSync()).isTrue();
        servers.source().execute("UPDATE acct SET owner = 'first' WHERE id = 100",
                "UPDATE acct SET owner = 'second, undecodable' WHERE id = 200",
                "UPDATE note SET body = 'third' WHERE id = 9");
        AtomicInteger updates = new AtomicInteger();
        BinlogFaults secondUpdateFails = new BinlogFaults() {
            @Override
            public EventDataDeserializer<?> rows(EventType type, EventDataDeserializer<?> library) {
                if (type != EventType.UPDATE_ROWS) {
                    return library;
                }
                return input -> {
                    if (updates.incrementAndGet() == 2) {
                        throw new IOException("injected: the second UPDATE cannot be decoded");
                    }
                    return library.deserialize(input);
                };
            }
        };

        Daemon faulty;
        try (LogCapture log = LogCapture.of(BinlogFollower.class)) {
            faulty = RunningDaemon.create(servers, TABLES, secondUpdateFails);
            assertThat(faulty.run(Daemon.Mode.CATCH_UP).fullSync()).isFalse();
            assertThat(log.messages(Level.WARN)).anySatisfy(line -> assertThat(line)
                    .startsWith("acct: the UPDATE_ROWS event could not be decoded (IOException: injected")
                    .endsWith("comparing acct in full instead"));
        }
        assertThat(updates.get()).isGreaterThanOrEqualTo(3);
        assertThat(faulty.metrics().comparedInFull(Unaccounted.UNDECODABLE_ROWS)).isEqualTo(1);
        DaemonIT.assertIdentical(servers, "acct", "note");

        // The checkpoint written after it covers the change: the next run has nothing left to do.
        Daemon next = RunningDaemon.create(servers, TABLES);
        next.run(Daemon.Mode.CATCH_UP);
        assertThat(next.metrics().cycles()).isZero();
    }

    @Test
    void aRoutingStepThatFailsMarksTheTablesWholeAndTheyStillConverge(ServerPair servers) {
        createTables(servers);
        BinlogFaults deletesFail = new BinlogFaults() {
            @Override
            public void beforeRouting(Event event) {
                if (event.getHeader().getEventType() == EventType.DELETE_ROWS) {
                    throw new IllegalStateException("injected routing failure");
                }
            }
        };
        try (RunningDaemon daemon = RunningDaemon.start(servers, TABLES, deletesFail)) {
            daemon.awaitIdentical(servers, DaemonIT.CONVERGE, "acct", "note");
            servers.source().execute("DELETE FROM acct WHERE id = 33", "DELETE FROM note WHERE id = 34");
            daemon.awaitIdentical(servers, DaemonIT.CONVERGE, "acct", "note");
            assertThat(daemon.daemon().metrics().comparedInFull(Unaccounted.ROUTING_FAILURE)).isEqualTo(2);
        }
    }
}
