package dev.mysqlslice.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mysqlslice.config.HashAlgorithm;
import org.junit.jupiter.api.Test;

class RowHashSqlTest {

    @Test
    void encodingHasValuesThenLengthsThenNullFlagsAndSkipsGeneratedColumns() {
        assertThat(RowHashSql.encoding(Shapes.orders().columns(), "")).isEqualTo(
                "CONCAT_WS('#', `id`, CAST(`name` AS BINARY), CAST(`f` AS DOUBLE), `doc`,"
                        + " LENGTH(`name`), LENGTH(`doc`), CONCAT(ISNULL(`f`), ISNULL(`doc`)))");
    }

    @Test
    void encodingCanBeQualifiedWithAnAlias() {
        assertThat(RowHashSql.encoding(Shapes.composite().columns(), "s")).isEqualTo(
                "CONCAT_WS('#', `s`.`a`, CAST(`s`.`b` AS BINARY), `s`.`v`, CAST(`s`.`legacy` AS BINARY),"
                        + " LENGTH(`s`.`b`), LENGTH(`s`.`v`), LENGTH(`s`.`legacy`), ISNULL(`s`.`v`))");
    }

    @Test
    void crc32x2HashesTheEncodingForwardsAndReversedAndMixesInTheirProductWhenAggregated() {
        assertThat(RowHashSql.rowHash("E", HashAlgorithm.CRC32X2))
                .isEqualTo("IF((@mss_row := E) IS NULL, CAST(0 AS UNSIGNED), (CRC32(@mss_row) << 32 | CRC32(REVERSE(@mss_row))))");
        assertThat(RowHashSql.aggregates("E", HashAlgorithm.CRC32X2)).isEqualTo("COUNT(*), BIT_XOR(IF((@mss_row := E) IS NULL,"
                + " CAST(0 AS UNSIGNED), (CRC32(@mss_row) << 32 | CRC32(REVERSE(@mss_row))) ^ (CRC32(@mss_row) * CRC32(REVERSE(@mss_row))))), 0");
    }

    @Test
    void md5FoldsIntoTwo64BitXors() {
        assertThat(RowHashSql.rowHash("E", HashAlgorithm.MD5)).isEqualTo("MD5(E)");
        assertThat(RowHashSql.aggregates("E", HashAlgorithm.MD5)).isEqualTo(
                "COUNT(*), BIT_XOR(CAST(CONV(SUBSTRING(@mss_md5 := MD5(E), 1, 16), 16, 10) AS UNSIGNED)),"
                        + " BIT_XOR(CAST(CONV(SUBSTRING(@mss_md5, 17, 16), 16, 10) AS UNSIGNED))");
    }
}
