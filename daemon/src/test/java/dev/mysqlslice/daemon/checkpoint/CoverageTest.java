package dev.mysqlslice.daemon.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mysqlslice.daemon.binlog.BinlogPosition;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CoverageTest {

    private static final BinlogPosition P1 = BinlogPosition.of("binlog.000001", 100);
    private static final BinlogPosition P2 = BinlogPosition.of("binlog.000002", 50);
    private static final BinlogPosition P3 = BinlogPosition.of("binlog.000002", 900);

    @Test
    void aRunOverSomeUnitsLeavesTheOthersAtTheirOldPosition() {
        Coverage both = Coverage.of(List.of("a", "b"));

        Coverage afterA = both.after(List.of("a"), P1);
        assertThat(afterA.units()).contains(Set.of("a", "b"));
        assertThat(afterA.behind()).isEqualTo(Map.of("b", P1));
        // The next run over both starts where b was left; a run over a alone does not.
        assertThat(afterA.startFor(List.of("a", "b"), P2)).isEqualTo(P1);
        assertThat(afterA.startFor(List.of("a"), P2)).isEqualTo(P2);

        Coverage afterA2 = afterA.after(List.of("a"), P2);
        assertThat(afterA2.behind()).isEqualTo(Map.of("b", P1));
        assertThat(afterA2.after(List.of("a", "b"), P3).behind()).isEmpty();
    }

    @Test
    void unitsNewToTheCheckpointAreNotCoveredAndLegacyCheckpointsCoverAnything() {
        assertThat(Coverage.of(List.of("a")).covers("c")).isFalse();
        assertThat(Coverage.legacy().covers("c")).isTrue();
        assertThat(Coverage.legacy().after(List.of("a"), P1)).isEqualTo(new Coverage(Optional.of(Set.of("a")), Map.of()));
    }

    @Test
    void survivesTheCodec() {
        Coverage coverage = new Coverage(Optional.of(Set.of("a", "b")), Map.of("b", P1.withGtids("0-1-7")));

        assertThat(PendingCodec.readCoverage(PendingCodec.writeCoverage(coverage))).isEqualTo(coverage);
        assertThat(PendingCodec.readCoverage(null)).isEqualTo(Coverage.legacy());
    }
}
