package dev.mysqlslice.hash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mysqlslice.config.ChunkTime;
import dev.mysqlslice.config.HashAlgorithm;
import dev.mysqlslice.model.Column;
import dev.mysqlslice.model.ColumnKind;
import dev.mysqlslice.model.Key;
import dev.mysqlslice.model.KeyRange;
import dev.mysqlslice.model.TableCounters;
import dev.mysqlslice.model.TableShape;
import dev.mysqlslice.throttle.Pacing;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** The bucket, cut, sample and time-limit decisions of {@link RangeComparer}, on servers in memory. */
class RangeComparerTest {

    private static final Executor INLINE = Runnable::run;
    private static final TableShape INTEGER_KEY = shape("bigint");
    private static final TableShape STRING_KEY = shape("varchar(20)");

    private final MemoryHasher servers = new MemoryHasher();
    private final RangeComparer comparer = new RangeComparer(servers);

    @Test
    void identicalTablesHaveNoLeavesAfterOneScanPerServer() {
        rows(1, 20_000);

        assertThat(compare(INTEGER_KEY, 1000)).isEmpty();
        // 20 buckets: too few to sample first.
        assertThat(servers.queries("among")).isZero();
        assertThat(servers.queries("buckets")).isEqualTo(2);
    }

    @Test
    void aRegionOfManyBucketsIsSampledFirstAndHashedWholeWhenFewDiffer() {
        rows(1, 20_000);
        servers.source().put(Key.of(777L), -1L);

        assertThat(covered(compare(INTEGER_KEY, 50))).contains(777L);
        // 400 buckets: 24 of them are hashed as a sample on each server, then all of them.
        assertThat(servers.queries("among")).isEqualTo(2);
        assertThat(servers.queries("buckets")).isEqualTo(2);
        assertThat(servers.queries("counts")).isZero();
    }

    @Test
    void aVerifyHashesEveryBucketWithoutASampleAndStillFindsDenseDifferences() {
        rows(1, 20_000);
        for (long key = 1; key <= 20_000; key += 3) {
            servers.source().put(Key.of(key), -key);
        }

        List<Leaf> leaves = comparer.compare(comparison(INTEGER_KEY, 50, Pacing.off(50, 50), ExpectedChanges.FEW),
                KeyRange.ALL);

        assertThat(servers.queries("among")).isZero();
        assertThat(servers.queries("counts")).isZero();
        assertThat(servers.queries("buckets")).isEqualTo(2);
        assertThat(covered(leaves)).hasSize(20_000);
    }

    @Test
    void aChangedRowIsOneLeafOfAFewDozenRowsFoundByHashingItsBucketFiner() {
        rows(1, 20_000);
        servers.source().put(Key.of(14_321L), -1L);

        List<Leaf> leaves = compare(INTEGER_KEY, 1000);

        assertThat(leaves).hasSize(1);
        assertThat(covered(leaves)).contains(14_321L);
        assertThat(leaves.get(0).rows()).isBetween(1L, 64L);
        assertThat(servers.queries("within")).isEqualTo(2);
    }

    @Test
    void scatteredChangesAreHashedFinerInASmallFirstGroupAndOneGroupForTheRest() {
        scatteredChanges();

        List<Leaf> leaves = compare(INTEGER_KEY, 300);

        // 150 differing buckets of 300 rows: 66 of them (one listing batch of 20,000 rows) first,
        // then the other 84 together, one query per server each (in listing batches: six each).
        assertThat(servers.queries("within")).isEqualTo(4);
        assertThat(leaves).hasSize(150);
        assertThat(leaves.stream().mapToLong(Leaf::rows).max().orElseThrow()).isLessThanOrEqualTo(19);
    }

    @Test
    void aFinerHashGroupTheSourceStopsIsHashedAgainInSmallGroupsNotListedWhole() {
        scatteredChanges();
        servers.stopSourceScansOver(22_000);
        Comparison paced = comparison(INTEGER_KEY, 300, Pacing.of(new ChunkTime(Duration.ofMillis(100)), 300, 300));

        List<Leaf> leaves = comparer.compare(paced, KeyRange.ALL);

        assertThat(servers.queries("stopped")).isPositive();
        assertThat(leaves).hasSize(150);
        assertThat(leaves.stream().mapToLong(Leaf::rows).max().orElseThrow()).isLessThanOrEqualTo(19);
    }

