package dev.mysqlslice.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreateTableRewriterTest {

    @Test
    void removesForeignKeysAndTheAutoIncrementCounterAndKeepsTheRest() {
        String create = """
                CREATE TABLE `child` (
                  `id` int(11) NOT NULL AUTO_INCREMENT,
                  `parent_id` int(11) DEFAULT NULL COMMENT 'CONSTRAINT `x` FOREIGN KEY',
                  `total` int(11) GENERATED ALWAYS AS (`id` * 2) VIRTUAL,
                  PRIMARY KEY (`id`),
                  KEY `fk_parent` (`parent_id`),
                  CONSTRAINT `fk_parent` FOREIGN KEY (`parent_id`) REFERENCES `parent` (`id`) ON DELETE CASCADE,
                  CONSTRAINT `chk``quoted` CHECK (`id` > 0),
                  CONSTRAINT `fk_other` FOREIGN KEY (`id`) REFERENCES `other` (`id`)
                ) ENGINE=InnoDB AUTO_INCREMENT=42 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci ROW_FORMAT=COMPRESSED""";

        CreateTableRewriter.Result result = CreateTableRewriter.rewrite(create);

        assertThat(result.foreignKeysRemoved()).isEqualTo(2);
        assertThat(result.statement()).isEqualTo("""
                CREATE TABLE `child` (
                  `id` int(11) NOT NULL AUTO_INCREMENT,
                  `parent_id` int(11) DEFAULT NULL COMMENT 'CONSTRAINT `x` FOREIGN KEY',
                  `total` int(11) GENERATED ALWAYS AS (`id` * 2) VIRTUAL,
                  PRIMARY KEY (`id`),
                  KEY `fk_parent` (`parent_id`),
                  CONSTRAINT `chk``quoted` CHECK (`id` > 0)
                ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci ROW_FORMAT=COMPRESSED""");
    }

    @Test
    void leavesATableWithoutForeignKeysUnchanged() {
        String create = "CREATE TABLE `t` (\n  `id` int NOT NULL,\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB\n"
                + "/*!50100 PARTITION BY HASH (`id`)\nPARTITIONS 4 */";

        CreateTableRewriter.Result result = CreateTableRewriter.rewrite(create);

        assertThat(result.foreignKeysRemoved()).isZero();
        assertThat(result.statement()).isEqualTo(create);
    }
}
