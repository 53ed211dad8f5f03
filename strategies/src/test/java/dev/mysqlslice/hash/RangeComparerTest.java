package dev.mysqlslice.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class RangeComparerTest {

    @Test
    void sampleBucketsAreSpreadEvenlyAndTheLastEndsAtTheRegion() {
        List<BigInteger[]> buckets = RangeComparer.sampleBuckets(BigInteger.valueOf(-100), BigInteger.valueOf(905),
                BigInteger.valueOf(100), BigInteger.valueOf(11), 4);

        assertThat(buckets).extracting(bucket -> bucket[0].longValue() + ".." + bucket[1].longValue())
                .containsExactly("0..99", "300..399", "500..599", "800..899");
        assertThat(RangeComparer.sampleBuckets(BigInteger.ZERO, BigInteger.valueOf(1049), BigInteger.valueOf(100),
                BigInteger.valueOf(11), 1)).extracting(bucket -> bucket[0] + ".." + bucket[1]).containsExactly("500..599");
        assertThat(RangeComparer.sampleBuckets(BigInteger.ZERO, BigInteger.valueOf(1049), BigInteger.valueOf(100),
                BigInteger.valueOf(11), 22)).extracting(bucket -> bucket[0] + ".." + bucket[1])
                .hasSize(11).startsWith("0..99").endsWith("1000..1049");
    }
}
