package dev.mysqlslice.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mysqlslice.config.ChunkTime;
import dev.mysqlslice.error.Failure;
import dev.mysqlslice.error.MysqlsliceException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PaceTest {

    private static final ChunkTime HALF_SECOND = new ChunkTime(Duration.ofMillis(500));
    private static final long MS = 1_000_000;

    @Test
    void theSizeFollowsTheSourcesSpeedTowardsTheChunkTime() {
        Pace pace = new Pace(HALF_SECOND, 1000, 1, 1_000_000);
        pace.took(1000, 10 * MS);       // 100,000 rows/s: 50,000 rows in 500 ms, but at most doubling
        assertThat(pace.size()).isEqualTo(2000);
        pace.took(2000, 20 * MS);
        pace.took(4000, 40 * MS);
        pace.took(8000, 80 * MS);
        pace.took(16_000, 160 * MS);
        pace.took(32_000, 320 * MS);
        assertThat(pace.size()).isEqualTo(50_000);
        pace.took(50_000, 500 * MS);
        assertThat(pace.size()).isEqualTo(50_000);
    }

    @Test
    void aSlowQueryShrinksTheNextAtOnceAndAFastOneGrowsItGradually() {
        Pace pace = new Pace(HALF_SECOND, 50_000, 1, 1_000_000);
        pace.took(50_000, 500 * MS);
        pace.took(50_000, 2500 * MS);   // a dense stretch: 20,000 rows/s, taken as is
        assertThat(pace.size()).isEqualTo(10_000);
        pace.took(10_000, 50 * MS);     // 200,000 rows/s averaged with 20,000: 110,000 rows/s
        assertThat(pace.size()).isEqualTo(20_000);
    }

    @Test
    void sizesStayWithinTheBounds() {
        Pace pace = new Pace(HALF_SECOND, 5000, 100, 5000);
        pace.took(5000, 5 * MS);
        assertThat(pace.size()).isEqualTo(5000);
        pace.took(5000, 50_000 * MS);
        assertThat(pace.size()).isEqualTo(100);
    }

    @Test
    void aStoppedQueryIsTriedAQuarterAsBigUntilTheSmallestFailsThreeTimes() {
        Pace pace = new Pace(HALF_SECOND, 1000, 10, 1000);
        assertThat(pace.stopped(1000)).isTrue();
        assertThat(pace.size()).isEqualTo(250);
        assertThat(pace.stopped(250)).isTrue();
        assertThat(pace.stopped(62)).isTrue();
        assertThat(pace.size()).isEqualTo(15);
        assertThat(pace.stopped(15)).isTrue();
        assertThat(pace.size()).isEqualTo(10);
        assertThat(pace.stopped(10)).isTrue();
        assertThat(pace.stopped(10)).isTrue();
        assertThat(pace.stopped(10)).isFalse();
    }

    @Test
    void aQueryThatFinishesResetsTheAttemptsAtTheSmallestSize() {
        Pace pace = new Pace(HALF_SECOND, 10, 10, 1000);
        assertThat(pace.stopped(10)).isTrue();
        assertThat(pace.stopped(10)).isTrue();
        pace.took(10, 400 * MS);
        assertThat(pace.stopped(10)).isTrue();
        assertThat(pace.stopped(10)).isTrue();
    }

    @Test
    void withPacingOffTheSizeIsFixedAndThereIsNoLimit() {
        Pace pace = new Pace(ChunkTime.OFF, 16, 1, 5000);
        assertThat(pace.size()).isEqualTo(5000);
        pace.took(5000, 60_000 * MS);
        assertThat(pace.size()).isEqualTo(5000);
        assertThat(pace.limit()).isEmpty();
        assertThat(Pace.fixed(7).size()).isEqualTo(7);
    }

    @Test
    void theLimitIsFourTimesTheChunkTimeAndAtLeastATenthOfASecond() {
        assertThat(HALF_SECOND.limit()).contains(Duration.ofSeconds(2));
        assertThat(new ChunkTime(Duration.ofMillis(10)).limit()).contains(Duration.ofMillis(100));
        assertThat(ChunkTime.OFF.limit()).isEmpty();
    }

    @Test
    void eachQuerysTimeIsKeptForTheReport() {
        Pace pace = new Pace(HALF_SECOND, 1000, 1, 1000);
        pace.took(1000, 120 * MS);
        pace.took(3000, 900 * MS, 3);
        assertThat(pace.millis()).containsExactly(120L, 300L, 300L, 300L);
    }

    @Test
    void givingUpNamesTheSettingsThatHelp() {
        Pace pace = new Pace(HALF_SECOND, 1, 1, 1000);
        MysqlsliceException e = pace.gaveUp("a page of t", new MysqlsliceException(Failure.TIME_LIMIT, "stopped"));
        assertThat(e.failure()).isEqualTo(Failure.TIME_LIMIT);
        assertThat(e.getMessage()).isEqualTo("the source kept stopping a page of t at its time limit of 2000 ms, even at"
                + " the smallest size: the source is too busy, or the rows too wide, for --chunk-time 500"
                + " (throttle.chunk-time-ms); raise it (the limit is 4 times it), lower chunk-rows, or set --chunk-time 0"
                + " to read without a limit");
    }
}
