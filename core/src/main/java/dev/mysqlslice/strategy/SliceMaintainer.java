package dev.mysqlslice.strategy;

import dev.mysqlslice.config.Reference;
import dev.mysqlslice.jdbc.Session;
import dev.mysqlslice.model.Key;
import dev.mysqlslice.model.TableCounters;
import dev.mysqlslice.model.TablePlan;
import dev.mysqlslice.model.TableShape;
import dev.mysqlslice.transfer.BulkWriter;
import dev.mysqlslice.transfer.WriteMethod;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.inject.Inject;

/**
 * Keeps a slice current in place from the rows that changed on the source (the daemon's dirty
 * keys of each member table), with work proportional to the change, in one target transaction
 * per cycle: a reader sees the slice before the cycle or after it, never half of it. Says instead
 * why the slice must be rebuilt (nothing written) when the slice's shape does not allow it or the
 * change is too large to be cheaper than a rebuild. The steps are in {@link SliceCycle}.
 */
public final class SliceMaintainer {

    /**
     * Changed rows in one cycle beyond which the slice is rebuilt instead. In place, rows are handled
     * 1,000 keys per statement, so the cost grows with the change; a rebuild reads the whole slice
     * (the bench's S6: 49 s for a slice of about 1,000,000 rows, 500,000 of them roots).
     * Past a few thousand changed rows of a small slice a rebuild is as quick, and the binlog side
     * coarsens a slice's keys to "whole" at 10,000 anyway.
     */
    static final int MAX_CHANGED_ROWS = 5_000;

    /** Rows a cycle may look at or move (changed rows, the rows they reach, pulled rows) before it gives up and rebuilds. */
    static final int MAX_TOUCHED_ROWS = 50_000;

    /** Everything one cycle needs. */
    public record Request(TablePlan plan, Map<String, List<Key>> changed, Session source, Session target,
                          WriteMethod writes, Map<String, TableCounters> counters) {
    }

    /** A cycle found more to do than is worth doing in place; the transaction is rolled back. */
    static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLarge(String reason) {
            super(reason, null, false, false);
        }
    }

    private final BulkWriter writer;

    @Inject
    public SliceMaintainer(BulkWriter writer) {
        this.writer = writer;
    }

    /**
     * Why the slice of {@code plan} is always rebuilt rather than maintained in place, if it is: a
     * member without a key (its rows cannot be named), a non-transactional target table (a cycle
     * could not be one transaction), or children of children (pulled in an order that in-place
     * maintenance does not reproduce).
     */
    public static Optional<String> alwaysRebuilt(TablePlan plan) {
        for (TableShape member : plan.members()) {
            if (!member.hasKey()) {
                return Optional.of(member.name() + " has no primary key or NOT NULL unique key");
            }
            if (!member.transactional()) {
                return Optional.of(member.name() + " is a " + member.engine()
                        + " table on the target, so a cycle cannot be one transaction");
            }
        }
        Set<String> followed = followedTables(plan);
        for (Reference child : plan.config().children()) {
            if (!followed.contains(child.toTable())) {
                return Optional.of("children " + child + " points at another children table");
            }
        }
        return Optional.empty();
    }

    /**
     * Applies the changed rows to the slice; empty when done, else why the slice must be rebuilt
     * instead (and nothing was written).
     */
    public Optional<String> maintain(Request request) {
        Optional<String> always = alwaysRebuilt(request.plan());
        if (always.isPresent()) {
            return always;
        }
        int changed = request.changed().values().stream().mapToInt(List::size).sum();
        if (changed > MAX_CHANGED_ROWS) {
            return Optional.of(changed + " rows of the slice changed in one cycle (more than " + MAX_CHANGED_ROWS
                    + ", where a rebuild is as quick)");
        }
        SliceCycle cycle = new SliceCycle(request, writer, followedTables(request.plan()));
        try {
            request.target().inTransaction(connection -> {
                cycle.run();
                return null;
            }, "maintaining the slice " + request.plan().name());
        } catch (TooLarge e) {
            return Optional.of(e.getMessage());
        }
        cycle.tally(request.counters());
        return Optional.empty();
    }

    /** The root and every table a followed reference points at: the tables whose rows are reached. */
    static Set<String> followedTables(TablePlan plan) {
        Set<String> tables = new LinkedHashSet<>(List.of(plan.name()));
        plan.config().follow().forEach(reference -> tables.add(reference.toTable()));
        return tables;
    }
}
