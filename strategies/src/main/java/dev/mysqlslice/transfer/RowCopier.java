package dev.mysqlslice.transfer;

import dev.mysqlslice.jdbc.KeyCodec;
import dev.mysqlslice.jdbc.Session;
import dev.mysqlslice.model.Bound;
import dev.mysqlslice.model.Key;
import dev.mysqlslice.model.KeyRange;
import dev.mysqlslice.model.KeyType;
import dev.mysqlslice.model.TableCounters;
import dev.mysqlslice.model.TableShape;
import dev.mysqlslice.sql.CopySql;
import dev.mysqlslice.sql.KeySql;
import dev.mysqlslice.sql.SqlFragment;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;

/**
 * Copies the source rows of a key range into a target table, in key order, one page per
 * transaction. Each page is a separate short SELECT continuing after the previous page's last
 * key, so the source never holds one long read, and an interruption leaves the target with a
 * complete prefix of the range.
 */
public final class RowCopier {

    /** What to copy where. */
    public record Job(Session source, Optional<String> sourceFilter, Session target, TableShape shape,
                      String targetTable, KeyRange range, int pageRows, boolean localInfile, TableCounters counters,
                      PageListener listener) {
    }

    /** Told after every committed page. */
    @FunctionalInterface
    public interface PageListener {
        void pageDone(long rowsSoFar);

        PageListener NONE = rows -> { };
    }

    private final BulkWriter writer;

    @Inject
    public RowCopier(BulkWriter writer) {
        this.writer = writer;
    }

    /** Copies every source row of the job's range; returns how many. */
    public long copy(Job job) {
        List<KeyType> keyTypes = KeyCodec.types(job.shape().keys());
        int stored = job.shape().storedColumns().size();
        KeyRange remaining = job.range();
        long total = 0;
        while (true) {
            SqlFragment where = KeySql.inRange(job.shape().keys(), remaining)
                    .and(SqlFragment.filter(job.sourceFilter()));
            SqlFragment select = CopySql.select(job.shape(), where, job.pageRows());
            long[] pageRows = {0};
            Key[] lastKey = {null};
            job.source().stream(select.sql(), statement -> select.bind(statement, 1), rows -> {
                RowCursor cursor = new RowCursor(rows, stored, keyTypes);
                writer.write(job.target(), job.shape(), job.targetTable(), cursor, job.localInfile(),
                        job.source().endpoint());
                pageRows[0] = cursor.count();
                lastKey[0] = cursor.lastKey();
                job.counters().rowsRead(cursor.count(), cursor.bytes());
            }, "reading rows of " + job.shape().name());
            total += pageRows[0];
            job.listener().pageDone(total);
            if (pageRows[0] < job.pageRows() || lastKey[0] == null) {
                return total;
            }
            remaining = new KeyRange(Optional.of(Bound.exclusive(lastKey[0])), job.range().upper());
        }
    }
}
