package dev.mysqlslice.hash;

import dev.mysqlslice.config.HashAlgorithm;
import dev.mysqlslice.model.TableCounters;
import dev.mysqlslice.model.TableShape;
import java.util.concurrent.Executor;

/**
 * Everything one table comparison needs.
 *
 * @param shape     the table (key chosen)
 * @param hash      the range hash
 * @param chunkRows the wanted rows per compared range; leaves hold at most twice as many
 * @param source    the source side
 * @param target    the target side
 * @param executor  runs the two sides' queries at the same time
 * @param counters  where the work done is counted
 */
public record Comparison(TableShape shape, HashAlgorithm hash, int chunkRows, Side source, Side target,
                         Executor executor, TableCounters counters) {

    /** The most rows a range may hold to be compared row by row. */
    public long leafRows() {
        return Math.max(2L * chunkRows, 64);
    }
}
