package dev.mysqlslice.strategy;

import dev.mysqlslice.hash.Comparison;
import dev.mysqlslice.hash.RangeHasher;
import dev.mysqlslice.model.KeyRange;
import dev.mysqlslice.model.TableShape;
import dev.mysqlslice.transfer.RowCopier;
import dev.mysqlslice.transfer.Written;
import javax.inject.Inject;

/**
 * Copies the source rows of a key range the target has nothing in (above its largest key) in
 * bulk, or, without writing, counts them. Shared by the general and append-only strategies.
 */
public final class NewRowPuller {

    private final RangeHasher hasher;
    private final RowCopier copier;

    @Inject
    public NewRowPuller(RangeHasher hasher, RowCopier copier) {
        this.hasher = hasher;
        this.copier = copier;
    }

    /**
     * Copies the source rows of {@code range} (in a dry run, counts them). Says how many, and how
     * many other target rows they displaced (those held a pulled row's unique value: they are wrong
     * and must be compared again).
     */
    public Written pull(TableJob job, Comparison comparison, KeyRange range) {
        TableShape shape = job.plan().shape();
        if (!job.mode().writes()) {
            long rows = hasher.count(comparison.source(), shape, range);
            comparison.counters().applied(rows, 0, 0);
            return new Written(rows, 0);
        }
        long estimate = hasher.estimatedRows(comparison.source(), shape);
        Written copied = copier.copy(new RowCopier.Job(comparison.source().session(), comparison.source().filter(),
                comparison.target().session(), shape, shape.name(), range, comparison.pacing().pages(),
                job.servers().writeMethod(), comparison.counters(), job.servers().executor(),
                rows -> job.progress().update(shape.name(), "copying", rows, estimate, "rows")));
        comparison.counters().applied(copied.rows(), 0, copied.displaced());
        return copied;
    }
}
