package dev.mysqlslice.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mysqlslice.model.Key;
import dev.mysqlslice.model.KeyRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarrierSqlTest {

    @Test
    void locksTheChangedRowsForAMoment() {
        SqlFragment barrier = BarrierSql.await("orders", Shapes.orders().keys(),
                List.of(KeyRange.single(Key.of(7L)), KeyRange.closed(Key.of(100L), Key.of(199L))));

        assertThat(barrier.sql()).isEqualTo("SELECT COUNT(*) FROM `orders` WHERE ((`id` = ?) OR (`id` >= ? AND `id` <= ?))"
                + " LOCK IN SHARE MODE");
        assertThat(barrier.params()).containsExactly(7L, 100L, 199L);
    }
}
