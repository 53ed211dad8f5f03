package dev.mysqlslice.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mysqlslice.dialect.Dialect;
import dev.mysqlslice.model.Column;
import dev.mysqlslice.model.ColumnKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Schema pull from MySQL 8 to MariaDB 10.11 (and back): collations as SHOW CREATE TABLE spells them. */
class CollationMapperTest {

    private static final Dialect MYSQL = Dialect.of("8.4.3");
    private static final Dialect MARIADB = Dialect.of("10.11.19-MariaDB");

    /** SHOW CREATE TABLE on MySQL 8.4 (columns with the table's default collation name none). */
    private static final String ORDERS = """
            CREATE TABLE `orders` (
              `id` bigint NOT NULL AUTO_INCREMENT,
              `code` varchar(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_bin NOT NULL,
              `note` text,
              `doc` json DEFAULT NULL,
              `created` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
              PRIMARY KEY (`id`),
              UNIQUE KEY `code` (`code`)
            ) ENGINE=InnoDB AUTO_INCREMENT=42 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci""";

    private static Column text(String name, String collation) {
        return new Column(name, "varchar(20)", ColumnKind.STRING, true, false, Optional.of("utf8mb4"), Optional.of(collation));
    }

    @Test
    void mapsExactEquivalentsAndNearCollationsOfNonKeyColumnsWithANote() {
        List<Column> columns = List.of(new Column("id", "bigint", ColumnKind.SIGNED_INTEGER, false, false, Optional.empty(),
                Optional.empty()), text("code", "utf8mb4_0900_bin"), text("note", "utf8mb4_0900_ai_ci"));

        CollationMapper.Result result = CollationMapper.map("orders", ORDERS, columns,
                Map.of("PRIMARY", List.of("id"), "code", List.of("code")), MYSQL, MARIADB);

        assertThat(result.problems()).isEmpty();
        assertThat(result.statement()).contains("`code` varchar(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NOT NULL")
                .endsWith("DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_ai_ci").contains("`doc` json DEFAULT NULL");
        assertThat(result.approximations()).containsExactly("table orders: collation utf8mb4_0900_ai_ci is not on MariaDB"
                + " 10.11.19; created with utf8mb4_uca1400_ai_ci (mysqlslice copies and compares the bytes; only sorting on"
                + " the target differs)");
    }

    @Test
    void refusesAUniqueKeyWhoseCollationTheTargetLacksNamingTheColumnAndTheFix() {
        List<Column> columns = List.of(text("email", "utf8mb4_0900_as_cs"));
        String create = "CREATE TABLE `users` (\n  `email` varchar(20) COLLATE utf8mb4_0900_as_cs NOT NULL,\n"
                + "  UNIQUE KEY `email` (`email`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci";

        CollationMapper.Result result = CollationMapper.map("users", create, columns, Map.of("email", List.of("email")),
                MYSQL, MARIADB);

        assertThat(result.problems()).containsExactly("table users: column email is part of a unique key and uses"
                + " collation utf8mb4_0900_as_cs, which MariaDB 10.11.19 has no exact equivalent of, so the key would"
                + " compare values differently there; give the column a collation both servers have (e.g. ALTER TABLE"
                + " users MODIFY email ... COLLATE utf8mb4_uca1400_as_cs on the source, or create the target table"
                + " yourself)");
    }

    @Test
    void theSameFlavorIsLeftAlone() {
        assertThat(CollationMapper.map("orders", ORDERS, List.of(), Map.of(), MYSQL, Dialect.of("8.0.36")).statement())
                .isEqualTo(ORDERS);
    }
}
