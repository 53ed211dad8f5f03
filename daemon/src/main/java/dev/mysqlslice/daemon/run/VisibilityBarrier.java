package dev.mysqlslice.daemon.run;

import dev.mysqlslice.daemon.dirty.DirtyTracker;
import dev.mysqlslice.daemon.dirty.TableChange;
import dev.mysqlslice.error.Failure;
import dev.mysqlslice.error.MysqlsliceException;
import dev.mysqlslice.jdbc.Session;
import dev.mysqlslice.jdbc.SessionSettings;
import dev.mysqlslice.model.Key;
import dev.mysqlslice.model.KeyRange;
import dev.mysqlslice.model.TablePlan;
import dev.mysqlslice.model.TableShape;
import dev.mysqlslice.sql.BarrierSql;
import dev.mysqlslice.sql.SqlFragment;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    /**
     * Waits until the changed rows are committed, at most {@link SessionSettings#SOURCE_LOCK_WAIT_SECONDS}
     * per table; returns the units whose rows are still locked by an open transaction (their changes
     * wait for the next cycle, the other units' go ahead).
     */
    public Set<String> await(Session source, Map<String, TableChange> changes, Map<String, TablePlan> plans,
                             Optional<DirtyTracker.LastRow> lastRow) {
        Set<String> locked = new LinkedHashSet<>();
        for (Map.Entry<String, TableChange> entry : changes.entrySet()) {
            TablePlan plan = plans.get(entry.getKey());
            if (plan != null && entry.getValue() instanceof TableChange.Ranges ranges && plan.shape().hasKey()
                    && !lock(source, plan.shape(), ranges.ranges())) {
                locked.add(entry.getKey());
            }
            if (plan != null && entry.getValue() instanceof TableChange.Members members) {
                for (Map.Entry<String, List<Key>> rows : members.keys().entrySet()) {
                    Optional<TableShape> member = plan.member(rows.getKey()).filter(TableShape::hasKey);
                    if (member.isPresent() && !lock(source, member.get(), rows.getValue().stream()
                            .map(KeyRange::single).toList())) {
                        locked.add(entry.getKey());
                        break;
                    }
                }
            }
        }
        lastRow.ifPresent(row -> plans.values().stream()
                .filter(plan -> plan.member(row.table()).filter(TableShape::hasKey).isPresent())
                .findFirst()
                .ifPresent(plan -> {
                    if (!lock(source, plan.member(row.table()).orElseThrow(), List.of(KeyRange.single(row.key())))) {
                        locked.add(plan.name());
                    }
                }));
        return locked;
    }

    /** Whether the rows could be read with a shared lock (false: a lock wait timed out). */
    private static boolean lock(Session source, TableShape shape, List<KeyRange> ranges) {
        for (int from = 0; from < ranges.size(); from += 100) {
            SqlFragment query = BarrierSql.await(shape.name(), shape.keys(), ranges.subList(from, Math.min(ranges.size(), from + 100)));
            try {
                source.queryOne(query.sql(), statement -> query.bind(statement, 1), row -> row.getLong(1),
                        "waiting for changed rows of " + shape.name() + " to be committed");
            } catch (MysqlsliceException e) {
                if (e.failure() != Failure.LOCKED) {
                    throw e;
                }
                return false;
            }
        }
        return true;
    }
}
