package dev.mysqlslice.strategy;

import dev.mysqlslice.model.TableReport;
import java.util.List;

/** Brings a table (or a slice of tables) of the target in line with the source, or finds out how it differs. */
public interface SyncStrategy {

    /** Runs the job; one report per table (a slice reports each of its tables). */
    List<TableReport> sync(TableJob job);
}
