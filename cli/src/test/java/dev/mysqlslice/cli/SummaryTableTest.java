package dev.mysqlslice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mysqlslice.config.StrategyKind;
import dev.mysqlslice.model.SyncMode;
import dev.mysqlslice.model.TableCounters;
import dev.mysqlslice.model.TableReport;
import dev.mysqlslice.model.TableState;
import dev.mysqlslice.sync.SyncReport;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SummaryTableTest {

    @Test
    void rendersOneAlignedLinePerTableAndAVerdict() {
        TableCounters bar = new TableCounters();
        bar.rangesCompared(667, 20_000);
        bar.leafListed(6, 180);
        bar.rowsRead(6, 2048);
        bar.applied(2, 4, 2);
        SyncReport report = new SyncReport(List.of(
                new TableReport("bar", StrategyKind.GENERAL, SyncMode.APPLY, bar.snapshot(), Duration.ofMillis(301),
                        TableState.IDENTICAL, "range hash", List.of(), Optional.empty()),
                TableReport.failed("baz", StrategyKind.APPEND_ONLY, SyncMode.APPLY, new TableCounters(), Duration.ZERO,
                        "target lacks a privilege")), Duration.ofMillis(1234), Optional.empty());

        assertThat(SummaryTable.render(report, false)).isEqualTo("""
                table  strategy     ranges  differing  inserted  updated  deleted    read   time  result     checked by
                bar    general         667          6         2        4        2  2.0 KB  0.3 s  identical  range hash
                baz    append-only       0          0         0        0        0     0 B  0.0 s  failed
                baz: target lacks a privilege
                2 table(s) in 1.2 s: 1 still different
                """);
    }

    @Test
    void aDryRunSaysWhatWouldChange() {
        SyncReport report = new SyncReport(List.of(new TableReport("t", StrategyKind.GENERAL, SyncMode.DRY_RUN,
                new TableCounters().snapshot(), Duration.ZERO, TableState.IDENTICAL, "range hash", List.of(),
                Optional.empty())), Duration.ZERO, Optional.empty());

        assertThat(SummaryTable.render(report, true)).contains("would insert", "nothing to change");
    }

    @Test
    void progressLinesShowRateAndEta() {
        ProgressDisplay.State state = new ProgressDisplay.State("copying", 50_000, 1_000_000, "rows", 0);

        assertThat(ProgressDisplay.line("bar", state, 4_000))
                .isEqualTo("bar  copying 50,000 / 1,000,000 rows  12,500 rows/s  ETA 76 s");
        assertThat(ProgressDisplay.line("baz", new ProgressDisplay.State("comparing", 0, -1, "batches", 0), 10))
                .isEqualTo("baz  comparing 0 batches");
    }
}
