package dev.mysqlslice.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mysqlslice.config.HashAlgorithm;
import dev.mysqlslice.model.Column;
import dev.mysqlslice.model.ColumnKind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RowHashSqlTest {

    @Test
    void encodingHasValuesThenLengthsThenNullFlagsAndSkipsGeneratedColumns() {
        assertThat(RowHashSql.encoding(Shapes.orders().columns(), "")).isEqualTo(
                "CONCAT_WS('#', `id`, CAST(`name` AS BINARY), (`f` + 0e0), `doc`,"
                        + " LENGTH(`name`), LENGTH(`doc`), CONCAT(ISNULL(`f`), ISNULL(`doc`)))");
    }

    @Test
    void encodingCanBeQualifiedWithAnAlias() {
        assertThat(RowHashSql.encoding(Shapes.composite().columns(), "s")).isEqualTo(
                "CONCAT_WS('#', `s`.`a`, CAST(`s`.`b` AS BINARY), `s`.`v`, CAST(`s`.`legacy` AS BINARY),"
                        + " LENGTH(`s`.`b`), LENGTH(`s`.`v`), LENGTH(`s`.`legacy`), ISNULL(`s`.`v`))");
    }

    @Test
    void stringsOfOneCollationGoInAsTheyAreAndMixedOnesAreCastToBinary() {
        List<Column> plain = List.of(Shapes.column("id", "int", false), Shapes.column("sku", "varchar(64)", false),
                Shapes.column("note", "text", true), Shapes.column("raw", "blob", true));
        assertThat(RowHashSql.encoding(plain, "")).isEqualTo("CONCAT_WS('#', `id`, `sku`, `note`, `raw`,"
                + " LENGTH(`sku`), LENGTH(`note`), LENGTH(`raw`), CONCAT(ISNULL(`note`), ISNULL(`raw`)))");

        Column binaryCollation = new Column("code", "varchar(8)", ColumnKind.STRING, false, false, Optional.of("utf8mb4"),
                Optional.of("utf8mb4_bin"));
        assertThat(RowHashSql.oneByteCompatibleCollation(List.of(plain.get(1), binaryCollation))).isFalse();
        Column utf16 = new Column("w", "varchar(8)", ColumnKind.STRING, false, false, Optional.of("utf16"),
                Optional.of("utf16_general_ci"));
        assertThat(RowHashSql.oneByteCompatibleCollation(List.of(utf16))).isFalse();
        assertThat(RowHashSql.oneByteCompatibleCollation(List.of(plain.get(1), Shapes.column("doc", "json", true))))
                .isFalse();
        assertThat(RowHashSql.oneByteCompatibleCollation(List.of(Shapes.column("id", "int", false)))).isTrue();
    }

    @Test
    void crc32SumsRangesFromEachRowsCrcTimesAnOddConstantAndComparesRowsByTwoCrcs() {
        assertThat(RowHashSql.aggregates("E", HashAlgorithm.CRC32)).isEqualTo("COUNT(*), BIT_XOR(CRC32(E) * 2654435761), 0");
        assertThat(RowHashSql.rowHash("E", HashAlgorithm.CRC32)).isEqualTo("(CRC32(E) << 32 | CRC32(REVERSE(E)))");
    }

    @Test
    void md5SumsRangesFromTheFirst64BitsOfEachRowsMd5AndComparesRowsByAllOfIt() {
        assertThat(RowHashSql.rowHash("E", HashAlgorithm.MD5)).isEqualTo("MD5(E)");
        assertThat(RowHashSql.aggregates("E", HashAlgorithm.MD5))
                .isEqualTo("COUNT(*), BIT_XOR(CAST(CONV(LEFT(MD5(E), 16), 16, 10) AS UNSIGNED)), 0");
    }

    @Test
    void noHashAssignsAUserVariable() {
        for (HashAlgorithm hash : HashAlgorithm.values()) {
            String encoding = RowHashSql.encoding(Shapes.orders().columns(), "");
            assertThat(RowHashSql.aggregates(encoding, hash)).doesNotContain(":=", "@");
            assertThat(RowHashSql.rowHash(encoding, hash)).doesNotContain(":=", "@");
        }
    }

    @Test
    void theDefaultIsCrc32AndTheOldDefaultsNameStillMeansIt() {
        assertThat(HashAlgorithm.parse("crc32")).contains(HashAlgorithm.CRC32);
        assertThat(HashAlgorithm.parse("crc32x2")).contains(HashAlgorithm.CRC32);
    }
}
