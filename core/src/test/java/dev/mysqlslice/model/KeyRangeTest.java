package dev.mysqlslice.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class KeyRangeTest {

    @Test
    void onlySingleKeysAndNarrowIntegerRangesAreListedWithoutAHashPass() {
        assertThat(KeyRange.single(Key.of("a")).rowsAtMost(2000)).isEqualTo(1);
        assertThat(KeyRange.closed(Key.of(10L), Key.of(1009L)).rowsAtMost(2000)).isEqualTo(1000);
        assertThat(KeyRange.closed(Key.of(BigInteger.ZERO), Key.of(BigInteger.valueOf(99))).rowsAtMost(2000))
                .isEqualTo(100);
        assertThat(KeyRange.closed(Key.of(0L), Key.of(1_000_000L)).rowsAtMost(2000)).isEqualTo(-1);
        assertThat(KeyRange.closed(Key.of("a"), Key.of("z")).rowsAtMost(2000)).isEqualTo(-1);
        assertThat(KeyRange.ALL.rowsAtMost(2000)).isEqualTo(-1);
    }

    @Test
    void wideDirtyRangesAreClippedToTheTargetsLargestKeyBecauseWhatIsAboveIsCopied() {
        Key max = Key.of(5000L);
        assertThat(KeyRange.closed(Key.of(10_001L), Key.of(60_000L)).atOrBelow(max)).isEmpty();
        assertThat(KeyRange.above(max).atOrBelow(max)).isEmpty();
        assertThat(KeyRange.closed(Key.of(4000L), Key.of(9000L)).atOrBelow(max))
                .contains(KeyRange.closed(Key.of(4000L), max));
        assertThat(KeyRange.closed(Key.of(5000L), Key.of(9000L)).atOrBelow(max))
                .contains(KeyRange.single(max));
        assertThat(KeyRange.closed(Key.of(1L), Key.of(100L)).atOrBelow(max))
                .contains(KeyRange.closed(Key.of(1L), Key.of(100L)));
        assertThat(KeyRange.closed(Key.of(1L), Key.of(100L)).reachesAbove(max)).isFalse();
        assertThat(KeyRange.upTo(Key.of(BigInteger.TWO.pow(64))).reachesAbove(max)).isTrue();
    }
}