    /** 60,000 rows, one changed in every 400 (150 of them, in as many buckets of 300). */
    private void scatteredChanges() {
        rows(1, 60_000);
        for (long key = 200; key <= 60_000; key += 400) {
            servers.source().put(Key.of(key), -key);
        }
    }

    @Test
    void twoRowsSwappingValuesInOneBucketAreFound() {
        rows(1, 20_000);
        long first = servers.source().get(Key.of(500L));
        servers.source().put(Key.of(500L), servers.source().get(Key.of(501L)));
        servers.source().put(Key.of(501L), first);

        assertThat(covered(compare(INTEGER_KEY, 1000))).contains(500L, 501L);
    }

    @Test
    void rowsOnOneSideOnlyAreFoundAtEitherEndAndInTheMiddle() {
        rows(1, 50_000);
        servers.source().put(Key.of(0L), 7L);
        servers.target().put(Key.of(90_000L), 7L);
        servers.target().remove(Key.of(25_000L));

        Set<Long> covered = covered(compare(INTEGER_KEY, 1000));

        assertThat(covered).contains(0L, 90_000L, 25_000L);
        // Buckets of ~1,800 keys here (a key span of 90,000 for 50,000 rows): a sixteenth of two of
        // them, and 90,000 alone.
        assertThat(covered.size()).isLessThan(300);
    }

    @Test
    void rowsWrittenPastTheLargestKeyOnceTheComparisonBeganAreComparedTooInTheSameScans() {
        rows(1, 20_000);
        servers.beforeScans(() -> {
            for (long key = 20_001; key <= 20_600; key++) {
                servers.both(key, key * 31);
            }
            servers.source().put(Key.of(20_300L), -1L);
            servers.source().put(Key.of(25_000L), 7L);
        });

        List<Leaf> leaves = compare(INTEGER_KEY, 1000);

        // The open-ended scans read them in buckets past the region's; the one holding 20,300 is
        // hashed finer like any other (a sixteenth of it listed).
        assertThat(covered(leaves)).contains(20_300L, 25_000L).hasSizeLessThan(100);
        assertThat(servers.queries("buckets")).isEqualTo(2);
    }

    @Test
    void aRegionWithAnUpperBoundIsNotReadPastIt() {
        rows(1, 20_000);
        servers.source().put(Key.of(30_000L), 7L);

        List<Leaf> leaves = comparer.compare(comparison(INTEGER_KEY, 1000, Pacing.off(1000, 1000)),
                KeyRange.of(Optional.empty(), Optional.of(Key.of(20_000L))));

        assertThat(leaves).isEmpty();
    }

    @Test
    void whenMostSampledBucketsDifferEveryBucketIsOnlyCountedAndListed() {
        rows(1, 20_000);
        for (long key = 1; key <= 20_000; key += 3) {
            servers.source().put(Key.of(key), -key);
        }

        List<Leaf> leaves = compare(INTEGER_KEY, 50);

        assertThat(servers.queries("counts")).isEqualTo(2);
        assertThat(servers.queries("buckets")).isZero();
        assertThat(servers.queries("within")).isZero();
        assertThat(leaves.stream().mapToLong(Leaf::rows).sum()).isEqualTo(20_000);
    }

    @Test
    void aFewChangesInASampledRegionAreFoundByOneNarrowScanWithoutHashingBucketsAgain() {
        rows(1, 400_000);
        List<Long> changed = List.of(3L, 123_457L, 250_001L, 399_999L);
        changed.forEach(key -> servers.source().put(Key.of(key), -key));

        List<Leaf> leaves = compare(INTEGER_KEY, 1000);

        // No sampled bucket differs; hashing the 4 differing buckets of 1,000 again finer would read
        // them twice, so the table is hashed once in buckets a sixteenth as wide.
        assertThat(servers.queries("among")).isEqualTo(2);
        assertThat(servers.queries("buckets")).isEqualTo(2);
        assertThat(servers.queries("within")).isZero();
        assertThat(leaves).hasSize(4).allSatisfy(leaf -> assertThat(leaf.rows()).isLessThanOrEqualTo(63));
        assertThat(covered(leaves)).containsAll(changed);
    }

