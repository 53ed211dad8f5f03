package dev.mysqlslice.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeriesTest {

    @Test
    void crossJoinsOneDigitTablePerDecimalPlace() {
        assertThat(Series.of(1)).isEqualTo("(SELECT seq FROM (SELECT 1 + 1 * d0.d AS seq FROM (SELECT 0 AS d UNION ALL"
                + " SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6"
                + " UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) d0) digits WHERE seq <= 1) series");
        assertThat(Series.of(1000)).contains("100 * d2.d").doesNotContain("d3").endsWith("WHERE seq <= 1000) series");
        assertThat(Series.of(1001)).contains("1000 * d3.d");
    }
}
