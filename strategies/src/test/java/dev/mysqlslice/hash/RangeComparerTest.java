package dev.mysqlslice.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class RangeComparerTest {

    @Test
    void sampleBucketsAreTheMiddlesOfEqualSlices() {
        assertThat(RangeComparer.sampleBuckets(BigInteger.valueOf(11), 4)).containsExactly(
                BigInteger.valueOf(1), BigInteger.valueOf(4), BigInteger.valueOf(6), BigInteger.valueOf(9));
        assertThat(RangeComparer.sampleBuckets(BigInteger.valueOf(11), 1)).containsExactly(BigInteger.valueOf(5));
        assertThat(RangeComparer.sampleBuckets(BigInteger.valueOf(11), 22)).hasSize(11)
                .startsWith(BigInteger.ZERO).endsWith(BigInteger.TEN);
    }
}
