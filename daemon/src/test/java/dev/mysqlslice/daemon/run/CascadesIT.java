package dev.mysqlslice.daemon.run;

import dev.mysqlslice.daemon.testing.RunningDaemon;
import dev.mysqlslice.testing.RealServers;
import dev.mysqlslice.testing.Series;
import dev.mysqlslice.testing.ServerPair;
import dev.mysqlslice.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * InnoDB does not binlog the rows its foreign-key actions change: the daemon follows them from
 * the parents' changes. ON UPDATE CASCADE, ON DELETE CASCADE, SET NULL, a two-level chain, a child
 * whose key holds the referencing column, and a parent that is not synced itself.
 */
@ExtendWith(RealServers.class)
class CascadesIT {

    static final String TABLES = """
            tables:
              p: general
              moves: general
              nulls: general
              items: general
              notes: general
              keyed: general
              tagged: general
            """;
    private static final String[] ALL = {"p", "moves", "nulls", "items", "notes", "keyed", "tagged"};

    static void createTables(ServerPair servers) {
        for (TestDatabase database : List.of(servers.source(), servers.target())) {
            boolean source = database == servers.source();
            database.executeScript(String.join("\n",
                    "CREATE TABLE p (id INT PRIMARY KEY, name VARCHAR(20));",
                    "CREATE TABLE untracked_p (id INT PRIMARY KEY);",
                    "CREATE TABLE moves (id INT PRIMARY KEY, pid INT NOT NULL, KEY (pid)"
                            + (source ? ", FOREIGN KEY (pid) REFERENCES p (id) ON UPDATE CASCADE ON DELETE CASCADE" : "")
                            + ");",
                    "CREATE TABLE nulls (id INT PRIMARY KEY, pid INT NULL, KEY (pid)"
                            + (source ? ", FOREIGN KEY (pid) REFERENCES p (id) ON UPDATE SET NULL ON DELETE SET NULL" : "")
                            + ");",
                    "CREATE TABLE items (id INT PRIMARY KEY, pid INT NOT NULL, KEY (pid)"
                            + (source ? ", FOREIGN KEY (pid) REFERENCES p (id) ON UPDATE CASCADE ON DELETE CASCADE" : "")
                            + ");",
                    "CREATE TABLE notes (id INT PRIMARY KEY, line_id INT NOT NULL, KEY (line_id)"
                            + (source ? ", FOREIGN KEY (line_id) REFERENCES items (id) ON DELETE CASCADE" : "") + ");",
                    "CREATE TABLE keyed (pid INT NOT NULL, n INT NOT NULL, PRIMARY KEY (pid, n)"
                            + (source ? ", FOREIGN KEY (pid) REFERENCES p (id) ON UPDATE CASCADE ON DELETE CASCADE" : "")
                            + ");",
                    "CREATE TABLE tagged (id INT PRIMARY KEY, tag INT NULL, KEY (tag)"
                            + (source ? ", FOREIGN KEY (tag) REFERENCES untracked_p (id) ON UPDATE CASCADE"
                            + " ON DELETE SET NULL" : "") + ");"));
            if (!source) {
                database.execute("DROP TABLE untracked_p");
            }
        }
        servers.source().execute("INSERT INTO p SELECT seq, CONCAT('p', seq) FROM " + Series.of(20),
                "INSERT INTO untracked_p SELECT seq FROM " + Series.of(10),
                "INSERT INTO moves SELECT seq, seq % 20 + 1 FROM " + Series.of(200),
                "INSERT INTO nulls SELECT seq, seq % 20 + 1 FROM " + Series.of(200),
                "INSERT INTO items SELECT seq, seq % 20 + 1 FROM " + Series.of(200),
                "INSERT INTO notes SELECT seq, seq % 200 + 1 FROM " + Series.of(600),
                "INSERT INTO keyed SELECT seq % 20 + 1, seq FROM " + Series.of(200),
                "INSERT INTO tagged SELECT seq, seq % 10 + 1 FROM " + Series.of(100));
    }

    /** Parent key updates and deletes: none of the child rows they change is in the binlog. */
    static void changeParents(ServerPair servers) {
        servers.source().execute("UPDATE p SET id = 100 WHERE id = 1",
                "DELETE FROM p WHERE id = 2",
                "START TRANSACTION", "UPDATE p SET id = id + 1000 WHERE id IN (3, 4)", "DELETE FROM p WHERE id = 5", "COMMIT",
                "UPDATE p SET name = 'no cascade' WHERE id = 6",
                "UPDATE untracked_p SET id = 50 WHERE id = 1",
                "DELETE FROM untracked_p WHERE id = 2");
    }

    @Test
    void parentUpdatesAndDeletesReachEveryChildWhileTheDaemonRuns(ServerPair servers) {
        createTables(servers);
        try (RunningDaemon daemon = RunningDaemon.start(servers, TABLES)) {
            daemon.awaitIdentical(servers, DaemonIT.CONVERGE, ALL);
            changeParents(servers);
            daemon.awaitIdentical(servers, DaemonIT.CONVERGE, ALL);
        }
    }

    @Test
    void parentUpdatesAndDeletesReachEveryChildThroughSyncIncremental(ServerPair servers) {
        createTables(servers);
        RunningDaemon.create(servers, TABLES).run(Daemon.Mode.CATCH_UP);
        changeParents(servers);

        Daemon daemon = RunningDaemon.create(servers, TABLES);
        daemon.run(Daemon.Mode.CATCH_UP);

        DaemonIT.assertIdentical(servers, ALL);
    }
}
