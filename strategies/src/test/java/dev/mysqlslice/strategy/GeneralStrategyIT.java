package dev.mysqlslice.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mysqlslice.testing.RealServers;
import dev.mysqlslice.testing.ServerPair;
import dev.mysqlslice.testing.Sync;
import dev.mysqlslice.testing.TableContents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealServers.class)
class GeneralStrategyIT {

    private static final String TABLES = "tables:\n  t:\n    strategy: general\n    chunk-rows: 100\n";

    @Test
    void copiesAnEmptyTargetThenRepairsInsertsUpdatesAndDeletesEverywhere(ServerPair servers) {
        String create = "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(20), n INT NULL)";
        servers.source().execute(create, "INSERT INTO t SELECT seq, CONCAT('v', seq), seq FROM seq_1_to_5000");
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
}
