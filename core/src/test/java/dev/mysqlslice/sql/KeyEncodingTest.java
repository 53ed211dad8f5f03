package dev.mysqlslice.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mysqlslice.jdbc.KeyCodec;
import dev.mysqlslice.model.Column;
import dev.mysqlslice.model.ColumnKind;
import dev.mysqlslice.model.Key;
import dev.mysqlslice.model.KeyRange;
import dev.mysqlslice.model.KeyType;
import dev.mysqlslice.model.TableShape;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Keys of ENUM/SET, non-UTF-8 strings and MariaDB's UUID/INET types: how they are read, bound and compared. */
class KeyEncodingTest {

    private static Column column(String name, String dataType, String columnType, String charset, String collation) {
        return new Column(name, columnType, ColumnKind.of(dataType, columnType), false, false,
                Optional.ofNullable(charset), Optional.ofNullable(collation));
    }

    private static final Column ENUM = column("e", "enum", "enum('red','green','blue')", "utf8mb4", "utf8mb4_general_ci");
    private static final Column SET = column("s", "set", "set('z','a','m')", "utf8mb4", "utf8mb4_general_ci");
    private static final Column LATIN1 = column("c", "varchar", "varchar(4)", "latin1", "latin1_swedish_ci");
    private static final Column UTF8MB4 = column("u", "varchar", "varchar(4)", "utf8mb4", "utf8mb4_bin");
    private static final Column UUID = column("id", "uuid", "uuid", null, null);
    private static final Column INET4 = column("ip", "inet4", "inet4", null, null);

    @Test
    void enumAndSetKeysAreTheirIndexAndBitSetSoTheyCompareInIndexOrder() {
        assertThat(KeyCodec.selectExpression(ENUM)).isEqualTo("(`e` + 0)");
        assertThat(KeyCodec.selectExpression(SET)).isEqualTo("(`s` + 0)");
        assertThat(KeyType.of(ENUM)).isEqualTo(KeyType.LONG);
        assertThat(KeyType.of(SET)).isEqualTo(KeyType.BIG_INTEGER);
        assertThat(KeySql.inRange(List.of(column("id", "int", "int(11)", null, null), ENUM), KeyRange.above(Key.of(1L, 3L))))
                .isEqualTo(new SqlFragment("(`id` > ? OR (`id` = ? AND `e` > ?))", List.of(1L, 1L, 3L)));
    }

    @Test
    void stringKeysInOtherCharsetsAreReadAsUtf8AndBoundInTheirOwnCharsetAndCollation() {
        assertThat(KeyCodec.selectExpression(LATIN1)).isEqualTo("CONVERT(`c` USING utf8mb4)");
        assertThat(KeyCodec.selectExpression(UTF8MB4)).isEqualTo("`u`");
        assertThat(KeySql.inRange(List.of(LATIN1), KeyRange.above(Key.of("é"))).sql())
                .isEqualTo("`c` > CONVERT(? USING latin1) COLLATE latin1_swedish_ci");
        assertThat(KeySql.in(List.of(LATIN1), List.of(Key.of("a"), Key.of("é"))).sql()).isEqualTo(
                "`c` IN (CONVERT(? USING latin1) COLLATE latin1_swedish_ci, CONVERT(? USING latin1) COLLATE latin1_swedish_ci)");
        assertThat(KeySql.inRange(List.of(UTF8MB4), KeyRange.single(Key.of("x"))).sql()).isEqualTo("`u` = ?");
    }

    @Test
    void mariadbUuidAndInetKeysAreTheirBinaryForm() {
        assertThat(KeyCodec.selectExpression(UUID)).isEqualTo("CAST(`id` AS BINARY)");
        assertThat(KeyType.of(UUID)).isEqualTo(KeyType.BYTES);
        assertThat(KeyType.of(INET4)).isEqualTo(KeyType.BYTES);
        assertThat(UUID.nativeBinaryLength()).hasValue(16);
        assertThat(INET4.nativeBinaryLength()).hasValue(4);
    }

    @Test
    void theirValuesAreWrittenThroughTheirTextForm() {
        TableShape shape = new TableShape("g", List.of(UUID, column("v", "int", "int(11)", null, null)), List.of("id"),
                "PRIMARY");

        assertThat(CopySql.insert(shape)).isEqualTo("INSERT INTO `g` (`id`, `v`) VALUES (CONVERT(? USING utf8mb4), ?)");
        assertThat(CopySql.loadData(shape, "g")).isEqualTo("LOAD DATA LOCAL INFILE 'mysqlslice.tsv' REPLACE INTO TABLE"
                + " `g` CHARACTER SET binary FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n'"
                + " (@mss_1, `v`) SET `id` = CONVERT(@mss_1 USING utf8mb4)");
    }

    @Test
    void anEnumWithoutTheEmptyMemberMayHoldTheErrorValue() {
        assertThat(ENUM.mayHoldEnumErrorValue()).isTrue();
        assertThat(column("e", "enum", "enum('','a')", "utf8mb4", null).mayHoldEnumErrorValue()).isFalse();
        assertThat(SET.mayHoldEnumErrorValue()).isFalse();
    }

    @Test
    void aFailedBatchOnANonTransactionalTargetSaysWhatWasKept() {
        TableShape shape = new TableShape("m", List.of(UTF8MB4), List.of("u"), "PRIMARY");

        assertThat(shape.failedBatchKept()).isEqualTo("nothing of this batch was kept");
        assertThat(shape.withEngine("MyISAM").failedBatchKept()).isEqualTo("rows of this batch written before the"
                + " failure were kept (the target table's engine, MyISAM, is not transactional); the next sync compares"
                + " and repairs them");
        assertThat(shape.withEngine("Aria").transactional()).isFalse();
    }
}
