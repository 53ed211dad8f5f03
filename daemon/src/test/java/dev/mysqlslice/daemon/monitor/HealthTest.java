package dev.mysqlslice.daemon.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthTest {

    @Test
    void healthyOnlyWhileTailingAndWithinTheConfiguredLag() {
        Duration max = Duration.ofSeconds(30);
        assertThat(Health.of(true, true, 0, max, Map.of()).httpStatus()).isEqualTo(200);
        assertThat(Health.of(true, true, 30_000, max, Map.of()).httpStatus()).isEqualTo(200);
        Health behind = Health.of(true, true, 31_500, max, Map.of());
        assertThat(behind.httpStatus()).isEqualTo(503);
        assertThat(behind.reason()).isEqualTo("31 s behind the source, more than daemon.max-lag-seconds (30)");
        Health starting = Health.of(true, false, 0, max, Map.of());
        assertThat(starting.httpStatus()).isEqualTo(503);
        assertThat(starting.fields()).containsEntry("status", "DOWN").containsEntry("tailing", false);
    }

    @Test
    void unhealthyUntilTheFirstSyncIsDoneEvenWhileTailing() {
        Health starting = Health.of(false, true, 0, Duration.ofSeconds(30), Map.of());

        assertThat(starting.httpStatus()).isEqualTo(503);
        assertThat(starting.reason()).isEqualTo("starting: the first sync of the tables has not finished");
    }

    @Test
    void aStoppedTableIsReportedButLeavesTheDaemonHealthy() {
        Health health = Health.of(true, true, 0, Duration.ofSeconds(30), Map.of("bar", "shapes differ"));
        assertThat(health.healthy()).isTrue();
        assertThat(health.fields()).containsEntry("stoppedTables", Map.of("bar", "shapes differ"))
                .doesNotContainKey("reason");
    }
}
