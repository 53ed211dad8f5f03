package dev.mysqlslice.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mysqlslice.sync.SyncReport;
import dev.mysqlslice.testing.RealServers;
import dev.mysqlslice.testing.Series;
import dev.mysqlslice.testing.ServerPair;
import dev.mysqlslice.testing.Sync;
import dev.mysqlslice.testing.TableContents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A target table that does not roll back (MyISAM): a failed batch reports what was kept, and a re-run repairs it. */
@ExtendWith(RealServers.class)
class TargetEngineIT {

    @Test
    void aFailedBatchOnMyisamSaysItsEarlierRowsWereKeptAndTheNextSyncRepairs(ServerPair servers) {
        servers.source().execute("CREATE TABLE m (id INT PRIMARY KEY, v VARCHAR(20))",
                "INSERT INTO m SELECT seq, CONCAT('v', seq) FROM " + Series.of(10));
        // A target-side trigger truncates one value: the target changed what was sent.
        servers.target().execute("CREATE TABLE m (id INT PRIMARY KEY, v VARCHAR(20)) ENGINE = MyISAM",
                "CREATE TRIGGER m_widen BEFORE INSERT ON m FOR EACH ROW IF NEW.id = 6 THEN"
                        + " SET NEW.v = REPEAT('x', 30); END IF");
        String tables = "tables:\n  m: general\n";

        SyncReport failed = Sync.apply(servers, tables);

        assertThat(failed.firstFailure()).get().asString().contains("while writing rows into m")
                .contains("rows of this batch written before the failure were kept (the target table's engine, MyISAM,"
                        + " is not transactional); the next sync compares and repairs them");
        assertThat(servers.target().count("m")).isPositive();

        servers.target().execute("DROP TRIGGER m_widen");
        assertThat(Sync.apply(servers, tables).allIdentical()).isTrue();
        assertThat(TableContents.of(servers.target(), "m")).isEqualTo(TableContents.of(servers.source(), "m"));
    }
}
