package dev.mysqlslice.daemon.dirty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mysqlslice.daemon.binlog.BinlogPosition;
import dev.mysqlslice.model.Key;
import dev.mysqlslice.model.KeyRange;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DirtyTrackerTest {

    private final DirtyTracker tracker = new DirtyTracker(Map.of(
            "ints", new DirtyTracker.TableSpec(true, false, 100),
            "big", new DirtyTracker.TableSpec(true, true, 100),
            "names", new DirtyTracker.TableSpec(false, false, 1)));

    @Test
    void exactIntegerKeysMergeIntoRunsAndDrainWithTheLastCommit() throws Exception {
        for (long key : new long[] {5, 3, 4, 10, -2}) {
            tracker.mark("ints", Key.of(key));
        }
        assertThat(tracker.awaitWork(Duration.ZERO)).isFalse();
        tracker.commit(BinlogPosition.of("binlog.000002", 900), 1234);

        assertThat(tracker.awaitWork(Duration.ofMillis(10))).isTrue();
        DirtyTracker.Drained drained = tracker.drain();

        assertThat(drained.position()).contains(BinlogPosition.of("binlog.000002", 900));
        assertThat(drained.changes()).containsEntry("ints", new TableChange.Ranges(List.of(
                KeyRange.single(Key.of(-2L)), KeyRange.closed(Key.of(3L), Key.of(5L)), KeyRange.single(Key.of(10L)))));
        assertThat(tracker.drain().isEmpty()).isTrue();
        assertThat(tracker.awaitWork(Duration.ZERO)).isFalse();
    }

    @Test
    void aWakeUpEndsAWaitThatHasNoWorkAtOnceAndOnlyOnce() throws Exception {
        Thread waker = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            tracker.wakeUp();
        });
        long start = System.nanoTime();
        waker.start();

        assertThat(tracker.awaitWork(Duration.ofMinutes(1))).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        tracker.wakeUp();
        assertThat(tracker.awaitWork(Duration.ofMinutes(1))).as("woken before the wait").isFalse();
        assertThat(tracker.awaitWork(Duration.ofMillis(20))).as("the wake-up was used").isFalse();
        waker.join();
    }

    @Test
    void manyIntegerKeysCoarsenToAlignedBucketsInBoundedMemory() {
        for (long key = 0; key < 1_000_000; key += 7) {
            tracker.mark("ints", Key.of(key));
        }
        tracker.commit(BinlogPosition.of("f", 1), 0);

        assertThat(tracker.pending().get("ints")).isLessThanOrEqualTo(TableDirt.MAX_ENTRIES);
        List<KeyRange> ranges = ((TableChange.Ranges) tracker.drain().changes().get("ints")).ranges();
        assertThat(ranges).singleElement().isEqualTo(KeyRange.closed(Key.of(0L), Key.of(999_999L)));
    }

    @Test
    void bucketsAreAlignedAndCoverTheMarkedKeys() {
        for (long key = 0; key <= 10_000; key++) {
            tracker.mark("big", Key.of(BigInteger.valueOf(key * 1000)));
        }

        assertThat(tracker.pending().get("big")).isLessThanOrEqualTo(TableDirt.MAX_ENTRIES);
        List<KeyRange> ranges = ((TableChange.Ranges) tracker.drain().changes().get("big")).ranges();

        // Width doubled from 100 to 1,600: every bucket holds a key (they are 1,000 apart), so one run covers them.
        assertThat(ranges).containsExactly(KeyRange.closed(Key.of(0L), Key.of(10_001_599L)));
    }

    @Test
    void aSlicesRowsAreKeptPerTableMergedWithRetriesAndPastTheLimitTheWholeSlice() throws Exception {
        tracker.markMember("ref", "ref", Key.of(1L));
        tracker.markMember("ref", "tok", Key.of(1L));
        tracker.markMember("ref", "tok", Key.of(1L));
        tracker.restore(Map.of("ref", new TableChange.Members(Map.of("tok", List.of(Key.of(2L))))));
        tracker.commit(BinlogPosition.of("f", 2), 0);

        assertThat(tracker.pending()).containsEntry("ref", 3);
        assertThat(tracker.awaitWork(Duration.ZERO)).isTrue();
        TableChange.Members members = (TableChange.Members) tracker.drain().changes().get("ref");
        assertThat(members.keys()).containsEntry("ref", List.of(Key.of(1L)));
        assertThat(members.keys().get("tok")).containsExactlyInAnyOrder(Key.of(1L), Key.of(2L));

        for (int i = 0; i <= SliceDirt.MAX_KEYS; i++) {
            tracker.markMember("ref", "tok", Key.of((long) i));
        }
        assertThat(tracker.drain().changes()).containsEntry("ref", new TableChange.Whole());
        tracker.markMember("ref", "tok", Key.of(1L));
        tracker.markRewritten("ref");
        assertThat(tracker.drain().changes()).containsEntry("ref", new TableChange.Rewritten());
    }

    @Test
    void tooManyNonIntegerKeysBecomeTheWholeTable() {
        for (int i = 0; i <= TableDirt.MAX_ENTRIES; i++) {
            tracker.mark("names", Key.of("name" + i));
        }

        assertThat(tracker.drain().changes()).containsEntry("names", new TableChange.Whole());
    }

    @Test
    void restoredChangesAreRetriedWithTheNextDrain() throws Exception {
        tracker.restore(Map.of("names", new TableChange.Ranges(List.of(KeyRange.single(Key.of("a"))))));
        tracker.mark("names", Key.of("b"));
        tracker.commit(BinlogPosition.of("f", 2), 0);

        assertThat(tracker.awaitWork(Duration.ZERO)).isTrue();
        assertThat(((TableChange.Ranges) tracker.drain().changes().get("names")).ranges())
                .containsExactlyInAnyOrder(KeyRange.single(Key.of("a")), KeyRange.single(Key.of("b")));
    }
}
