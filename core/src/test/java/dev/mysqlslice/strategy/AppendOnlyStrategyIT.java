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
class AppendOnlyStrategyIT {

    private static final String CREATE = "CREATE TABLE events (id BIGINT UNSIGNED PRIMARY KEY, kind VARCHAR(10), body JSON)";

    @Test
    void pullsRowsAboveTheTargetsMaxAndDeletesRowsAboveTheSourcesMax(ServerPair servers) {
        servers.source().execute(CREATE, "INSERT INTO events SELECT seq, IF(seq % 2, 'a', 'b'), JSON_OBJECT('n', seq)"
                + " FROM " + Series.of(1000));
        servers.target().execute(CREATE, "INSERT INTO events SELECT seq, IF(seq % 2, 'a', 'b'), JSON_OBJECT('n', seq)"
                + " FROM " + Series.of(400), "INSERT INTO events VALUES (5000, 'x', NULL), (5001, 'x', NULL)");
        String tables = "tables:\n  events: append-only\n";

        TableReport dryRun = Sync.only(Sync.run(servers, tables, SyncMode.DRY_RUN));
        TableReport sync = Sync.only(Sync.apply(servers, tables));

        assertThat(List.of(dryRun.counters().inserted(), dryRun.counters().deleted())).containsExactly(600L, 2L);
        assertThat(List.of(sync.counters().inserted(), sync.counters().deleted())).containsExactly(600L, 2L);
        assertThat(sync.state()).isEqualTo(TableState.IDENTICAL);
        assertThat(sync.checkedBy()).isEqualTo("row count");
        assertThat(TableContents.of(servers.target(), "events")).isEqualTo(TableContents.of(servers.source(), "events"));
    }

    @Test
    void rowsBelowTheMaxThatChangedAreFoundByTheCountsThenComparedAndRepaired(ServerPair servers) {
        servers.source().execute(CREATE, "INSERT INTO events SELECT seq, 'a', NULL FROM " + Series.of(100));
        servers.target().execute(CREATE, "INSERT INTO events SELECT seq, 'a', NULL FROM " + Series.of(50) + " WHERE seq <> 7");
        String tables = "tables:\n  events: append-only\n";

        // The dry run reports what the real run concludes: not identical, and why.
        TableReport dryRun = Sync.only(Sync.run(servers, tables, SyncMode.DRY_RUN));
        assertThat(dryRun.state()).isEqualTo(TableState.DIFFERENT);
        assertThat(dryRun.differences()).first().asString().contains("source has 100 rows, target 99");
        assertThat(servers.target().count("events")).isEqualTo(49);

        TableReport report = Sync.only(Sync.apply(servers, tables));
        assertThat(report.state()).isEqualTo(TableState.IDENTICAL);
        assertThat(report.differences()).first().asString().contains("source has 100 rows, target 99")
                .contains("every row was compared and repaired; use strategy general if rows change");
        assertThat(TableContents.of(servers.target(), "events")).isEqualTo(TableContents.of(servers.source(), "events"));
    }

    @Test
    void aTableTruncatedAndRefilledOnTheSourceIsRepaired(ServerPair servers) {
        servers.source().execute(CREATE, "INSERT INTO events SELECT seq, 'old', NULL FROM " + Series.of(100));
        servers.target().execute(CREATE);
        String tables = "tables:\n  events: append-only\n";
        Sync.apply(servers, tables);
        servers.source().execute("TRUNCATE TABLE events", "INSERT INTO events SELECT seq, 'new', NULL FROM " + Series.of(30));

        TableReport report = Sync.only(Sync.apply(servers, tables));

        assertThat(report.state()).isEqualTo(TableState.IDENTICAL);
        assertThat(TableContents.of(servers.target(), "events")).isEqualTo(TableContents.of(servers.source(), "events"));
        assertThat(Sync.only(Sync.apply(servers, tables)).checkedBy()).isEqualTo("row count");
    }

    @Test
    void theFilterAppliesToReadingAndDeletingOnBothServers(ServerPair servers) {
        servers.source().execute(CREATE, "INSERT INTO events SELECT seq, IF(seq % 2, 'a', 'b'), NULL FROM " + Series.of(100));
        servers.target().execute(CREATE, "INSERT INTO events VALUES (1, 'a', NULL), (200, 'b', NULL), (300, 'a', NULL)");
        String tables = "tables:\n  events:\n    strategy: append-only\n    where: \"kind = 'a'\"\n";

        TableReport report = Sync.only(Sync.apply(servers, tables));

        assertThat(report.counters().deleted()).isEqualTo(1);
        assertThat(report.counters().inserted()).isEqualTo(49);
        assertThat(report.state()).isEqualTo(TableState.IDENTICAL);
        assertThat(servers.target().rows("SELECT id FROM events WHERE kind = 'b'")).containsExactly(java.util.List.of("200"));
        assertThat(Sync.only(Sync.run(servers, tables, SyncMode.VERIFY)).state()).isEqualTo(TableState.IDENTICAL);
    }

    @Test
    void anUnchangedTableIsReportedIdenticalWithoutCopying(ServerPair servers) {
        servers.source().execute(CREATE, "INSERT INTO events SELECT seq, 'a', NULL FROM " + Series.of(10));
        servers.target().execute(CREATE, "INSERT INTO events SELECT seq, 'a', NULL FROM " + Series.of(10));

        TableReport report = Sync.only(Sync.apply(servers, "tables:\n  events: append-only\n"));

        assertThat(report.counters().changes()).isZero();
        assertThat(report.counters().rowsCopied()).isZero();
        assertThat(report.state()).isEqualTo(TableState.IDENTICAL);
    }
}
