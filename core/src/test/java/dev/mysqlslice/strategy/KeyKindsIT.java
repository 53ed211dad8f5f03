package dev.mysqlslice.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mysqlslice.model.SyncMode;
import dev.mysqlslice.model.TableReport;
import dev.mysqlslice.model.TableState;
import dev.mysqlslice.testing.KeyKinds;
import dev.mysqlslice.testing.RealServers;
import dev.mysqlslice.testing.Series;
import dev.mysqlslice.testing.ServerPair;
import dev.mysqlslice.testing.Sync;
import dev.mysqlslice.testing.TableContents;
import dev.mysqlslice.testing.TestDatabase;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The general strategy converges for every key kind (scenarios/key-kinds/kinds.yaml). */
@ExtendWith(RealServers.class)
class KeyKindsIT {

    private static final String TABLES = "tables:\n  t:\n    strategy: general\n    chunk-rows: 100\n";

    static Stream<Arguments> kinds() {
        return KeyKinds.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void convergesAfterChangesInTheFirstMiddleAndLastRangeAndAtBothEnds(String name, JsonNode kind, ServerPair servers) {
        create(servers.source(), kind, 3000);
        create(servers.target(), kind, 3000);
        String keyOrder = keyColumns(kind);
        servers.source().execute(
                "UPDATE t SET v = 'changed' WHERE n IN (1, 1500, 3000)",
                "DELETE FROM t WHERE n IN (2, 1501, 2999)",
                "DELETE FROM t ORDER BY " + keyOrder + " LIMIT 1",
                "DELETE FROM t ORDER BY " + keyOrder.replace(",", " DESC,") + " DESC LIMIT 1",
                insert(kind, "750.5", "'new'"), insert(kind, "2500.5", "'new'"), insert(kind, "0.5", "'new first'"));
        if (kind.has("extra")) {
            servers.source().execute(kind.get("extra").asText());
        }
        servers.target().execute(insert(kind, "100.5", "'only on target'"));

        TableReport dryRun = Sync.only(Sync.run(servers, TABLES, SyncMode.DRY_RUN));
        TableReport sync = Sync.only(Sync.apply(servers, TABLES));
        TableReport again = Sync.only(Sync.apply(servers, TABLES));

        assertThat(TableContents.of(servers.target(), "t")).isEqualTo(TableContents.of(servers.source(), "t"));
        assertThat(sync.state()).isEqualTo(TableState.IDENTICAL);
        assertThat(sync.counters().changes()).isGreaterThanOrEqualTo(10);
        assertThat(List.of(dryRun.counters().inserted(), dryRun.counters().updated(), dryRun.counters().deleted()))
                .containsExactly(sync.counters().inserted(), sync.counters().updated(), sync.counters().deleted());
        assertThat(again.counters().changes()).isZero();
        assertThat(again.state()).isEqualTo(TableState.IDENTICAL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void appendOnlyAndSliceConvergeForEveryKeyKind(String name, JsonNode kind, ServerPair servers) {
        create(servers.source(), kind, 2000);
        create(servers.target(), kind, 1000);
        String keyOrder = keyColumns(kind);
        servers.target().execute(insert(kind, "2500", "'beyond the source'"));
        String appendOnly = "tables:\n  t: append-only\n";

        TableReport appended = Sync.only(Sync.apply(servers, appendOnly));

        assertThat(appended.state()).as(name).isEqualTo(TableState.IDENTICAL);
        assertThat(TableContents.of(servers.target(), "t")).isEqualTo(TableContents.of(servers.source(), "t"));
        if (!kind.path("monotonic").asBoolean(true)) {
            // New keys landed below the target's largest: found by the counts, then compared row by row.
            assertThat(appended.differences()).first().asString().contains("use strategy general");
        }

        servers.source().execute("UPDATE t SET v = 'changed' WHERE n IN (1, 1000, 2000)",
                "DELETE FROM t ORDER BY " + keyOrder + " LIMIT 1", insert(kind, "999.5", "'new'"));
        String slice = "tables:\n  t:\n    strategy: slice\n    where: \"v <> 'v7'\"\n";

        assertThat(Sync.apply(servers, slice).allIdentical()).isTrue();
        assertThat(servers.target().count("t")).isEqualTo(servers.source().count("t") - 1);
        assertThat(Sync.run(servers, slice, SyncMode.VERIFY).allIdentical()).isTrue();
    }

    /**
     * Half the rows changed over 300 buckets: a sync of integer keys takes the sampled, count-only
     * path; a verify (no sample) hashes every bucket and finds the same rows.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void denseChangesConverge(String name, JsonNode kind, ServerPair servers) {
        create(servers.source(), kind, 3000);
        create(servers.target(), kind, 3000);
        servers.source().execute("UPDATE t SET v = CONCAT(v, '*') WHERE n % 2 = 0", "DELETE FROM t WHERE n % 7 = 0",
                insert(kind, "1500.5", "'new'"));
        String tables = "tables:\n  t:\n    strategy: general\n    chunk-rows: 10\n";

        TableReport verify = Sync.only(Sync.run(servers, tables, SyncMode.VERIFY));
        TableReport sync = Sync.only(Sync.apply(servers, tables));

        assertThat(verify.state()).as(name).isEqualTo(TableState.DIFFERENT);
        assertThat(verify.counters().changes()).as(name).isEqualTo(sync.counters().changes());

        assertThat(TableContents.of(servers.target(), "t")).as(name).isEqualTo(TableContents.of(servers.source(), "t"));
        assertThat(sync.state()).isEqualTo(TableState.IDENTICAL);
        assertThat(Sync.only(Sync.apply(servers, tables)).counters().changes()).isZero();
    }

    @Test
    void anEmptySourceEmptiesTheTargetAndAnEmptyTargetIsFilled(ServerPair servers) throws IOException {
        JsonNode kind = kinds().findFirst().orElseThrow().get()[1] instanceof JsonNode node ? node : null;
        create(servers.source(), kind, 0);
        create(servers.target(), kind, 500);

        TableReport emptied = Sync.only(Sync.apply(servers, TABLES));

        assertThat(emptied.counters().deleted()).isEqualTo(500);
        assertThat(servers.target().count("t")).isZero();

        servers.source().execute(insert(kind, "1", "'a'"), insert(kind, "2", "'b'"));
        TableReport filled = Sync.only(Sync.apply(servers, TABLES));

        assertThat(filled.counters().inserted()).isEqualTo(2);
        assertThat(TableContents.of(servers.target(), "t")).isEqualTo(TableContents.of(servers.source(), "t"));
    }

    private static void create(TestDatabase database, JsonNode kind, int rows) {
        database.execute("CREATE TABLE t (" + kind.get("columns").asText() + ", n DECIMAL(10,1) NOT NULL,"
                + " v VARCHAR(30) NULL, " + kind.get("key").asText() + ")");
        if (rows > 0) {
            database.execute("INSERT INTO t SELECT " + values(kind, "seq") + ", seq, CONCAT('v', seq) FROM " + Series.of(rows));
        }
    }

    private static String insert(JsonNode kind, String n, String v) {
        return "INSERT INTO t SELECT " + values(kind, n) + ", " + n + ", " + v;
    }

    private static String values(JsonNode kind, String n) {
        List<String> values = new ArrayList<>();
        kind.get("values").forEach(value -> values.add(value.asText().replace("%n", "(" + n + ")")));
        return String.join(", ", values);
    }

    private static String keyColumns(JsonNode kind) {
        String key = kind.get("key").asText();
        return key.substring(key.indexOf('(') + 1, key.lastIndexOf(')'));
    }
}
