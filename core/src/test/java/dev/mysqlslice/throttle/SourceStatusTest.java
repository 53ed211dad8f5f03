package dev.mysqlslice.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceStatusTest {

    @Test
    void statusQueryNamesOnlyTheVariables() {
        assertThat(SourceStatus.query(new LinkedHashSet<>(List.of("Threads_running", "x'; DROP"))))
                .isEqualTo("SHOW GLOBAL STATUS WHERE Variable_name IN ('Threads_running', 'xDROP')");
    }
}
