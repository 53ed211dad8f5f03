package dev.mysqlslice.strategy;

import dev.mysqlslice.concurrent.Both;
import dev.mysqlslice.config.StrategyKind;
import dev.mysqlslice.hash.Comparison;
import dev.mysqlslice.hash.RangeHash;
import dev.mysqlslice.hash.RangeHasher;
import dev.mysqlslice.hash.Side;
import dev.mysqlslice.jdbc.Session;
import dev.mysqlslice.model.Key;
import dev.mysqlslice.model.KeyRange;
import dev.mysqlslice.model.SyncMode;
import dev.mysqlslice.model.TableCounters;
import dev.mysqlslice.model.TableReport;
import dev.mysqlslice.model.TableShape;
import dev.mysqlslice.sql.CopySql;
import dev.mysqlslice.sql.KeySql;
import dev.mysqlslice.sql.SqlFragment;
import dev.mysqlslice.transfer.Written;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For tables that only get INSERTs: copy the source rows above the target's largest key, and
 * delete target rows above the source's largest key (this is a one-way sync). The optional
 * {@code where} filter applies on both servers. Rows below the largest key are assumed unchanged;
 * the row counts of both servers are compared to check that this held, and when it did not (rows
 * were deleted or the table was rewritten on the source), every row is compared and repaired, as
 * the general strategy does. A dry run counts the same way and reports what the real run would do.
 */
public final class AppendOnlyStrategy implements SyncStrategy {

    static final int DELETE_BATCH_ROWS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(AppendOnlyStrategy.class);

    private final RangeHasher hasher;
    private final NewRowPuller puller;
    private final Reconciler reconciler;

    @Inject
    public AppendOnlyStrategy(RangeHasher hasher, NewRowPuller puller, Reconciler reconciler) {
        this.hasher = hasher;
        this.puller = puller;
        this.reconciler = reconciler;
    }

    @Override
    public List<TableReport> sync(TableJob job) {
        Instant start = Instant.now();
        TableCounters counters = new TableCounters();
        TableShape shape = job.plan().shape();
        Optional<String> filter = job.plan().config().where();
        try (Session source = job.servers().openSource(); Session target = job.servers().openTarget()) {
            Side sourceSide = new Side(source, filter);
            Side targetSide = new Side(target, filter);
            Comparison comparison = job.comparison(sourceSide, targetSide, counters);
            Repair repair = Repair.through(comparison, job.servers().writeMethod());
            if (job.mode() == SyncMode.VERIFY) {
                Reconciler.Outcome outcome = reconciler.reconcile(comparison, repair, List.of(KeyRange.ALL), job.mode(),
                        GeneralStrategy.SAMPLE_LIMIT, job.progress());
                return report(job, shape, counters, start, outcome.identical(), "range hash", outcome.sample());
            }
            if (job.scope() instanceof Scope.EveryRow) {
                Reconciler.Outcome outcome = reconciler.reconcile(comparison, repair, List.of(KeyRange.ALL), job.mode(),
                        GeneralStrategy.SAMPLE_LIMIT, job.progress());
                List<String> notes = new ArrayList<>(List.of("the table was rewritten on the source (TRUNCATE,"
                        + " DROP and CREATE, or ALTER): every row was compared"));
                notes.addAll(outcome.sample());
                return report(job, shape, counters, start, outcome.identical(), "range hash", notes);
            }
            if (job.scope() instanceof Scope.Ranges) {
                // The daemon saw inserts: pull what is above the target's largest key, nothing else.
                Optional<Key> targetMax = hasher.maxKey(comparison.target(), shape, KeyRange.ALL);
                Written pulled = puller.pull(job, comparison, targetMax.map(KeyRange::above).orElse(KeyRange.ALL));
                if (pulled.displaced() > 0) {
                    Reconciler.Outcome outcome = reconciler.afterDisplacement(comparison, repair, job.mode(),
                            GeneralStrategy.SAMPLE_LIMIT, List.of());
                    return report(job, shape, counters, start, outcome.identical(), "range hash", outcome.sample());
                }
                return report(job, shape, counters, start, true, "largest key", List.of());
            }
            // First the target rows above the source's largest key go (the source lost them), then the
            // source rows above what is left on the target come; both steps read the same in a dry run.
            Optional<Key> sourceMax = hasher.maxKey(comparison.source(), shape, KeyRange.ALL);
            long removed = deleteAbove(job, comparison, sourceMax.map(KeyRange::above).orElse(KeyRange.ALL));
            Optional<Key> targetMax = sourceMax.flatMap(max -> hasher.maxKey(comparison.target(), shape, KeyRange.upTo(max)));
            Written pulled = puller.pull(job, comparison, targetMax.map(KeyRange::above).orElse(KeyRange.ALL));
            long added = pulled.rows();
            Both<Long> counts = Both.run(job.servers().executor(),
                    () -> hasher.count(comparison.source(), shape, KeyRange.ALL),
                    () -> hasher.count(comparison.target(), shape, KeyRange.ALL));
            // A dry run changed nothing: the target would hold what it has, plus the pulled rows, minus the deleted.
            long expected = job.mode().writes() ? counts.target() : counts.target() + added - removed;
            if (pulled.displaced() == 0 && counts.source() == expected && lowestRowsMatch(comparison, targetMax)) {
                return report(job, shape, counters, start, job.mode().writes() || added + removed == 0, "row count",
                        List.of());
            }
            LOG.warn("{}: the source has {} rows, the target {} after pulling new ones: rows below the largest key"
                    + " changed (deleted, or the table was rewritten), so this append-only table is compared row by row"
                    + "{}; use strategy general if its rows change", shape.name(), counts.source(), expected,
                    job.mode().writes() ? " and repaired" : "");
            Reconciler.Outcome outcome = reconciler.reconcile(comparison, repair, List.of(KeyRange.ALL), job.mode(),
                    GeneralStrategy.SAMPLE_LIMIT, job.progress());
            List<String> notes = new ArrayList<>(List.of("source has " + counts.source() + " rows, target "
                    + expected + (counts.source() == expected ? " but their lowest rows differ" : "")
                    + ": rows below the largest key changed, so every row was compared" + (job.mode().writes()
                    ? " and repaired" : "") + "; use strategy general if rows change"));
            notes.addAll(outcome.sample());
            return report(job, shape, counters, start, outcome.identical() && job.mode().writes(), "range hash", notes);
        }
    }


