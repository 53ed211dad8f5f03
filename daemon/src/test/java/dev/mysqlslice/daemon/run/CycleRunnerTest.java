package dev.mysqlslice.daemon.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mysqlslice.config.Defaults;
import dev.mysqlslice.config.StrategyKind;
import dev.mysqlslice.config.TableConfig;
import dev.mysqlslice.daemon.dirty.TableChange;
import dev.mysqlslice.daemon.monitor.DaemonMetrics;
import dev.mysqlslice.model.Column;
import dev.mysqlslice.model.ColumnKind;
import dev.mysqlslice.model.Key;
import dev.mysqlslice.model.KeyRange;
import dev.mysqlslice.model.SyncMode;
import dev.mysqlslice.model.TableCounters;
import dev.mysqlslice.model.TablePlan;
import dev.mysqlslice.model.TableReport;
import dev.mysqlslice.model.TableShape;
import dev.mysqlslice.strategy.Scope;
import dev.mysqlslice.strategy.SyncStrategy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CycleRunnerTest {

    private static final TableShape SHAPE = new TableShape("t", List.of(new Column("id", "int", ColumnKind.SIGNED_INTEGER,
            false, false, Optional.empty(), Optional.empty())), List.of("id"), "PRIMARY");
    private static final TablePlan GENERAL = TablePlan.of(TableConfig.withDefaults("t", Defaults.standard()), SHAPE);
    private static final TablePlan SLICE = TablePlan.of(TableConfig.withDefaults("t", Defaults.standard())
            .withStrategy(StrategyKind.SLICE), SHAPE);

    @Test
    void aSlicesChangedRowsAreMaintainedInPlaceAndEverythingElseKeepsItsScope() {
        TableChange.Members rows = new TableChange.Members(Map.of("t", List.of(Key.of(1L))));
        TableChange.Ranges ranges = new TableChange.Ranges(List.of(KeyRange.single(Key.of(1L))));

        assertThat(CycleRunner.scope(rows, SLICE)).isEqualTo(new Scope.Members(Map.of("t", List.of(Key.of(1L)))));
        assertThat(CycleRunner.scope(new TableChange.Whole(), SLICE)).isEqualTo(Scope.WHOLE);
        assertThat(CycleRunner.scope(new TableChange.Rewritten(), SLICE)).isEqualTo(Scope.EVERY_ROW);
        assertThat(CycleRunner.scope(ranges, SLICE)).isEqualTo(Scope.WHOLE);
        assertThat(CycleRunner.scope(ranges, GENERAL)).isEqualTo(new Scope.Ranges(ranges.ranges()));
        assertThat(CycleRunner.scope(rows, GENERAL)).isEqualTo(Scope.WHOLE);
    }

    @Test
    void aSyncThatEndsWithRowsStillDifferentKeepsItsChangeForTheNextCycle() {
        TableChange.Ranges ranges = new TableChange.Ranges(List.of(KeyRange.single(Key.of(1L))));
        SyncStrategy stillDifferent = job -> List.of(TableReport.finished("t", StrategyKind.GENERAL, SyncMode.APPLY,
                new TableCounters().snapshot(), Duration.ZERO, false, "changed rows", List.of("differs: 1")));
        CycleRunner runner = new CycleRunner(Map.of(StrategyKind.GENERAL, stillDifferent));

        CycleRunner.Result result = runner.run(Map.of("t", ranges), Map.of("t", GENERAL), null,
                new DaemonMetrics(Clock.systemUTC()));

        assertThat(result.retry()).containsExactly(Map.entry("t", ranges));
        assertThat(result.different()).containsExactly("t");
        assertThat(result.stop()).isEmpty();
    }
}
