package dev.mysqlslice.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mysqlslice.model.Key;
import dev.mysqlslice.model.KeyRange;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class GeneralStrategyTest {

    @Test
    void onlySingleKeysAndNarrowIntegerRangesAreListedWithoutAHashPass() {
        assertThat(GeneralStrategy.rowsAtMost(KeyRange.single(Key.of("a")), 2000)).isEqualTo(1);
        assertThat(GeneralStrategy.rowsAtMost(KeyRange.closed(Key.of(10L), Key.of(1009L)), 2000)).isEqualTo(1000);
        assertThat(GeneralStrategy.rowsAtMost(KeyRange.closed(Key.of(BigInteger.ZERO), Key.of(BigInteger.valueOf(99))), 2000))
                .isEqualTo(100);
        assertThat(GeneralStrategy.rowsAtMost(KeyRange.closed(Key.of(0L), Key.of(1_000_000L)), 2000)).isEqualTo(-1);
        assertThat(GeneralStrategy.rowsAtMost(KeyRange.closed(Key.of("a"), Key.of("z")), 2000)).isEqualTo(-1);
        assertThat(GeneralStrategy.rowsAtMost(KeyRange.ALL, 2000)).isEqualTo(-1);
    }

    @Test
    void wideDirtyRangesAreClippedToTheTargetsLargestKeyBecauseWhatIsAboveIsCopied() {
        Key max = Key.of(5000L);
        assertThat(GeneralStrategy.upTo(KeyRange.closed(Key.of(10_001L), Key.of(60_000L)), max)).isEmpty();
        assertThat(GeneralStrategy.upTo(KeyRange.above(max), max)).isEmpty();
        assertThat(GeneralStrategy.upTo(KeyRange.closed(Key.of(4000L), Key.of(9000L)), max))
                .contains(KeyRange.closed(Key.of(4000L), max));
        assertThat(GeneralStrategy.upTo(KeyRange.closed(Key.of(5000L), Key.of(9000L)), max))
                .contains(KeyRange.single(max));
        assertThat(GeneralStrategy.upTo(KeyRange.closed(Key.of(1L), Key.of(100L)), max))
                .contains(KeyRange.closed(Key.of(1L), Key.of(100L)));
        assertThat(GeneralStrategy.reachesAbove(KeyRange.closed(Key.of(1L), Key.of(100L)), max)).isFalse();
        assertThat(GeneralStrategy.reachesAbove(KeyRange.upTo(Key.of(BigInteger.TWO.pow(64))), max)).isTrue();
    }
}
