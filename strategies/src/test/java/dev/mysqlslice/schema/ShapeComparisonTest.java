package dev.mysqlslice.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mysqlslice.model.Column;
import dev.mysqlslice.model.ColumnKind;
import dev.mysqlslice.model.TableShape;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShapeComparisonTest {

    @Test
    void identicalShapesHaveNoDifferencesEvenWithoutIntegerDisplayWidths() {
        TableShape mariadb = shape(column("id", "int(10) unsigned", false), text("name", "utf8mb4_bin"));
        TableShape mysql = shape(column("id", "int unsigned", false), text("name", "utf8mb4_bin"));

        assertThat(ShapeComparison.differences(mariadb, mysql)).isEmpty();
    }

    @Test
    void namesEveryDifference() {
        TableShape source = shape(column("id", "int", false), text("name", "utf8mb4_bin"), column("extra", "int", true));
        TableShape target = shape(column("id", "bigint", false), text("name", "utf8mb4_general_ci"),
                column("added", "int", true));

        assertThat(ShapeComparison.differences(source, target)).containsExactly(
                "column `id` is int on the source but bigint on the target",
                "column `name` has collation utf8mb4_bin on the source but utf8mb4_general_ci on the target",
                "column `extra` is missing on the target",
                "column `added` exists only on the target");
    }

    private static TableShape shape(Column... columns) {
        return new TableShape("t", List.of(columns), List.of("id"), "PRIMARY");
    }

    private static Column column(String name, String type, boolean nullable) {
        return new Column(name, type, ColumnKind.of(type.split("[( ]")[0], type), nullable, false, Optional.empty(),
                Optional.empty());
    }

    private static Column text(String name, String collation) {
        return new Column(name, "varchar(10)", ColumnKind.STRING, true, false, Optional.of("utf8mb4"),
                Optional.of(collation));
    }
}
