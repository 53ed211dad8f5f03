package dev.mysqlslice.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mysqlslice.model.Key;
import dev.mysqlslice.model.TableShape;
import java.util.List;
import org.junit.jupiter.api.Test;

class SliceSqlTest {

    private final TableShape orders = Shapes.orders();
    private final TableShape pairs = Shapes.composite();

    @Test
    void keysAndValuesAreSelectedExactlyByKeyList() {
        SqlFragment byKey = KeySql.in(pairs.keys(), List.of(Key.of(1L, "x"), Key.of(2L, "y")));

        assertThat(SliceSql.keys(pairs, byKey).sql())
                .isEqualTo("SELECT `a`, `b` FROM `pairs` WHERE (`a`, `b`) IN ((?, ?), (?, ?))");
        assertThat(SliceSql.keys(pairs, byKey).params()).containsExactly(1L, "x", 2L, "y");
        assertThat(SliceSql.valuesByKey(pairs, pairs.column("legacy").orElseThrow(), byKey).sql())
                .isEqualTo("SELECT CONVERT(`legacy` USING utf8mb4), `a`, `b` FROM `pairs` WHERE (`a`, `b`) IN ((?, ?), (?, ?))");
        assertThat(SliceSql.values(orders, orders.column("name").orElseThrow(), SqlFragment.of("`id` = 3")).sql())
                .isEqualTo("SELECT DISTINCT `name` FROM `orders` WHERE `name` IS NOT NULL AND `id` = 3");
    }

    @Test
    void referredToByIsACorrelatedExistsThatCanLeaveRowsOut() {
        SqlFragment excluded = KeySql.in(orders.keys(), List.of(Key.of(7L)));

        SqlFragment referred = SliceSql.referredToBy("tok", "id", "ref", "tok_id", excluded);
        assertThat(referred.sql()).isEqualTo(
                "EXISTS (SELECT 1 FROM `ref` s WHERE s.`tok_id` = `tok`.`id` AND NOT (`id` IN (?)))");
        assertThat(referred.params()).containsExactly(7L);
        assertThat(SliceSql.referredToBy("note", "ref_id", "ref", "id", SqlFragment.EMPTY).negate().sql())
                .isEqualTo("NOT (EXISTS (SELECT 1 FROM `ref` s WHERE s.`id` = `note`.`ref_id`))");
    }

    @Test
    void missingReferencesAreTheValuesWithoutARowToPointAt() {
        SqlFragment missing = SliceSql.missingReferences(orders, orders.column("name").orElseThrow(), "names", "label",
                KeySql.in(orders.keys(), List.of(Key.of(1L), Key.of(2L))));

        assertThat(missing.sql()).isEqualTo("SELECT DISTINCT `name` FROM `orders` WHERE `orders`.`name` IS NOT NULL"
                + " AND `id` IN (?, ?) AND NOT EXISTS (SELECT 1 FROM `names` s WHERE s.`label` = `orders`.`name`)");
        assertThat(missing.params()).containsExactly(1L, 2L);
    }
}
