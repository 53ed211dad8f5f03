package dev.mysqlslice.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadLimitTest {

    @Test
    void parsesThePtAndGhostFormsAndNone() {
        assertThat(LoadLimit.parse("Threads_running=25").orElseThrow().ceilings()).containsEntry("Threads_running", 25L);
        assertThat(LoadLimit.parse(" threads_running:30 , Threads_connected=500").orElseThrow().ceilings())
                .containsEntry("Threads_running", 30L).containsEntry("Threads_connected", 500L);
        assertThat(LoadLimit.parse("none").orElseThrow().isNone()).isTrue();
        assertThat(LoadLimit.parse("Threads_running").isEmpty()).isTrue();
        assertThat(LoadLimit.parse("Threads_running=lots").isEmpty()).isTrue();
        assertThat(LoadLimit.parse("Threads_running=25,Threads_connected=500").orElseThrow())
                .hasToString("Threads_running=25,Threads_connected=500");
    }

    @Test
    void aCeilingIsExceededOnlyAboveItAndUnknownVariablesNever() {
        LoadLimit limit = LoadLimit.parse("Threads_running=25,Innodb_row_lock_current_waits=3").orElseThrow();

        assertThat(limit.exceeded(Map.of("Threads_running", 25L))).isEmpty();
        assertThat(limit.exceeded(Map.of("Threads_running", 26L))).contains("Threads_running=26 (ceiling 25)");
        assertThat(limit.exceeded(Map.of("Innodb_row_lock_current_waits", 4L)))
                .contains("Innodb_row_lock_current_waits=4 (ceiling 3)");
        assertThat(limit.exceeded(Map.of())).isEmpty();
    }
}
