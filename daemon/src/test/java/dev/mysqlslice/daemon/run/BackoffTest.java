package dev.mysqlslice.daemon.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesUpToTheCeilingAndStartsOverAfterASuccess() {
        Backoff backoff = Backoff.starting(Duration.ofMillis(200), Duration.ofSeconds(1));

        assertThat(backoff.delay()).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.failedAgain().delay()).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff.failedAgain().failedAgain().failedAgain().delay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.failedAgain().failedAgain().failedAgain().failedAgain().delay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.failedAgain().failedAgain().succeeded()).isEqualTo(backoff);
    }

    @Test
    void theDaemonsTwoBackoffsAreTheOnesItAlwaysUsed() {
        assertThat(Backoff.CYCLE.delay()).isEqualTo(Duration.ofMillis(200));
        assertThat(Backoff.RECONNECT.delay()).isEqualTo(Duration.ofMillis(500));
        assertThat(Backoff.CYCLE.max()).isEqualTo(Duration.ofSeconds(30)).isEqualTo(Backoff.RECONNECT.max());
    }
}
