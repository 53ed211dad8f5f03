package dev.mysqlslice.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mysqlslice.model.Key;
import dev.mysqlslice.model.KeyRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class CopySqlTest {

    @Test
    void selectReadsExactBytesThenTheKey() {
        SqlFragment select = CopySql.select(Shapes.orders(), KeySql.inRange(Shapes.orders().keys(), KeyRange.above(Key.of(5L))), 1000);

        assertThat(select.sql()).isEqualTo("SELECT `id`, `name`, (`f` + 0e0), `doc`, `id` FROM `orders`"
                + " WHERE `id` > ? ORDER BY `id` LIMIT 1000");
        assertThat(CopySql.select(Shapes.composite(), SqlFragment.EMPTY, 0).sql()).isEqualTo(
                "SELECT `a`, `b`, `v`, CAST(`legacy` AS BINARY), `a`, `b` FROM `pairs` ORDER BY `a`, `b`");
    }

    @Test
    void writesLeaveGeneratedColumnsOutAndConvertJson() {
        assertThat(CopySql.insert(Shapes.orders()))
                .isEqualTo("INSERT INTO `orders` (`id`, `name`, `f`, `doc`) VALUES (?, ?, ?, CONVERT(? USING utf8mb4))");
        assertThat(CopySql.replace(Shapes.composite()))
                .isEqualTo("REPLACE INTO `pairs` (`a`, `b`, `v`, `legacy`) VALUES (?, ?, ?, ?)");
        assertThat(CopySql.loadData(Shapes.orders(), "orders_new")).isEqualTo(
                "LOAD DATA LOCAL INFILE 'mysqlslice.tsv' REPLACE INTO TABLE `orders_new` CHARACTER SET binary"
                        + " FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n'"
                        + " (`id`, `name`, `f`, @mss_4) SET `doc` = CONVERT(@mss_4 USING utf8mb4)");
        assertThat(CopySql.delete(Shapes.orders(), KeySql.in(Shapes.orders().keys(), List.of(Key.of(1L)))))
                .isEqualTo(new SqlFragment("DELETE FROM `orders` WHERE `id` IN (?)", List.of(1L)));
    }
}
