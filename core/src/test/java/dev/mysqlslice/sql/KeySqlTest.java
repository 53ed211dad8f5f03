package dev.mysqlslice.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mysqlslice.model.Bound;
import dev.mysqlslice.model.Key;
import dev.mysqlslice.model.KeyRange;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeySqlTest {

    private static final List<dev.mysqlslice.model.Column> ID = Shapes.orders().keys();
    private static final List<dev.mysqlslice.model.Column> AB = Shapes.composite().keys();

    @Test
    void singleColumnRanges() {
        assertThat(KeySql.inRange(ID, KeyRange.ALL)).isEqualTo(SqlFragment.EMPTY);
        assertThat(KeySql.inRange(ID, KeyRange.of(Optional.of(Key.of(5L)), Optional.of(Key.of(9L)))))
                .isEqualTo(new SqlFragment("`id` > ? AND `id` <= ?", List.of(5L, 9L)));
        assertThat(KeySql.inRange(ID, KeyRange.closed(Key.of(1L), Key.of(3L))))
                .isEqualTo(new SqlFragment("`id` >= ? AND `id` <= ?", List.of(1L, 3L)));
        assertThat(KeySql.inRange(ID, KeyRange.single(Key.of(7L))))
                .isEqualTo(new SqlFragment("`id` = ?", List.of(7L)));
        assertThat(KeySql.inRange(ID, new KeyRange(Optional.empty(), Optional.of(Bound.exclusive(Key.of(2L))))))
                .isEqualTo(new SqlFragment("`id` < ?", List.of(2L)));
    }

    @Test
    void compositeRangesAreSpelledOutForTheRangeOptimizer() {
        SqlFragment above = KeySql.inRange(AB, KeyRange.above(Key.of(1L, "x")));
        SqlFragment upTo = KeySql.inRange(AB, KeyRange.upTo(Key.of(2L, "y")));

        assertThat(above).isEqualTo(new SqlFragment("(`a` > ? OR (`a` = ? AND `b` > ?))", List.of(1L, 1L, "x")));
        assertThat(upTo).isEqualTo(new SqlFragment("(`a` < ? OR (`a` = ? AND `b` <= ?))", List.of(2L, 2L, "y")));
    }

    @Test
    void aBoundOnTheLeadingColumnOnlyBoundsThatColumn() {
        SqlFragment leading = KeySql.inRange(AB, KeyRange.closed(Key.of(3L), Key.of(5L)));
        SqlFragment mixed = KeySql.inRange(AB, new KeyRange(Optional.of(Bound.exclusive(Key.of(3L, "x"))),
                Optional.of(Bound.inclusive(Key.of(5L)))));

        assertThat(leading).isEqualTo(new SqlFragment("`a` >= ? AND `a` <= ?", List.of(3L, 5L)));
        assertThat(mixed).isEqualTo(new SqlFragment("(`a` > ? OR (`a` = ? AND `b` > ?)) AND `a` <= ?",
                List.of(3L, 3L, "x", 5L)));
    }

    @Test
    void anyOfSeveralRanges() {
        SqlFragment ranges = KeySql.inAnyRange(ID, List.of(KeyRange.closed(Key.of(1L), Key.of(2L)),
                KeyRange.closed(Key.of(8L), Key.of(9L))));

        assertThat(ranges).isEqualTo(new SqlFragment("((`id` >= ? AND `id` <= ?) OR (`id` >= ? AND `id` <= ?))",
                List.of(1L, 2L, 8L, 9L)));
        assertThat(KeySql.inAnyRange(ID, List.of(KeyRange.ALL, KeyRange.single(Key.of(1L))))).isEqualTo(SqlFragment.EMPTY);
    }

    @Test
    void keyLists() {
        assertThat(KeySql.in(ID, List.of(Key.of(1L), Key.of(2L)))).isEqualTo(new SqlFragment("`id` IN (?, ?)", List.of(1L, 2L)));
        assertThat(KeySql.in(AB, List.of(Key.of(1L, "p"), Key.of(2L, "q"))))
                .isEqualTo(new SqlFragment("(`a`, `b`) IN ((?, ?), (?, ?))", List.of(1L, "p", 2L, "q")));
        assertThat(KeySql.in(ID, List.of())).isEqualTo(SqlFragment.of("1 = 0"));
    }

    @Test
    void combinedConditionsKeepParameterOrder() {
        SqlFragment combined = KeySql.inRange(ID, KeyRange.above(Key.of(3L))).and(SqlFragment.of("(x = 1)"));

        assertThat(combined.whereClause()).isEqualTo(" WHERE `id` > ? AND (x = 1)");
        assertThat(combined.params()).containsExactly(3L);
    }
}
