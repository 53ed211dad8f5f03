package dev.mysqlslice.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mysqlslice.config.HashAlgorithm;
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
