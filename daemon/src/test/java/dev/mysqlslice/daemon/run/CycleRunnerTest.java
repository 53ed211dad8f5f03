package dev.mysqlslice.daemon.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mysqlslice.config.Defaults;
import dev.mysqlslice.config.StrategyKind;
import dev.mysqlslice.config.TableConfig;
import dev.mysqlslice.daemon.dirty.TableChange;
import dev.mysqlslice.model.Column;
import dev.mysqlslice.model.ColumnKind;
import dev.mysqlslice.model.Key;
import dev.mysqlslice.model.KeyRange;
import dev.mysqlslice.model.TablePlan;
import dev.mysqlslice.model.TableShape;
import dev.mysqlslice.strategy.Scope;
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
}
