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
                "column `extra` is missing on the target",
                "column `added` exists only on the target");
    }

    @Test
    void aCollationDifferenceMattersOnKeyColumnsOnly() {
        TableShape source = new TableShape("t", List.of(text("k", "utf8mb4_bin"), text("v", "utf8mb4_0900_ai_ci")),
                List.of("k"), "PRIMARY");
        TableShape target = new TableShape("t", List.of(text("k", "utf8mb4_general_ci"), text("v", "utf8mb4_uca1400_ai_ci")),
                List.of("k"), "PRIMARY");

        assertThat(ShapeComparison.differences(source, target)).containsExactly(
                "column `k` has collation utf8mb4_bin on the source but utf8mb4_general_ci on the target");
    }

    @Test
    void mysqlAndMariadbNamesOfTheSameThingMatch() {
        // MySQL 8.0.28 says utf8mb3 where MariaDB 10.4 says utf8; 0900_bin and nopad_bin are both NO PAD binary.
        Column mysqlKey = new Column("k", "varchar(10)", ColumnKind.STRING, false, false, Optional.of("utf8mb3"),
                Optional.of("utf8mb3_general_ci"));
        Column mariadbKey = new Column("k", "varchar(10)", ColumnKind.STRING, false, false, Optional.of("utf8"),
                Optional.of("utf8_general_ci"));
        Column mysqlJson = new Column("doc", "json", ColumnKind.JSON, true, false, Optional.empty(), Optional.empty());
        Column mariadbJson = new Column("doc", "longtext", ColumnKind.STRING, true, false, Optional.of("utf8mb4"),
                Optional.of("utf8mb4_bin"));
        Column binKey = text("b", "utf8mb4_0900_bin");
        Column nopadKey = text("b", "utf8mb4_nopad_bin");

        assertThat(ShapeComparison.differences(new TableShape("t", List.of(mysqlKey, mysqlJson, binKey), List.of("k", "b"),
                "PRIMARY"), new TableShape("t", List.of(mariadbKey, mariadbJson, nopadKey), List.of("k", "b"), "PRIMARY")))
                .isEmpty();
    }

    @Test
    void aPrimaryKeyMysqlGeneratedOnTheTargetIsExplained() {
        TableShape source = shape(column("id", "int", false));
        TableShape target = shape(column("id", "int", false), column("my_row_id", "bigint unsigned", false));

        assertThat(ShapeComparison.differences(source, target)).containsExactly("column `my_row_id` exists only on the"
                + " target (MySQL adds it as an invisible primary key to a table created without one while"
                + " sql_generate_invisible_primary_key=ON: create the target table with it OFF, or give the source table a"
                + " primary key)");
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
