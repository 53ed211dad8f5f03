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
import dev.mysqlslice.throttle.Pace;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the source rows of a key range into a target table, in key order, one page per
 * transaction. Each page is a separate short SELECT continuing after the previous page's last
 * key, so the source never holds one long read, and an interruption leaves the target with a
 * complete prefix of the range. With LOAD DATA, one thread reads and encodes pages while the
 * caller's thread loads them, so the source, the client and the target work at the same time.
 * The rows per page follow the job's {@link Pace}; a page the source stops at its time limit is
 * not kept, and the copy goes on from the last committed page with smaller pages.
 */
public final class RowCopier {

    private static final Logger LOG = LoggerFactory.getLogger(RowCopier.class);

    /** Encoded bytes per chunk handed from the reading thread to the loading thread. */
    static final int CHUNK_BYTES = 256 * 1024;
    /** Chunks that may wait between the two threads (bounds memory at about 8 MB). */
    static final int QUEUE_CHUNKS = 32;

    /** What to copy where. */
    public record Job(Session source, Optional<String> sourceFilter, Session target, TableShape shape,
                      String targetTable, KeyRange range, Pace pages, WriteMethod writes, TableCounters counters,
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
        Progress progress = new Progress(job.range());
        while (true) {
            try {
                if (job.writes() == WriteMethod.LOAD_DATA) {
                    pipelined(job, progress);
                } else {
                    sequential(job, progress);
                }
                return progress.written;
            } catch (MysqlsliceException e) {
                if (e.failure() != Failure.TIME_LIMIT) {
                    throw e;
                }
                if (!job.pages().stopped(progress.pageRows)) {
                    throw job.pages().gaveUp("a page of " + job.shape().name(), e);
                }
                LOG.debug("{}: the source stopped a page of {} rows at its time limit; going on with {}",
                        job.shape().name(), progress.pageRows, job.pages().size());
            }
        }
    }

    /** What is committed so far: the rows written and the range still to copy, and the size of the page being read. */
    private static final class Progress {
        Written written = Written.NONE;
        KeyRange remaining;
        volatile long pageRows;

        Progress(KeyRange range) {
            this.remaining = range;
        }

        void committed(Job job, Written page, Key lastKey) {
            written = written.plus(page);
            if (lastKey != null) {
                remaining = new KeyRange(Optional.of(Bound.exclusive(lastKey)), job.range().upper());
            }
            job.listener().pageDone(written.rows());
        }
    }

    private void pipelined(Job job, Progress progress) {
        PageQueue queue = new PageQueue(QUEUE_CHUNKS);
        AtomicBoolean loading = new AtomicBoolean(true);
        KeyRange from = progress.remaining;
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> produce(job, from, progress, queue, loading),
                job.executor());
        try {
            while (true) {
                PageQueue.Chunk first = take(queue);
                if (first.failure() != null) {
                    throw first.failure();
                }
                if (first.end()) {
                    return;
                }
                PageQueue.PageStream page = open(queue, first);
                Written loaded = writer.load(job.target(), job.shape(), job.targetTable(), page,
                        () -> page.pageEnd() == null ? -1 : page.pageEnd().rows(), page::failure);
                job.counters().rowsRead(page.pageEnd().rows(), page.pageEnd().bytes());
                progress.committed(job, loaded, page.pageEnd().lastKey());
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

    /** The reading thread: every page of the range from {@code from}, encoded, each closed by its row count. */
    private void produce(Job job, KeyRange from, Progress progress, PageQueue queue, AtomicBoolean loading) {
        try {
            List<KeyType> keyTypes = KeyCodec.types(job.shape().keys());
            int stored = job.shape().storedColumns().size();
            KeyRange remaining = from;
            while (loading.get()) {
                int pageRows = (int) job.pages().size();
                progress.pageRows = pageRows;
                SqlFragment select = CopySql.select(job.shape(), where(job, remaining), pageRows);
                long[] rows = {0};
                Key[] last = {null};
                long start = System.nanoTime();
                job.source().stream(limited(job, select.sql()), statement -> select.bind(statement, 1), result -> {
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
                        put(queue, PageQueue.Chunk.ofPageEnd(cursor.count(), cursor.bytes(), cursor.lastKey()), loading);
                    }
                }, "reading rows of " + job.shape().name());
                job.pages().took(rows[0], System.nanoTime() - start);
                if (rows[0] < pageRows || last[0] == null) {
                    put(queue, PageQueue.Chunk.ofEnd(), loading);
                    return;
                }
                remaining = new KeyRange(Optional.of(Bound.exclusive(last[0])), job.range().upper());
            }
        } catch (RuntimeException e) {
            put(queue, PageQueue.Chunk.ofFailure(e), loading);
        }
    }

    private void sequential(Job job, Progress progress) {
        while (true) {
            int pageRows = (int) job.pages().size();
            progress.pageRows = pageRows;
            Written[] page = {Written.NONE};
            Key[] lastKey = {null};
            long start = System.nanoTime();
            try {
                copyPage(job, progress.remaining, pageRows, false, page, lastKey);
            } catch (BulkWriter.Collision collision) {
                // Nothing of the page was kept: write it again, each row replacing what holds its values.
                copyPage(job, progress.remaining, pageRows, true, page, lastKey);
            }
            job.pages().took(page[0].rows(), System.nanoTime() - start);
            progress.committed(job, page[0], lastKey[0]);
            if (page[0].rows() < pageRows || lastKey[0] == null) {
                return;
            }
        }
    }

    /** Reads one page of the source from {@code remaining} and writes it (INSERT, or REPLACE row by row). */
    private void copyPage(Job job, KeyRange remaining, int pageRows, boolean replace, Written[] written, Key[] lastKey) {
        List<KeyType> keyTypes = KeyCodec.types(job.shape().keys());
        int stored = job.shape().storedColumns().size();
        SqlFragment select = CopySql.select(job.shape(), where(job, remaining), pageRows);
        job.source().stream(limited(job, select.sql()), statement -> select.bind(statement, 1), rows -> {
            RowCursor cursor = new RowCursor(rows, stored, keyTypes);
            written[0] = replace ? writer.replace(job.target(), job.shape(), job.targetTable(), cursor)
                    : writer.write(job.target(), job.shape(), job.targetTable(), cursor, WriteMethod.INSERT, job.source().endpoint());
            lastKey[0] = cursor.lastKey();
            job.counters().rowsRead(cursor.count(), cursor.bytes());
        }, "reading rows of " + job.shape().name());
    }

    /** A page's SELECT with the pace's time limit. */
    private static String limited(Job job, String select) {
        return job.pages().limit().map(limit -> job.source().dialect().limited(select, limit)).orElse(select);
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
