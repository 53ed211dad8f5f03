package dev.mysqlslice.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mysqlslice.model.Column;
import dev.mysqlslice.model.ColumnKind;
import dev.mysqlslice.model.Key;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CascadeSqlTest {

    private static Column column(String name) {
        return new Column(name, "int(11)", ColumnKind.of("int", "int(11)"), true, false, Optional.empty(), Optional.empty());
    }

    @Test
    void selectsTheKeyAndReferencedColumnsOfTheRowsHoldingTheOldValues() {
        SqlFragment query = CascadeSql.reached("order_line", List.of(column("id"), column("batch")),
                List.of(column("order_id")), List.of(Key.of(1L), Key.of(2L)), false);

        assertThat(query.sql()).isEqualTo("SELECT `id`, `batch` FROM `order_line` WHERE `order_id` IN (?, ?)");
        assertThat(query.params()).containsExactly(1L, 2L);
    }

    @Test
    void aCompositeReferenceWithALockWaitsForTheCascadeToCommit() {
        SqlFragment query = CascadeSql.reached("c", List.of(column("id")), List.of(column("a"), column("b")),
                List.of(Key.of(1L, 2L)), true);

        assertThat(query.sql()).isEqualTo("SELECT `id` FROM `c` WHERE (`a`, `b`) IN ((?, ?)) LOCK IN SHARE MODE");
    }
}
