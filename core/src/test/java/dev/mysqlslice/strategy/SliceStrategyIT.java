package dev.mysqlslice.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mysqlslice.model.SyncMode;
import dev.mysqlslice.model.TableReport;
import dev.mysqlslice.model.TableState;
import dev.mysqlslice.testing.RealServers;
import dev.mysqlslice.testing.Scenario;
import dev.mysqlslice.testing.ServerPair;
import dev.mysqlslice.testing.Sync;
import dev.mysqlslice.testing.TableContents;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealServers.class)
class SliceStrategyIT {

    private static final String TABLES = """
            tables:
              foo_ref:
                strategy: slice
                where: "kind = 'keep'"
                follow:
                  - foo_ref.foo_token_id -> foo_tokens.id
                  - foo_tokens.owner_id -> owners.id
                  - owners.manager_id -> owners.id
                children:
                  - notes.foo_ref_id -> foo_ref.id
            """;
    private static final List<String> MEMBERS = List.of("foo_ref", "foo_tokens", "owners", "notes");

    @Test
    void replacesEveryTableOfTheSliceWithExactlyTheSlicesRows(ServerPair servers) {
        Scenario scenario = Scenario.load("slice");
        scenario.setUp(servers);
        copySchema(servers);
        servers.target().execute("INSERT INTO foo_ref VALUES (99999, 1, 'keep', 'stale')");

        List<TableReport> reports = Sync.apply(servers, TABLES).tables();

        assertThat(reports).extracting(TableReport::table).containsExactlyElementsOf(MEMBERS);
        assertThat(reports).allSatisfy(report -> assertThat(report.state()).isEqualTo(TableState.IDENTICAL));
        assertSliceMatches(servers);
        assertThat(servers.target().rows("SHOW TABLES LIKE '\\_mss%'")).isEmpty();

        servers.source().executeScript(scenario.changesSql());
        List<TableReport> dryRun = Sync.run(servers, TABLES, SyncMode.DRY_RUN).tables();
        List<List<String>> untouched = TableContents.of(servers.target(), "foo_ref");
        List<TableReport> resync = Sync.apply(servers, TABLES).tables();

        assertThat(TableContents.of(servers.target(), "foo_ref")).isNotEqualTo(untouched);
        assertSliceMatches(servers);
        assertThat(counts(dryRun)).isEqualTo(counts(resync));
        assertThat(counts(resync)).containsEntry("foo_ref", List.of(1L, 0L, 1L))
                .containsEntry("foo_tokens", List.of(1L, 1L, 0L)).containsEntry("owners", List.of(1L, 0L, 0L));
        assertThat(Sync.run(servers, TABLES, SyncMode.VERIFY).allIdentical()).isTrue();
    }

    @Test
    void aReaderDuringRebuildsSeesTheOldSliceOrTheNewOneNeverAnEmptyOrPartialTable(ServerPair servers) throws Exception {
        Scenario.load("slice").setUp(servers);
        copySchema(servers);
        String toggle = "UPDATE foo_ref SET kind = IF(kind = 'keep', 'drop', 'keep') WHERE id % 4 = 0";
        Sync.apply(servers, TABLES);
        String stateA = counts(servers);
        servers.source().execute(toggle);
        Sync.apply(servers, TABLES);
        String stateB = counts(servers);
        assertThat(stateA).isNotEqualTo(stateB);

        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Throwable> readerErrors = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (Connection connection = servers.target().connect(); Statement statement = connection.createStatement()) {
                while (running.get()) {
                    try (ResultSet rows = statement.executeQuery(COUNTS)) {
                        rows.next();
                        seen.add(rows.getLong(1) + "/" + rows.getLong(2));
                    }
                }
            } catch (Exception e) {
                readerErrors.add(e);
            }
        });
        reader.start();
        for (int i = 0; i < 4; i++) {
            servers.source().execute(toggle);
            Sync.apply(servers, TABLES);
        }
        running.set(false);
        reader.join();

        assertThat(readerErrors).isEmpty();
        assertThat(seen).isNotEmpty().isSubsetOf(stateA, stateB);
    }

    private static final String COUNTS = "SELECT (SELECT COUNT(*) FROM foo_ref), (SELECT COUNT(*) FROM foo_tokens)";

    private static String counts(ServerPair servers) {
        List<String> row = servers.target().rows(COUNTS).get(0);
        return row.get(0) + "/" + row.get(1);
    }

    private static void assertSliceMatches(ServerPair servers) {
        servers.source().execute("DROP TABLE IF EXISTS expected_foo_ref, expected_foo_tokens, expected_owners, expected_notes");
        servers.source().executeScript(Scenario.load("slice").expectedSql());
        for (String table : MEMBERS) {
            assertThat(TableContents.of(servers.target(), table)).as(table)
                    .isEqualTo(TableContents.of(servers.source(), "expected_" + table));
        }
    }

    private static Map<String, List<Long>> counts(List<TableReport> reports) {
        return reports.stream().collect(Collectors.toMap(TableReport::table, report -> List.of(
                report.counters().inserted(), report.counters().updated(), report.counters().deleted())));
    }

    private static void copySchema(ServerPair servers) {
        for (String table : MEMBERS) {
            servers.target().execute(servers.source().rows("SHOW CREATE TABLE " + table).get(0).get(1));
        }
    }
}
