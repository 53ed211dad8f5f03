package dev.mysqlslice.daemon.binlog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatementKindTest {

    @Test
    void tellsTransactionBoundariesFromSavepointsAndDataChanges() {
        assertThat(StatementKind.of("BEGIN")).isEqualTo(StatementKind.BEGIN);
        assertThat(StatementKind.of("XA START 'x'")).isEqualTo(StatementKind.BEGIN);
        assertThat(StatementKind.of("COMMIT")).isEqualTo(StatementKind.END);
        assertThat(StatementKind.of("XA PREPARE 'x'")).isEqualTo(StatementKind.END);
        assertThat(StatementKind.of("ROLLBACK")).isEqualTo(StatementKind.END);
        assertThat(StatementKind.of("ROLLBACK TO SAVEPOINT s")).isEqualTo(StatementKind.INSIDE);
        assertThat(StatementKind.of("SAVEPOINT s")).isEqualTo(StatementKind.INSIDE);
        assertThat(StatementKind.of("/* app */ UPDATE t SET v = 1")).isEqualTo(StatementKind.DATA_CHANGE);
        assertThat(StatementKind.of("insert into t values (1)")).isEqualTo(StatementKind.DATA_CHANGE);
        assertThat(StatementKind.of("SELECT `shop`.`f_that_writes`()")).isEqualTo(StatementKind.DATA_CHANGE);
        assertThat(StatementKind.of("ALTER TABLE t ADD c INT")).isEqualTo(StatementKind.OTHER);
        assertThat(StatementKind.of("GRANT SELECT ON *.* TO u")).isEqualTo(StatementKind.OTHER);
    }

    @Test
    void onlyPlainDataChangesNameWhatTheyWrite() {
        assertThat(StatementKind.namesWhatItWrites("DELETE FROM t WHERE id = 1")).isTrue();
        assertThat(StatementKind.namesWhatItWrites("LOAD DATA INFILE 'x' INTO TABLE t")).isTrue();
        assertThat(StatementKind.namesWhatItWrites("CALL p()")).isFalse();
        assertThat(StatementKind.namesWhatItWrites("DO f()")).isFalse();
        assertThat(StatementKind.namesWhatItWrites("WITH c AS (SELECT 1) UPDATE t, c SET t.v = 1")).isFalse();
    }

    @Test
    void aStatementMayTouchTheSourceDatabaseThroughTheSessionOrAQualifiedName() {
        assertThat(DdlDetector.mayTouchDatabase("UPDATE t SET v = 1", "app", "app")).isTrue();
        assertThat(DdlDetector.mayTouchDatabase("UPDATE t SET v = 1", "", "app")).isTrue();
        assertThat(DdlDetector.mayTouchDatabase("UPDATE `app`.t SET v = 1", "other", "app")).isTrue();
        assertThat(DdlDetector.mayTouchDatabase("UPDATE t SET v = 'app.t'", "other", "app")).isFalse();
    }
}