    @Test
    void oneChangedRowInEveryBucketIsNotDenseWhereTheSampleIsOfNarrowerBuckets() {
        rows(1, 400_000);
        for (long key = 500; key <= 400_000; key += 1000) {
            servers.source().put(Key.of(key), -key);
        }

        List<Leaf> leaves = compare(INTEGER_KEY, 1000);

        // 400 buckets of 1,000 rows all differ, but the sample is of buckets a sixteenth as wide,
        // which mostly do not: the table is hashed in those, and only a sixteenth of each listed.
        assertThat(servers.queries("among")).isEqualTo(2);
        assertThat(servers.queries("counts")).isZero();
        assertThat(servers.queries("buckets")).isEqualTo(2);
        assertThat(servers.queries("within")).isZero();
        assertThat(leaves).hasSize(400).allSatisfy(leaf -> assertThat(leaf.rows()).isLessThanOrEqualTo(63));
    }

    @Test
    void changesInMostBucketsButFewOfTheNarrowSampledOnesAreHashedNarrowFromTheStart() {
        rows(1, 400_000);
        Set<Long> changed = new TreeSet<>();
        for (long key = 150; key <= 400_000; key += 300) {
            servers.source().put(Key.of(key), -key);
            changed.add(key);
        }

        List<Leaf> leaves = compare(INTEGER_KEY, 1000);

        // Every bucket of 1,000 rows differs, about one in five of a sixteenth as wide: the table
        // is hashed once in the narrow buckets, not hashed and then read again to hash them finer.
        assertThat(servers.queries("among")).isEqualTo(2);
        assertThat(servers.queries("buckets")).isEqualTo(2);
        assertThat(servers.queries("within")).isZero();
        assertThat(servers.queries("counts")).isZero();
        assertThat(leaves).allSatisfy(leaf -> assertThat(leaf.rows()).isLessThanOrEqualTo(63));
        assertThat(covered(leaves)).containsAll(changed);
    }

    @Test
    void aNarrowFirstPassCutsABigRegionIntoAtMostItsBucketCapNotASixteenthEach() {
        rows(1, 400_000);
        Random random = new Random(7);
        Set<Long> changed = new TreeSet<>();
        while (changed.size() < 4000) {
            long key = 1 + random.nextInt(400_000);
            if (changed.add(key)) {
                servers.source().put(Key.of(key), -key);
            }
        }

        List<Leaf> leaves = compare(INTEGER_KEY, 256);

        // 1,563 buckets of 256 keys; a sixteenth as wide would be 25,000, over the cap of 20,000:
        // the narrow pass cuts buckets of 20 keys, and those that differ are the leaves.
        assertThat(servers.queries("within")).isZero();
        assertThat(servers.queries("buckets")).isEqualTo(2);
        assertThat(leaves.stream().mapToLong(Leaf::rows).max().orElseThrow()).isEqualTo(20);
        assertThat(covered(leaves)).containsAll(changed);
    }

    @Test
    void denseChangesInATableTooSmallToSampleStopTheFinerHashAfterItsFirstGroup() {
        rows(1, 60_000);
        for (long key = 1; key <= 60_000; key += 5) {
            servers.source().put(Key.of(key), -key);
        }

        List<Leaf> leaves = compare(INTEGER_KEY, 1000);

        // 60 buckets (no sample), all differing; the first group of 20 hashed finer differs almost
        // everywhere too, so the other 40 buckets are listed whole.
        assertThat(servers.queries("within")).isEqualTo(2);
        assertThat(leaves.stream().mapToLong(Leaf::rows).sum()).isEqualTo(60_000);
    }

