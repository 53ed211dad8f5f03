package dev.mysqlslice.daemon.run;

import dev.mysqlslice.daemon.dirty.DirtyTracker;
import dev.mysqlslice.daemon.dirty.TableChange;
import dev.mysqlslice.jdbc.Session;
import dev.mysqlslice.model.KeyRange;
import dev.mysqlslice.model.TableShape;
import dev.mysqlslice.sql.BarrierSql;
import dev.mysqlslice.sql.SqlFragment;
import dev.mysqlslice.strategy.TablePlan;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;

/**
 * Makes sure the transactions a cycle syncs are visible on the source before it reads them: the
 * source writes a transaction to the binlog a moment before the engine commits it, and a cycle
 * that read in that moment would copy the old row and never look again. A shared-lock read of
 * the changed rows waits for such a commit (and holds nothing afterwards: it is one autocommit
 * statement at READ COMMITTED, record locks only). Rows of whole-table changes are covered by
 * the last changed row: commits happen in binlog order.
 */
public final class VisibilityBarrier {

    @Inject
    public VisibilityBarrier() {
    }

    public void await(Session source, Map<String, TableChange> changes, Map<String, TablePlan> plans,
                      Optional<DirtyTracker.LastRow> lastRow) {
        for (Map.Entry<String, TableChange> entry : changes.entrySet()) {
            TablePlan plan = plans.get(entry.getKey());
            if (plan != null && entry.getValue() instanceof TableChange.Ranges ranges && plan.shape().hasKey()) {
                lock(source, plan.shape(), ranges.ranges());
            }
        }
        lastRow.ifPresent(row -> plans.values().stream()
                .flatMap(plan -> plan.members().stream())
                .filter(member -> member.name().equals(row.table()) && member.hasKey())
                .findFirst()
                .ifPresent(shape -> lock(source, shape, List.of(KeyRange.single(row.key())))));
    }

    private static void lock(Session source, TableShape shape, List<KeyRange> ranges) {
        for (int from = 0; from < ranges.size(); from += 100) {
            SqlFragment query = BarrierSql.await(shape.name(), shape.keys(), ranges.subList(from, Math.min(ranges.size(), from + 100)));
            source.queryOne(query.sql(), statement -> query.bind(statement, 1), row -> row.getLong(1),
                    "waiting for changed rows of " + shape.name() + " to be committed");
        }
    }
}
