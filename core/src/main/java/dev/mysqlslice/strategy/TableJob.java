package dev.mysqlslice.strategy;

import dev.mysqlslice.model.SyncMode;
import dev.mysqlslice.model.TablePlan;

/** One strategy run: which table, what part of it, in which mode, with what. */
public record TableJob(TablePlan plan, Scope scope, SyncMode mode, Servers servers, ProgressListener progress) {
}