    @Test
    void aBucketCrowdedWithFarMoreRowsThanALeafIsCutAgainBetweenItsRealKeys() {
        rows(1, 5_000);
        for (long key = 0; key < 10_000; key++) {
            servers.both(1_000_000_000L + key, key);
        }
        servers.target().put(Key.of(1_000_002_345L), -5L);

        List<Leaf> leaves = compare(INTEGER_KEY, 100);

        assertThat(covered(leaves)).contains(1_000_002_345L);
        assertThat(leaves).allSatisfy(leaf -> assertThat(leaf.rows()).isLessThanOrEqualTo(200));
    }

    @Test
    void scansTheSourceStopsAreTriedSmallerAndNothingIsMissed() {
        rows(1, 20_000);
        servers.source().put(Key.of(19_999L), -1L);
        servers.target().put(Key.of(3L), -1L);
        servers.stopSourceScansOver(1_000);
        Comparison paced = comparison(INTEGER_KEY, 100, Pacing.of(new ChunkTime(Duration.ofMillis(100)), 100, 100));

        List<Leaf> leaves = comparer.compare(paced, KeyRange.ALL);

        assertThat(covered(leaves)).contains(3L, 19_999L);
        // Windows grow while the source keeps up and are cut back where it stops them.
        assertThat(servers.queries("stopped")).isPositive();
        assertThat(servers.queries("buckets")).isGreaterThan(20);
    }

    @Test
    void aKeyThatIsNotAnIntegerIsCutAtEveryChunkRowsthKey() {
        for (int i = 0; i < 10_000; i++) {
            servers.both("k" + String.format("%05d", i), i);
        }
        servers.source().put(Key.of("k04242"), -1L);

        List<Leaf> leaves = compare(STRING_KEY, 500);

        assertThat(leaves).hasSize(1);
        // Pieces run from one boundary (every 500th key) to the next: (k03999, k04499].
        assertThat(leaves.get(0).range())
                .isEqualTo(KeyRange.of(Optional.of(Key.of("k03999")), Optional.of(Key.of("k04499"))));
        assertThat(servers.queries("boundaries")).isEqualTo(1);
        // 20 boundaries make 21 pieces, hashed on both servers.
        assertThat(servers.queries("ranges")).isEqualTo(2 * 21);
    }

    private void rows(long from, long to) {
        for (long key = from; key <= to; key++) {
            servers.both(key, key);
        }
    }

    private List<Leaf> compare(TableShape shape, int chunkRows) {
        return comparer.compare(comparison(shape, chunkRows, Pacing.off(chunkRows, chunkRows)), KeyRange.ALL);
    }

    private static Comparison comparison(TableShape shape, int chunkRows, Pacing pacing) {
        return comparison(shape, chunkRows, pacing, ExpectedChanges.ANY);
    }

    private static Comparison comparison(TableShape shape, int chunkRows, Pacing pacing, ExpectedChanges expected) {
        return new Comparison(shape, HashAlgorithm.CRC32, chunkRows, MemoryHasher.SOURCE, MemoryHasher.TARGET, INLINE,
                new TableCounters(), pacing, expected);
    }

    /** Every integer key in the leaves that exists on either server. */
    private Set<Long> covered(List<Leaf> leaves) {
        Set<Long> keys = new TreeSet<>();
        for (Leaf leaf : leaves) {
            long from = leaf.range().lower().orElseThrow().key().integer().longValueExact();
            long to = leaf.range().upper().orElseThrow().key().integer().longValueExact();
            for (Key key : servers.source().subMap(Key.of(from), true, Key.of(to), true).keySet()) {
                keys.add(key.integer().longValueExact());
            }
            for (Key key : servers.target().subMap(Key.of(from), true, Key.of(to), true).keySet()) {
                keys.add(key.integer().longValueExact());
            }
        }
        return keys;
    }

    private static TableShape shape(String keyType) {
        String dataType = keyType.split("[( ]")[0];
        boolean text = dataType.contains("char");
        Column id = new Column("id", keyType, ColumnKind.of(dataType, keyType), false, false,
                text ? Optional.of("utf8mb4") : Optional.empty(), text ? Optional.of("utf8mb4_bin") : Optional.empty());
        Column v = new Column("v", "bigint", ColumnKind.of("bigint", "bigint"), true, false, Optional.empty(),
                Optional.empty());
        return new TableShape("t", List.of(id, v), List.of("id"), "PRIMARY");
    }
}
