package dev.mysqlslice.transfer;

import dev.mysqlslice.error.Failure;
import dev.mysqlslice.error.MysqlsliceException;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.inject.Inject;

/**
 * Copies the source rows of a key range into a target table, in key order, one page per
 * transaction. Each page is a separate short SELECT continuing after the previous page's last
 * key, so the source never holds one long read, and an interruption leaves the target with a
 * complete prefix of the range. With LOAD DATA, one thread reads and encodes pages while the
 * caller's thread loads them, so the source, the client and the target work at the same time.
 */
public final class RowCopier {

    /** Encoded bytes per chunk handed from the reading thread to the loading thread. */
    static final int CHUNK_BYTES = 256 * 1024;
    /** Chunks that may wait between the two threads (bounds memory at about 8 MB). */
    static final int QUEUE_CHUNKS = 32;

    /** What to copy where. */
    public record Job(Session source, Optional<String> sourceFilter, Session target, TableShape shape,
                      String targetTable, KeyRange range, int pageRows, boolean localInfile, TableCounters counters,
                      Executor executor, PageListener listener) {
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

    /** Copies every source row of the job's range; says how many, and how many target rows they displaced. */
    public Written copy(Job job) {
        return job.localInfile() ? pipelined(job) : sequential(job);
    }

    private Written pipelined(Job job) {
        PageQueue queue = new PageQueue(QUEUE_CHUNKS);
        AtomicBoolean loading = new AtomicBoolean(true);
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> produce(job, queue, loading), job.executor());
        Written total = Written.NONE;
        try {
            while (true) {
                PageQueue.Chunk first = take(queue);
                if (first.failure() != null) {
                    throw first.failure();
                }
                if (first.end()) {
                    return total;
                }
                PageQueue.PageStream page = open(queue, first);
                total = total.plus(writer.load(job.target(), job.shape(), job.targetTable(), page,
                        () -> page.pageEnd() == null ? -1 : page.pageEnd().rows(), page::failure));
                job.counters().rowsRead(page.pageEnd().rows(), page.pageEnd().bytes());
                job.listener().pageDone(total.rows());
            }
        } catch (RuntimeException e) {
            loading.set(false);
            queue.clear();
            reading.exceptionally(ignored -> null).join();
            throw unwrap(e);
        } finally {
            loading.set(false);
            queue.clear();
        }
    }

    /** The reading thread: every page of the range, encoded, each closed by its row count. */
    private void produce(Job job, PageQueue queue, AtomicBoolean loading) {
        try {
            List<KeyType> keyTypes = KeyCodec.types(job.shape().keys());
            int stored = job.shape().storedColumns().size();
            KeyRange remaining = job.range();
            while (loading.get()) {
                SqlFragment select = CopySql.select(job.shape(), where(job, remaining), job.pageRows());
                long[] rows = {0};
                Key[] last = {null};
                job.source().stream(select.sql(), statement -> select.bind(statement, 1), result -> {
                    RowCursor cursor = new RowCursor(result, stored, keyTypes);
                    TsvEncoder encoder = new TsvEncoder(CHUNK_BYTES + 64 * 1024);
                    RawRow row;
                    while ((row = cursor.next()) != null) {
                        encoder.encode(row);
                        if (encoder.length() >= CHUNK_BYTES && !put(queue, PageQueue.Chunk.ofData(encoder.take(CHUNK_BYTES)), loading)) {
                            return;
                        }
                    }
                    rows[0] = cursor.count();
                    last[0] = cursor.lastKey();
                    if (cursor.count() > 0) {
                        put(queue, PageQueue.Chunk.ofData(encoder.take(CHUNK_BYTES)), loading);
                        put(queue, PageQueue.Chunk.ofPageEnd(cursor.count(), cursor.bytes()), loading);
                    }
                }, "reading rows of " + job.shape().name());
                if (rows[0] < job.pageRows() || last[0] == null) {
                    put(queue, PageQueue.Chunk.ofEnd(), loading);
                    return;
                }
                remaining = new KeyRange(Optional.of(Bound.exclusive(last[0])), job.range().upper());
            }
        } catch (RuntimeException e) {
            put(queue, PageQueue.Chunk.ofFailure(e), loading);
        }
    }

    private Written sequential(Job job) {
        KeyRange remaining = job.range();
        Written total = Written.NONE;
        while (true) {
            Written[] page = {Written.NONE};
            Key[] lastKey = {null};
            try {
                copyPage(job, remaining, false, page, lastKey);
            } catch (BulkWriter.Collision collision) {
                // Nothing of the page was kept: write it again, each row replacing what holds its values.
                copyPage(job, remaining, true, page, lastKey);
            }
            total = total.plus(page[0]);
            long pageRows = page[0].rows();
            job.listener().pageDone(total.rows());
            if (pageRows < job.pageRows() || lastKey[0] == null) {
                return total;
            }
            remaining = new KeyRange(Optional.of(Bound.exclusive(lastKey[0])), job.range().upper());
        }
    }

    /** Reads one page of the source from {@code remaining} and writes it (INSERT, or REPLACE row by row). */
    private void copyPage(Job job, KeyRange remaining, boolean replace, Written[] written, Key[] lastKey) {
        List<KeyType> keyTypes = KeyCodec.types(job.shape().keys());
        int stored = job.shape().storedColumns().size();
        SqlFragment select = CopySql.select(job.shape(), where(job, remaining), job.pageRows());
        job.source().stream(select.sql(), statement -> select.bind(statement, 1), rows -> {
            RowCursor cursor = new RowCursor(rows, stored, keyTypes);
            written[0] = replace ? writer.replace(job.target(), job.shape(), job.targetTable(), cursor)
                    : writer.write(job.target(), job.shape(), job.targetTable(), cursor, false, job.source().endpoint());
            lastKey[0] = cursor.lastKey();
            job.counters().rowsRead(cursor.count(), cursor.bytes());
        }, "reading rows of " + job.shape().name());
    }

    private static SqlFragment where(Job job, KeyRange range) {
        return KeySql.inRange(job.shape().keys(), range).and(SqlFragment.filter(job.sourceFilter()));
    }

    private static boolean put(PageQueue queue, PageQueue.Chunk chunk, AtomicBoolean loading) {
        try {
            return queue.put(chunk, loading::get);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static PageQueue.Chunk take(PageQueue queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MysqlsliceException(Failure.INTERRUPTED, "interrupted while copying", e);
        }
    }

    private static PageQueue.PageStream open(PageQueue queue, PageQueue.Chunk first) {
        return queue.new PageStream(first);
    }

    private static RuntimeException unwrap(RuntimeException e) {
        if (e instanceof CompletionException && e.getCause() instanceof RuntimeException cause) {
            return cause;
        }
        return e;
    }
}