    /**
     * Whether the lowest {@code chunk-rows} rows that were there before the pull are the same on
     * both servers: a table truncated and refilled on the source shows there first, even when the
     * row counts agree. One bounded hash per server.
     */
    private boolean lowestRowsMatch(Comparison comparison, Optional<Key> oldTargetMax) {
        if (oldTargetMax.isEmpty()) {
            return true;
        }
        TableShape shape = comparison.shape();
        KeyRange old = KeyRange.upTo(oldTargetMax.get());
        KeyRange lowest = hasher.nthKey(comparison.source(), shape, old, comparison.chunkRows()).map(KeyRange::upTo)
                .orElse(old);
        Both<RangeHash> hashes = Both.run(comparison.executor(),
                () -> hasher.ranges(comparison.source(), shape, List.of(lowest), comparison.hash()).get(0),
                () -> hasher.ranges(comparison.target(), shape, List.of(lowest), comparison.hash()).get(0));
        return hashes.source().equals(hashes.target());
    }

    /** Deletes (or counts) target rows above the source's largest key, in bounded transactions. */
    private long deleteAbove(TableJob job, Comparison comparison, KeyRange above) {
        TableShape shape = job.plan().shape();
        if (!job.mode().writes()) {
            long rows = hasher.count(comparison.target(), shape, above);
            comparison.counters().applied(0, 0, rows);
            return rows;
        }
        SqlFragment where = KeySql.inRange(shape.keys(), above).and(SqlFragment.filter(comparison.target().filter()));
        SqlFragment delete = CopySql.delete(shape, where);
        String sql = delete.sql() + " ORDER BY " + KeySql.columnList(shape.keys()) + " LIMIT " + DELETE_BATCH_ROWS;
        long total = 0;
        int deleted;
        do {
            deleted = comparison.target().session().update(sql, statement -> delete.bind(statement, 1),
                    "deleting rows of " + shape.name() + " above the source's largest key");
            total += deleted;
        } while (deleted == DELETE_BATCH_ROWS);
        comparison.counters().applied(0, 0, total);
        return total;
    }

    private static List<TableReport> report(TableJob job, TableShape shape, TableCounters counters, Instant start,
                                            boolean identical, String checkedBy, List<String> notes) {
        return List.of(TableReport.finished(shape.name(), StrategyKind.APPEND_ONLY, job.mode(), counters.snapshot(),
                Duration.between(start, Instant.now()), identical, checkedBy, notes));
    }
}
