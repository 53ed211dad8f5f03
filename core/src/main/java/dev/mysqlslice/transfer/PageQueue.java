package dev.mysqlslice.transfer;

import dev.mysqlslice.model.Key;
import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The hand-over between the thread that reads and encodes source pages and the thread that
 * loads them into the target: encoded chunks, each page closed by a marker carrying its row
 * count. Bounded, so a slow target slows the reader instead of filling memory.
 */
final class PageQueue {

    /** One element: encoded bytes, or the end of a page, or the end of all pages, or a failure. */
    record Chunk(byte[] data, long rows, long bytes, boolean pageEnd, boolean end, RuntimeException failure, Key lastKey) {

        static Chunk ofData(byte[] data) {
            return new Chunk(data, 0, 0, false, false, null, null);
        }

        static Chunk ofPageEnd(long rows, long bytes, Key lastKey) {
            return new Chunk(null, rows, bytes, true, false, null, lastKey);
        }

        static Chunk ofEnd() {
            return new Chunk(null, 0, 0, false, true, null, null);
        }

        static Chunk ofFailure(RuntimeException failure) {
            return new Chunk(null, 0, 0, false, true, failure, null);
        }
    }

    private final BlockingQueue<Chunk> chunks;

    PageQueue(int capacity) {
        this.chunks = new ArrayBlockingQueue<>(capacity);
    }

    /** Puts a chunk, waiting for room while {@code keepGoing} holds; returns false when told to stop. */
    boolean put(Chunk chunk, BooleanSupplier keepGoing) throws InterruptedException {
        while (keepGoing.getAsBoolean()) {
            if (chunks.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                return true;
            }
        }
        return false;
    }

    Chunk take() throws InterruptedException {
        return chunks.take();
    }

    /** Empties the queue (so a blocked producer notices it must stop). */
    void clear() {
        chunks.clear();
    }

    /** The bytes of one page as a stream; its end marker is kept for {@link #pageEnd()}. */
    final class PageStream extends BlockInputStream {
        private byte[] current;
        private int position;
        private Chunk end;
        private RuntimeException failure;

        private Chunk first;

        PageStream(Chunk first) {
            this.first = first;
        }

        Chunk pageEnd() {
            return end;
        }

        /** The reading thread's failure, when it failed in the middle of this page. */
        RuntimeException failure() {
            return failure;
        }

        @Override
        public int read(byte[] target, int offset, int wanted) throws IOException {
            while (end == null && (current == null || position == current.length)) {
                if (first != null) {
                    Chunk chunk = first;
                    first = null;
                    accept(chunk);
                    continue;
                }
                try {
                    accept(take());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
            if (current == null || position == current.length) {
                return -1;
            }
            int count = Math.min(wanted, current.length - position);
            System.arraycopy(current, position, target, offset, count);
            position += count;
            return count;
        }

        private void accept(Chunk chunk) throws IOException {
            if (chunk.failure() != null) {
                failure = chunk.failure();
                throw new IOException("reading the source failed", chunk.failure());
            }
            if (chunk.pageEnd() || chunk.end()) {
                end = chunk;
                current = null;
            } else {
                current = chunk.data();
                position = 0;
            }
        }
    }
}
