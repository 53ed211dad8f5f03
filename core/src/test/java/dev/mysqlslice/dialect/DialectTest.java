package dev.mysqlslice.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mysqlslice.config.Role;
import dev.mysqlslice.jdbc.SessionSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every flavor difference, with the exact strings each server reports or accepts. */
class DialectTest {

    private static final Dialect MARIADB = Dialect.of("10.11.19-MariaDB-0+deb12u1-log");
    private static final Dialect MYSQL_80 = Dialect.of("8.0.36");
    private static final Dialect MYSQL_84 = Dialect.of("8.4.3");

    @Test
    void readsTheFlavorAndVersionFromVersionTextAndTheHandshake() {
        assertThat(MARIADB).isEqualTo(new Dialect(Dialect.Flavor.MARIADB, 10, 11, 19));
        assertThat(Dialect.of("5.5.5-10.11.19-MariaDB-0+deb12u1-log")).isEqualTo(MARIADB);
        assertThat(Dialect.of("8.0.36-0ubuntu0.22.04.1")).isEqualTo(MYSQL_80);
        assertThat(Dialect.of("8.4.3-commercial")).isEqualTo(MYSQL_84);
        assertThat(MYSQL_84.toString()).isEqualTo("MySQL 8.4.3");
    }

    @Test
    void theBinlogStatusStatementWasRenamedInMysql82() {
        assertThat(MARIADB.binlogStatus()).isEqualTo("SHOW MASTER STATUS");
        assertThat(MYSQL_80.binlogStatus()).isEqualTo("SHOW MASTER STATUS");
        assertThat(Dialect.of("8.2.0").binlogStatus()).isEqualTo("SHOW BINARY LOG STATUS");
        assertThat(MARIADB.replicaStatus()).isEqualTo("SHOW SLAVE STATUS");
        assertThat(Dialect.of("8.0.21").replicaStatus()).isEqualTo("SHOW SLAVE STATUS");
        assertThat(Dialect.of("8.0.22").replicaStatus()).isEqualTo("SHOW REPLICA STATUS");
        assertThat(MYSQL_84.binlogStatus()).isEqualTo("SHOW BINARY LOG STATUS");
    }

    @Test
    void aSelectCarriesItsTimeLimitAsEachFlavorSpellsIt() {
        String select = "SELECT `id` FROM `t` WHERE `id` > ? LIMIT 10";
        assertThat(MARIADB.limited(select, Duration.ofMillis(2000)))
                .isEqualTo("SET STATEMENT max_statement_time = 2.000 FOR SELECT `id` FROM `t` WHERE `id` > ? LIMIT 10");
        assertThat(MARIADB.limited(select, Duration.ofNanos(1_500_000)))
                .isEqualTo("SET STATEMENT max_statement_time = 0.002 FOR " + select);
        assertThat(MYSQL_84.limited(select, Duration.ofMillis(2000)))
                .isEqualTo("SELECT /*+ MAX_EXECUTION_TIME(2000) */ `id` FROM `t` WHERE `id` > ? LIMIT 10");
        assertThat(MYSQL_80.limited(select, Duration.ofMillis(250)))
                .isEqualTo("SELECT /*+ MAX_EXECUTION_TIME(250) */ `id` FROM `t` WHERE `id` > ? LIMIT 10");
        assertThatThrownBy(() -> MYSQL_84.limited("SHOW MASTER STATUS", Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyMysqlCachesInformationSchemaStatistics() {
        assertThat(MYSQL_84.sessionSettings()).contains("information_schema_stats_expiry = 0");
        assertThat(MARIADB.sessionSettings()).isEmpty();
    }

    @Test
    void grantsAndIdentityAreNamedPerFlavor() {
        assertThat(MARIADB.binlogMonitorPrivilege()).isEqualTo("BINLOG MONITOR");
        assertThat(MYSQL_84.binlogMonitorPrivilege()).isEqualTo("REPLICATION CLIENT");
        assertThat(MYSQL_84.hasServerUuid()).isTrue();
        assertThat(MARIADB.hasServerUuid()).isFalse();
    }

    @Test
    void collationsMapOnlyWhereTheySortExactlyAlike() {
        assertThat(MARIADB.equivalentCollation("utf8mb4_0900_ai_ci")).isEmpty();
        assertThat(MARIADB.equivalentCollation("utf8mb4_0900_as_cs")).isEmpty();
        assertThat(MARIADB.equivalentCollation("utf8mb4_0900_bin")).contains("utf8mb4_nopad_bin");
        assertThat(MARIADB.equivalentCollation("utf8mb3_general_ci")).contains("utf8mb3_general_ci");
        assertThat(MARIADB.equivalentCollation("utf8mb4_general_ci")).contains("utf8mb4_general_ci");
        assertThat(MYSQL_84.equivalentCollation("utf8mb4_nopad_bin")).contains("utf8mb4_0900_bin");
        assertThat(MYSQL_84.equivalentCollation("utf8mb4_uca1400_ai_ci")).isEmpty();
        assertThat(MYSQL_84.equivalentCollation("latin1_swedish_ci")).contains("latin1_swedish_ci");
    }

    @Test
    void sessionsOnMysqlAlsoTurnOffTheStatisticsCache() {
        assertThat(SessionSettings.initStatement(Role.SOURCE, MYSQL_84))
                .isEqualTo("SET SESSION net_write_timeout = 600, time_zone = '+00:00', sql_mode = 'NO_AUTO_VALUE_ON_ZERO,"
                        + "STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION', innodb_lock_wait_timeout = 1,"
                        + " transaction_isolation = 'READ-COMMITTED', information_schema_stats_expiry = 0");
        assertThat(SessionSettings.initStatement(Role.TARGET, MARIADB))
                .isEqualTo("SET SESSION net_write_timeout = 600, time_zone = '+00:00', sql_mode = 'NO_AUTO_VALUE_ON_ZERO,"
                        + "STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION,ALLOW_INVALID_DATES', foreign_key_checks = 0");
    }

    @Test
    void theSourceIsReadCommittedUnderEachFlavorsNameForTheVariable() {
        assertThat(SessionSettings.initStatement(Role.SOURCE, MARIADB))
                .isEqualTo("SET SESSION net_write_timeout = 600, time_zone = '+00:00', sql_mode = 'NO_AUTO_VALUE_ON_ZERO,"
                        + "STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION', innodb_lock_wait_timeout = 1, tx_isolation = 'READ-COMMITTED'");
        assertThat(MYSQL_80.isolationVariable()).isEqualTo("transaction_isolation");
        assertThat(Dialect.of("5.7.19-log").isolationVariable()).isEqualTo("tx_isolation");
        assertThat(Dialect.of("5.7.20").isolationVariable()).isEqualTo("transaction_isolation");
        assertThat(Dialect.of("11.0.6-MariaDB").isolationVariable()).isEqualTo("tx_isolation");
        assertThat(Dialect.of("11.4.4-MariaDB").isolationVariable()).isEqualTo("transaction_isolation");
    }
}
