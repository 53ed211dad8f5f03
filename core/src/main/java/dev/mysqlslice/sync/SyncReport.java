package dev.mysqlslice.sync;

import dev.mysqlslice.error.MysqlsliceException;
import dev.mysqlslice.model.TableReport;
import dev.mysqlslice.model.TableState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The outcome of a one-shot run: one report per table, and the first failure if any table failed. */
public record SyncReport(List<TableReport> tables, Duration elapsed, Optional<MysqlsliceException> firstFailure) {

    public SyncReport {
        tables = List.copyOf(tables);
    }

    public boolean allIdentical() {
        return tables.stream().allMatch(table -> table.state() == TableState.IDENTICAL);
    }
}
