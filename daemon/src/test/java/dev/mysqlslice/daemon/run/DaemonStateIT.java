package dev.mysqlslice.daemon.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mysqlslice.daemon.testing.RunningDaemon;
import dev.mysqlslice.testing.RealServers;
import dev.mysqlslice.testing.Series;
import dev.mysqlslice.testing.ServerPair;
import dev.mysqlslice.testing.TableContents;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The daemon's own state never loses a change: a table stopped by DDL keeps its changes across a
 * restart, a run limited to some tables leaves the others' positions alone, a table new to the
 * config is compared in full, and an append-only table rewritten on the source is repaired.
 */
@ExtendWith(RealServers.class)
class DaemonStateIT {

    private static final String TABLES = ChangeFormsIT.TABLES;

    @Test
    void aStoppedTablesChangesSurviveARestartAndArriveOnceItsShapeMatches(ServerPair servers) {
        ChangeFormsIT.createTables(servers);
        try (RunningDaemon daemon = RunningDaemon.start(servers, TABLES)) {
            daemon.awaitIdentical(servers, DaemonIT.CONVERGE, "acct", "note");
            servers.source().execute("ALTER TABLE acct ADD COLUMN region VARCHAR(8) NULL",
                    "UPDATE acct SET region = 'eu', owner = 'while stopped' WHERE id BETWEEN 100 AND 242",
                    "INSERT INTO acct VALUES (30000, 'new while stopped', 3, NULL, 'us')",
                    "UPDATE note SET body = 'still syncing' WHERE id = 1");
            daemon.await(() -> daemon.daemon().metrics().stoppedTables().containsKey("acct"), DaemonIT.CONVERGE,
                    "acct being stopped");
            daemon.awaitIdentical(servers, DaemonIT.CONVERGE, "note");
            daemon.stop();
        }
        servers.target().execute("ALTER TABLE acct ADD COLUMN region VARCHAR(8) NULL");
        try (RunningDaemon daemon = RunningDaemon.start(servers, TABLES)) {
            daemon.awaitIdentical(servers, DaemonIT.CONVERGE, "acct", "note");
            assertThat(daemon.daemon().metrics().fullSyncs()).isZero();
            assertThat(daemon.daemon().metrics().stoppedTables()).isEmpty();
        }
    }

    @Test
    void aRunLimitedToOneTableLeavesTheOthersChangesForTheNextRun(ServerPair servers) {
        ChangeFormsIT.createTables(servers);
        RunningDaemon.create(servers, TABLES).run(Daemon.Mode.CATCH_UP);
        servers.source().execute("UPDATE acct SET owner = 'limited run' WHERE id = 10",
                "UPDATE note SET body = 'other table' WHERE id = 20");

        RunningDaemon.create(servers, TABLES, List.of("acct")).run(Daemon.Mode.CATCH_UP);
        DaemonIT.assertIdentical(servers, "acct");
        assertThat(servers.target().value("SELECT body FROM note WHERE id = 20")).isEqualTo("note 20");

        servers.source().execute("UPDATE acct SET owner = 'later' WHERE id = 11");
        Daemon all = RunningDaemon.create(servers, TABLES);
        assertThat(all.run(Daemon.Mode.CATCH_UP).fullSync()).isFalse();
        DaemonIT.assertIdentical(servers, "acct", "note");
    }

    @Test
    void aTableNewToTheConfigIsComparedInFullWhileTheOthersContinue(ServerPair servers) {
        ChangeFormsIT.createTables(servers);
        String onlyAcct = "tables:\n  acct:\n    strategy: general\n    chunk-rows: 100\n";
        RunningDaemon.create(servers, onlyAcct).run(Daemon.Mode.CATCH_UP);
        assertThat(servers.target().count("note")).isZero();

        Daemon both = RunningDaemon.create(servers, TABLES);
        assertThat(both.run(Daemon.Mode.CATCH_UP).fullSync()).isFalse();
        DaemonIT.assertIdentical(servers, "acct", "note");
    }

    @Test
    void anAppendOnlyTableTruncatedAndRefilledOnTheSourceIsRepaired(ServerPair servers) {
        for (var database : List.of(servers.source(), servers.target())) {
            database.execute("CREATE TABLE log (id INT AUTO_INCREMENT PRIMARY KEY, line VARCHAR(40))");
        }
        servers.source().execute("INSERT INTO log (line) SELECT CONCAT('old ', seq) FROM " + Series.of(500));
        String yaml = "tables:\n  log: append-only\n";
        try (RunningDaemon daemon = RunningDaemon.start(servers, yaml)) {
            daemon.awaitIdentical(servers, DaemonIT.CONVERGE, "log");
            // Fewer new rows than before, then as many as before: counts alone would not tell the second.
            servers.source().execute("TRUNCATE TABLE log", "INSERT INTO log (line) SELECT CONCAT('new ', seq) FROM "
                    + Series.of(200));
            daemon.awaitIdentical(servers, DaemonIT.CONVERGE, "log");
            servers.source().execute("TRUNCATE TABLE log", "INSERT INTO log (line) SELECT CONCAT('newer ', seq) FROM "
                    + Series.of(200));
            daemon.awaitIdentical(servers, DaemonIT.CONVERGE, "log");
            servers.source().execute("INSERT INTO log (line) VALUES ('appended')");
            daemon.awaitIdentical(servers, DaemonIT.CONVERGE, "log");
        }
        assertThat(TableContents.of(servers.target(), "log")).isEqualTo(TableContents.of(servers.source(), "log"));
    }
}
