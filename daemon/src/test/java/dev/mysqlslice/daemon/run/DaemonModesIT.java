package dev.mysqlslice.daemon.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mysqlslice.daemon.testing.RunningDaemon;
import dev.mysqlslice.testing.KeyKinds;
import dev.mysqlslice.testing.RealServers;
import dev.mysqlslice.testing.Series;
import dev.mysqlslice.testing.ServerPair;
import dev.mysqlslice.testing.TableContents;
import dev.mysqlslice.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** File/position and GTID following, every key kind through the binlog, and run-once catch-up. */
@ExtendWith(RealServers.class)
class DaemonModesIT {

    @ParameterizedTest
    @ValueSource(strings = {"file", "gtid"})
    void followsByFilePositionAndByGtid(String position, ServerPair servers) {
        DaemonIT.createTables(servers);
        String yaml = "daemon:\n  position: " + position + "\n" + DaemonIT.TABLES;
        try (RunningDaemon daemon = RunningDaemon.start(servers, yaml)) {
            daemon.awaitIdentical(servers, DaemonIT.CONVERGE, "bar", "baz");
            servers.source().execute("UPDATE bar SET v = 'p' WHERE id % 1000 = 0", "INSERT INTO baz VALUES (3000, 'p')");
            daemon.awaitIdentical(servers, DaemonIT.CONVERGE, "bar", "baz");
        }
        try (RunningDaemon daemon = RunningDaemon.start(servers, yaml)) {
            servers.source().execute("DELETE FROM bar WHERE id = 17");
            daemon.awaitIdentical(servers, DaemonIT.CONVERGE, "bar");
            assertThat(daemon.daemon().metrics().fullSyncs()).isZero();
        }
    }

    static Stream<Arguments> kinds() {
        return KeyKinds.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void changesToEveryKeyKindArrive(String name, JsonNode kind, ServerPair servers) {
        for (TestDatabase database : List.of(servers.source(), servers.target())) {
            database.execute("CREATE TABLE t (" + kind.get("columns").asText() + ", n DECIMAL(10,1) NOT NULL,"
                    + " v VARCHAR(30) NULL, " + kind.get("key").asText() + ")");
        }
        servers.source().execute("INSERT INTO t SELECT " + values(kind, "seq") + ", seq, CONCAT('v', seq) FROM " + Series.of(1000));
        try (RunningDaemon daemon = RunningDaemon.start(servers, "tables:\n  t:\n    strategy: general\n    chunk-rows: 50\n")) {
            daemon.awaitIdentical(servers, DaemonIT.CONVERGE, "t");
            long hashed = daemon.daemon().metrics().rowsHashed();
            servers.source().execute("UPDATE t SET v = 'changed' WHERE n IN (1, 500, 1000)", "DELETE FROM t WHERE n = 2",
                    "INSERT INTO t SELECT " + values(kind, "250.5") + ", 250.5, 'new'");
            if (kind.has("extra")) {
                servers.source().execute(kind.get("extra").asText());
            }
            daemon.awaitIdentical(servers, DaemonIT.CONVERGE, "t");
            // Exact keys from the binlog: the changed rows were compared one by one, no range was re-hashed in bulk.
            assertThat(daemon.daemon().metrics().rowsHashed() - hashed).as(name).isLessThan(100);
        }
    }

    @Test
    void runOnceCatchUpReadsOnlyTheBinlogSinceItsLastRun(ServerPair servers) {
        DaemonIT.createTables(servers);
        Daemon.Outcome first = RunningDaemon.create(servers, DaemonIT.TABLES).run(Daemon.Mode.CATCH_UP);
        assertThat(first.fullSync()).isTrue();

        servers.source().execute("UPDATE bar SET v = 'cron' WHERE id IN (5, 6)", "INSERT INTO baz VALUES (4000, 'cron')");
        Daemon second = RunningDaemon.create(servers, DaemonIT.TABLES);
        Daemon.Outcome outcome = second.run(Daemon.Mode.CATCH_UP);

        assertThat(outcome.fullSync()).isFalse();
        assertThat(second.metrics().updated() + second.metrics().inserted()).isEqualTo(3);
        assertThat(second.metrics().rowsHashed()).isLessThan(100);
        assertThat(servers.target().value("SELECT COUNT(*) FROM bar WHERE v = 'cron'")).isEqualTo("2");
        assertThat(servers.target().value("SELECT body FROM baz WHERE id = 4000")).isEqualTo("cron");

        Daemon third = RunningDaemon.create(servers, DaemonIT.TABLES);
        assertThat(third.run(Daemon.Mode.CATCH_UP).fullSync()).isFalse();
        assertThat(third.metrics().cycles()).isZero();
    }

    @Test
    void aCatchUpWhoseRepairsKeepLeavingRowsDifferentEndsNamingTheTableAndKeepsItsChangesPending(ServerPair servers) {
        String create = "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(20))";
        servers.source().execute(create, "INSERT INTO t VALUES (1, 'a'), (2, 'b')");
        servers.target().execute(create);
        String tables = "tables:\n  t:\n    strategy: general\n";
        assertThat(RunningDaemon.create(servers, tables).run(Daemon.Mode.CATCH_UP).stillDifferent()).isEmpty();
        // Another writer on the target: every row written there is changed on the way in.
        servers.target().execute("CREATE TRIGGER t_other_writer BEFORE INSERT ON t FOR EACH ROW"
                + " SET NEW.v = CONCAT(NEW.v, '!')");
        servers.source().execute("UPDATE t SET v = 'changed' WHERE id = 2");

        Daemon.Outcome mangled = RunningDaemon.create(servers, tables).run(Daemon.Mode.CATCH_UP);

        assertThat(mangled.stillDifferent()).containsExactly("t");
        servers.target().execute("DROP TRIGGER t_other_writer");
        Daemon.Outcome next = RunningDaemon.create(servers, tables).run(Daemon.Mode.CATCH_UP);
        assertThat(next.stillDifferent()).isEmpty();
        assertThat(TableContents.of(servers.target(), "t")).isEqualTo(TableContents.of(servers.source(), "t"));
    }

    private static String values(JsonNode kind, String n) {
        List<String> values = new ArrayList<>();
        kind.get("values").forEach(value -> values.add(value.asText().replace("%n", "(" + n + ")")));
        return String.join(", ", values);
    }
}
