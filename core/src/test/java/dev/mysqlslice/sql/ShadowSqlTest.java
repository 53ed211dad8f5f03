package dev.mysqlslice.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShadowSqlTest {

    @Test
    void shadowNamesOfLongTableNamesStayWithinTheServersLimitAndApart() {
        String long64 = "a_table_name_of_exactly_sixty_four_characters_for_the_limit_xyz";
        assertThat(long64).hasSize(63);
        String first = ShadowSql.name(ShadowSql.NEW_PREFIX, long64 + "1");
        String second = ShadowSql.name(ShadowSql.NEW_PREFIX, long64 + "2");

        assertThat(first).hasSizeLessThanOrEqualTo(64).startsWith("_mss_new_a_table_name").isNotEqualTo(second);
        assertThat(second).hasSizeLessThanOrEqualTo(64);
        assertThat(ShadowSql.name(ShadowSql.OLD_PREFIX, "orders")).isEqualTo("_mss_old_orders");
    }
}
