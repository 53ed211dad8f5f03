package dev.mysqlslice.strategy;

/** One strategy run: which table, what part of it, in which mode, with what. */
public record TableJob(TablePlan plan, Scope scope, SyncMode mode, Servers servers, ProgressListener progress) {
}
