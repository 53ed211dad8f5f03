package dev.mysqlslice.daemon.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DaemonMetricsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private final DaemonMetrics metrics = new DaemonMetrics(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void lagIsTheAgeOfTheOldestUnsyncedChangeByTheMetricsClock() {
        assertThat(metrics.lagMillis()).isZero();

        metrics.inFlight(NOW.toEpochMilli() - 1_500);

        assertThat(metrics.lagMillis()).isEqualTo(1_500);
    }

    @Test
    void aCycleEndIsStampedByTheMetricsClock() {
        metrics.cycle(12, 3);

        assertThat(metrics.lastCycleEnd()).isEqualTo(NOW.toEpochMilli());
        assertThat(metrics.lastCycleMillis()).isEqualTo(12);
        assertThat(metrics.lastCycleChanges()).isEqualTo(3);
    }
}
