package dev.mysqlslice.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mysqlslice.model.SyncMode;
import dev.mysqlslice.model.TableReport;
import dev.mysqlslice.model.TableState;
import dev.mysqlslice.testing.RealServers;
import dev.mysqlslice.testing.Scenario;
import dev.mysqlslice.testing.ServerPair;
import dev.mysqlslice.testing.Sync;
import dev.mysqlslice.testing.TableContents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every column type copies and compares exactly, by bulk load and by row repair, with either hash. */
@ExtendWith(RealServers.class)
class ColumnTypesIT {

    @ParameterizedTest
    @ValueSource(strings = {"crc32", "md5"})
    void everyTypeCopiesExactlyAndEveryTrapIsSeenAndRepaired(String hash, ServerPair servers) {
        Scenario scenario = Scenario.load("column-types");
        scenario.setUp(servers);
        servers.target().execute(servers.source().rows("SHOW CREATE TABLE types").get(0).get(1));
        String tables = "tables:\n  types:\n    strategy: general\n    chunk-rows: 50\n    hash: " + hash + "\n";

        TableReport copy = Sync.only(Sync.apply(servers, tables));

        assertThat(copy.state()).isEqualTo(TableState.IDENTICAL);
        assertThat(TableContents.of(servers.target(), "types")).isEqualTo(TableContents.of(servers.source(), "types"));
        assertThat(Sync.only(Sync.run(servers, tables, SyncMode.VERIFY)).state()).isEqualTo(TableState.IDENTICAL);

        servers.source().executeScript(scenario.changesSql());
        TableReport dryRun = Sync.only(Sync.run(servers, tables, SyncMode.DRY_RUN));
        TableReport repair = Sync.only(Sync.apply(servers, tables));

        assertThat(dryRun.state()).isEqualTo(TableState.DIFFERENT);
        assertThat(repair.state()).isEqualTo(TableState.IDENTICAL);
        assertThat(TableContents.of(servers.target(), "types")).isEqualTo(TableContents.of(servers.source(), "types"));
        assertThat(repair.counters().inserted()).isEqualTo(scenario.expected().get("inserted").asLong());
        assertThat(repair.counters().updated()).isEqualTo(scenario.expected().get("updated").asLong());
        assertThat(repair.counters().deleted()).isEqualTo(scenario.expected().get("deleted").asLong());
        assertThat(dryRun.counters()).extracting("inserted", "updated", "deleted")
                .containsExactly(repair.counters().inserted(), repair.counters().updated(), repair.counters().deleted());
    }

    @ParameterizedTest
    @ValueSource(strings = {"append-only", "slice"})
    void theOtherStrategiesCopyEveryTypeExactlyToo(String strategy, ServerPair servers) {
        Scenario scenario = Scenario.load("column-types");
        scenario.setUp(servers);
        servers.target().execute(servers.source().rows("SHOW CREATE TABLE types").get(0).get(1));
        String tables = "tables:\n  types:\n    strategy: " + strategy + (strategy.equals("slice") ? "\n    where: \"1=1\"" : "")
                + "\n";

        Sync.only(Sync.apply(servers, tables));
        assertThat(TableContents.of(servers.target(), "types")).isEqualTo(TableContents.of(servers.source(), "types"));

        if (strategy.equals("slice")) {
            servers.source().executeScript(scenario.changesSql());
        } else {
            servers.source().execute("INSERT INTO types (id, f, d, vc, vlat, bl, j, ts, b64, bu) SELECT id + 10000, f, d, vc,"
                    + " vlat, bl, j, ts, b64, bu FROM types WHERE id < 12");
        }
        TableReport again = Sync.only(Sync.apply(servers, tables));

        assertThat(again.state()).isEqualTo(TableState.IDENTICAL);
        assertThat(again.counters().changes()).isPositive();
        assertThat(TableContents.of(servers.target(), "types")).isEqualTo(TableContents.of(servers.source(), "types"));
    }

    @Test
    void theInsertPathIsExactToo(ServerPair servers) {
        Scenario.load("column-types").setUp(servers);
        servers.target().execute(servers.source().rows("SHOW CREATE TABLE types").get(0).get(1));
        servers.target().execute("SET GLOBAL local_infile = 0");
        try {
            TableReport copy = Sync.only(Sync.apply(servers, "tables:\n  types: general\n"));

            assertThat(copy.state()).isEqualTo(TableState.IDENTICAL);
            assertThat(TableContents.of(servers.target(), "types")).isEqualTo(TableContents.of(servers.source(), "types"));
        } finally {
            servers.target().execute("SET GLOBAL local_infile = 1");
        }
    }
}
