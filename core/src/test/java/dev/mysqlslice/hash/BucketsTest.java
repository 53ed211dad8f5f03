package dev.mysqlslice.hash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BucketsTest {

    private static final BigInteger TEN = BigInteger.TEN;

    @Test
    void bucketsAddedInAnyOrderAreKeptInNumberOrderAndOneNumberAddedTwiceIsOneBucket() {
        Buckets buckets = Buckets.from(BigInteger.ONE, TEN)
                .add(3, 2, 0xA, 0x1, 31, 35)
                .add(0, 4, 0xB, 0x2, 0, 9)
                .add(3, 5, 0xC, 0x4, 30, 39)
                .build();

        assertThat(buckets.size()).isEqualTo(2);
        assertThat(buckets.rows()).isEqualTo(11);
        assertThat(buckets.bucket(0)).contains(new Bucket(new RangeHash(4, 0xB, 0x2), BigInteger.ONE, TEN));
        assertThat(buckets.bucket(3)).contains(new Bucket(new RangeHash(7, 0xA ^ 0xC, 0x1 ^ 0x4),
                BigInteger.valueOf(31), BigInteger.valueOf(40)));
        assertThat(buckets.bucket(1)).isEmpty();
    }

    @Test
    void pairsWalkEveryNumberEitherSideHasInOrder() {
        Buckets source = Buckets.from(BigInteger.ZERO, TEN).add(0, 3, 7, 0, 1, 9).add(2, 1, 5, 0, 20, 20)
                .add(5, 2, 6, 0, 50, 51).build();
        Buckets target = Buckets.from(BigInteger.ZERO, TEN).add(5, 2, 6, 0, 50, 51).add(4, 1, 9, 0, 44, 44)
                .add(0, 3, 8, 0, 0, 8).build();

        List<String> walked = new ArrayList<>();
        for (Buckets.Pairs pair = Buckets.pairs(source, target); pair.next(); ) {
            walked.add(pair.lowest() + "-" + pair.highest() + " rows " + pair.rows() + " max " + pair.maxRows()
                    + (pair.same() ? " same" : ""));
        }

        assertThat(walked).containsExactly("0-9 rows 6 max 3", "20-20 rows 1 max 1", "44-44 rows 1 max 1",
                "50-51 rows 4 max 2 same");
    }

    @Test
    void aLaterWindowIsRenumberedFromTheFirstKey() {
        // Buckets of 10 keys from -5; the window starts 3 buckets on, at key 25.
        Buckets window = Buckets.from(BigInteger.valueOf(25), TEN).add(1, 1, 0, 0, 12, 12).build();
        Buckets scan = Buckets.from(BigInteger.valueOf(-5), TEN).add(0, 1, 0, 0, 0, 0).addAll(window).build();

        assertThat(scan.bucket(4)).contains(new Bucket(new RangeHash(1, 0, 0), BigInteger.valueOf(37),
                BigInteger.valueOf(37)));
        assertThatThrownBy(() -> Buckets.from(BigInteger.ZERO, TEN).addAll(window))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysAcrossTheWholeSixtyFourBitRangeKeepTheirValues() {
        BigInteger smallestSigned = BigInteger.valueOf(Long.MIN_VALUE);
        BigInteger step = BigInteger.ONE.shiftLeft(62);
        // Offsets from -2^63 of -2^63 + 1 and 2^63 - 1 (2^64 - 2, bits -2).
        Buckets signed = Buckets.from(smallestSigned, step).add(3, 2, 0, 0, 1, -2).build();
        assertThat(signed.bucket(3).orElseThrow().min()).isEqualTo(smallestSigned.add(BigInteger.ONE));
        assertThat(signed.bucket(3).orElseThrow().max()).isEqualTo(BigInteger.valueOf(Long.MAX_VALUE - 1));

        // BIGINT UNSIGNED from 0: the largest value's offset and bucket number are past Long.MAX_VALUE.
        Buckets unsigned = Buckets.from(BigInteger.ZERO, BigInteger.ONE).add(-1L, 1, 0, 0, -1L, -1L)
                .add(Long.MAX_VALUE, 1, 0, 0, Long.MAX_VALUE, Long.MAX_VALUE).build();
        List<BigInteger> keys = new ArrayList<>();
        for (Buckets.Pairs pair = Buckets.pairs(unsigned, Buckets.from(BigInteger.ZERO, BigInteger.ONE).build());
             pair.next(); ) {
            keys.add(pair.lowest());
        }
        assertThat(keys).containsExactly(BigInteger.valueOf(Long.MAX_VALUE), new BigInteger("18446744073709551615"));
    }

    @Test
    void bucketsWithoutSomeNumbers() {
        Buckets buckets = Buckets.from(BigInteger.ZERO, TEN).add(0, 1, 0, 0, 0, 0).add(1, 1, 0, 0, 10, 10)
                .add(2, 1, 0, 0, 20, 20).build();

        Buckets kept = buckets.without(Set.of(1L));

        assertThat(kept.size()).isEqualTo(2);
        assertThat(kept.bucket(1)).isEmpty();
        assertThat(kept.bucket(2)).isPresent();
        assertThat(buckets.without(Set.of())).isSameAs(buckets);
    }

    @Test
    void onlyBucketsNumberedAlikeArePaired() {
        assertThatThrownBy(() -> Buckets.pairs(Buckets.from(BigInteger.ZERO, TEN).build(),
                Buckets.from(BigInteger.ONE, TEN).build())).isInstanceOf(IllegalArgumentException.class);
    }
}
