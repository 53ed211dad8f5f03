package dev.mysqlslice.strategy;

import dev.mysqlslice.hash.Comparison;
import dev.mysqlslice.hash.ExpectedChanges;
import dev.mysqlslice.hash.Side;
import dev.mysqlslice.model.SyncMode;
import dev.mysqlslice.model.TableCounters;
import dev.mysqlslice.model.TablePlan;
import dev.mysqlslice.throttle.Pacing;

/** One strategy run: which table, what part of it, in which mode, with what. */
public record TableJob(TablePlan plan, Scope scope, SyncMode mode, Servers servers, ProgressListener progress) {

    /**
     * The comparison of this job's table between {@code source} and {@code target}, with its
     * configured hash and pace; a verify expects few differences, so it does not sample first.
     */
    public Comparison comparison(Side source, Side target, TableCounters counters) {
        return new Comparison(plan.shape(), plan.config().hash(), plan.config().chunkRows(), source, target,
                servers.executor(), counters, Pacing.of(servers.chunkTime(), plan.config().chunkRows(),
                        servers.transactionRows()), mode == SyncMode.VERIFY ? ExpectedChanges.FEW : ExpectedChanges.ANY);
    }
}
