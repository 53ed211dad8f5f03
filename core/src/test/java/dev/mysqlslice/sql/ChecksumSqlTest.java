package dev.mysqlslice.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mysqlslice.config.HashAlgorithm;
import dev.mysqlslice.model.IntegerInterval;
import dev.mysqlslice.model.Key;
import dev.mysqlslice.model.KeyRange;
import dev.mysqlslice.model.ScanEnd;
import dev.mysqlslice.model.TableShape;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChecksumSqlTest {

    private static final TableShape ONE_INT = new TableShape("t", List.of(Shapes.column("id", "int", false),
            Shapes.column("v", "int", true)), List.of("id"), "PRIMARY");

    @Test
    void bucketsHashEveryStepOfKeysInOneScan() {
        SqlFragment query = ChecksumSql.buckets(ONE_INT, BigInteger.valueOf(-5), BigInteger.valueOf(1000), ScanEnd.AT_HI,
                BigInteger.valueOf(100), HashAlgorithm.CRC32, Optional.of("v > 0"));

        assertThat(query.sql()).isEqualTo("SELECT (`id` - -5) DIV 100 AS mss_bucket, COUNT(*),"
                + " BIT_XOR(CRC32(CONCAT_WS('#', `id`, `v`, ISNULL(`v`))) * 2654435761), 0,"
                + " MIN(`id`), MAX(`id`) FROM `t` WHERE `id` >= -5 AND `id` <= 1000 AND (v > 0) GROUP BY mss_bucket");
        assertThat(query.params()).isEmpty();
    }

    @Test
    void bucketsAmongReadOnlyTheNamedBucketsTheLastEndingAtTheRegion() {
        SqlFragment query = ChecksumSql.bucketsAmong(ONE_INT, BigInteger.valueOf(-5), BigInteger.valueOf(1000),
                BigInteger.valueOf(100), List.of(BigInteger.ZERO, BigInteger.TEN), HashAlgorithm.MD5, Optional.of("v > 0"));

        assertThat(query.sql()).startsWith("SELECT (`id` - -5) DIV 100 AS mss_bucket, COUNT(*), BIT_XOR(")
                .contains(" MIN(`id`), MAX(`id`) FROM `t` WHERE `id` BETWEEN -5 AND 94 AND (v > 0) GROUP BY mss_bucket"
                        + " UNION ALL SELECT (`id` - -5) DIV 100 AS mss_bucket, COUNT(*), BIT_XOR(")
                .endsWith(" MIN(`id`), MAX(`id`) FROM `t` WHERE `id` BETWEEN 995 AND 1000 AND (v > 0) GROUP BY mss_bucket");
    }

    @Test
    void bucketsWithinReadOnlyTheIntervalsOneBranchEachNumberedFromTheRegionsLowestKey() {
        SqlFragment query = ChecksumSql.bucketsWithin(ONE_INT, BigInteger.ONE, BigInteger.valueOf(100_000),
                BigInteger.valueOf(62), List.of(new IntegerInterval(BigInteger.valueOf(3001), BigInteger.valueOf(3998)),
                        new IntegerInterval(BigInteger.valueOf(71_000), BigInteger.valueOf(71_000))),
                HashAlgorithm.CRC32, Optional.empty());

        String select = "SELECT (`id` - 1) DIV 62 AS mss_bucket, COUNT(*),"
                + " BIT_XOR(CRC32(CONCAT_WS('#', `id`, `v`, ISNULL(`v`))) * 2654435761), 0, MIN(`id`), MAX(`id`) FROM `t`";
        assertThat(query.sql()).isEqualTo(select + " WHERE `id` BETWEEN 3001 AND 3998 GROUP BY mss_bucket"
                + " UNION ALL " + select + " WHERE `id` BETWEEN 71000 AND 71000 GROUP BY mss_bucket");
    }

    @Test
    void bucketCountsLeaveTheHashesOut() {
        assertThat(ChecksumSql.bucketCounts(ONE_INT, BigInteger.ONE, BigInteger.valueOf(1000), ScanEnd.AT_HI,
                BigInteger.valueOf(100), Optional.empty()).sql()).isEqualTo("SELECT (`id` - 1) DIV 100 AS mss_bucket, COUNT(*), 0, 0, MIN(`id`),"
                + " MAX(`id`) FROM `t` WHERE `id` >= 1 AND `id` <= 1000 GROUP BY mss_bucket");
    }

    @Test
    void bucketsOfAWideSpanUseDecimalArithmetic() {
        SqlFragment query = ChecksumSql.buckets(ONE_INT, BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE),
                ScanEnd.AT_HI, BigInteger.TWO.pow(60), HashAlgorithm.CRC32, Optional.empty());

        assertThat(query.sql()).startsWith("SELECT (CAST(`id` AS DECIMAL(21, 0)) - -9223372036854775808) DIV 1152921504606846976 AS mss_bucket");
    }

    @Test
    void anOpenEndScansToTheTablesEndWithNoEndKeyToCheck() {
        assertThat(ChecksumSql.buckets(ONE_INT, BigInteger.ONE, BigInteger.valueOf(1000), ScanEnd.OPEN, BigInteger.valueOf(100),
                HashAlgorithm.CRC32, Optional.of("v > 0")).sql()).isEqualTo("SELECT (`id` - 1) DIV 100 AS mss_bucket, COUNT(*),"
                + " BIT_XOR(CRC32(CONCAT_WS('#', `id`, `v`, ISNULL(`v`))) * 2654435761), 0,"
                + " MIN(`id`), MAX(`id`) FROM `t` WHERE `id` >= 1 AND (v > 0) GROUP BY mss_bucket");
        assertThat(ChecksumSql.bucketCounts(ONE_INT, BigInteger.ZERO, BigInteger.valueOf(1000), ScanEnd.OPEN,
                BigInteger.valueOf(100), Optional.empty()).sql()).isEqualTo("SELECT (`id` - 0) DIV 100 AS mss_bucket,"
                + " COUNT(*), 0, 0, MIN(`id`), MAX(`id`) FROM `t` WHERE `id` >= 0 GROUP BY mss_bucket");
    }

    @Test
    void anOpenEndBelowZeroKeepsItsEndKeyWhereKeysPastItCouldOverflowBigint() {
        assertThat(ChecksumSql.buckets(ONE_INT, BigInteger.valueOf(-5), BigInteger.valueOf(1000), ScanEnd.OPEN,
                BigInteger.valueOf(100), HashAlgorithm.CRC32, Optional.empty()).sql())
                .endsWith(" WHERE `id` >= -5 AND `id` <= 1000 GROUP BY mss_bucket");
        assertThat(ChecksumSql.buckets(ONE_INT, BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE),
                ScanEnd.OPEN, BigInteger.TWO.pow(60), HashAlgorithm.CRC32, Optional.empty()).sql())
                .endsWith(" WHERE `id` >= -9223372036854775808 GROUP BY mss_bucket");
    }

    @Test
    void rangeRowHashesKeysAndExtremes() {
        KeyRange range = KeyRange.of(Optional.of(Key.of(10L)), Optional.of(Key.of(20L)));

        assertThat(ChecksumSql.range(ONE_INT, range, HashAlgorithm.MD5, Optional.empty()).sql()).isEqualTo(
                "SELECT COUNT(*), BIT_XOR(CAST(CONV(LEFT(MD5(CONCAT_WS('#', `id`, `v`, ISNULL(`v`))), 16), 16, 10)"
                        + " AS UNSIGNED)), 0 FROM `t` WHERE `id` > ? AND `id` <= ?");
        assertThat(ChecksumSql.rowHashes(ONE_INT, List.of(range), HashAlgorithm.MD5, Optional.empty()).sql()).isEqualTo(
                "SELECT `id`, MD5(CONCAT_WS('#', `id`, `v`, ISNULL(`v`))) FROM `t` WHERE `id` > ? AND `id` <= ? ORDER BY `id`");
        assertThat(ChecksumSql.keys(ONE_INT, KeyRange.ALL, Optional.empty()).sql()).isEqualTo("SELECT `id` FROM `t` ORDER BY `id`");
        assertThat(ChecksumSql.maxKey(Shapes.composite(), KeyRange.ALL, Optional.of("a > 1")).sql())
                .isEqualTo("SELECT `a`, `b` FROM `pairs` WHERE (a > 1) ORDER BY `a` DESC, `b` DESC LIMIT 1");
        assertThat(ChecksumSql.minKey(ONE_INT, KeyRange.above(Key.of(4L)), Optional.empty()).sql())
                .isEqualTo("SELECT `id` FROM `t` WHERE `id` > ? ORDER BY `id` LIMIT 1");
        assertThat(ChecksumSql.nthKey(Shapes.composite(), KeyRange.ALL, 1000, Optional.of("a > 1")).sql())
                .isEqualTo("SELECT `a`, `b` FROM `pairs` WHERE (a > 1) ORDER BY `a`, `b` LIMIT 1 OFFSET 999");
        assertThat(ChecksumSql.count(ONE_INT, KeyRange.above(Key.of(3L)), Optional.empty()).sql())
                .isEqualTo("SELECT COUNT(*) FROM `t` WHERE `id` > ?");
    }
}
