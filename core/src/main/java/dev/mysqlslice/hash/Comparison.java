package dev.mysqlslice.hash;

import dev.mysqlslice.config.HashAlgorithm;
import dev.mysqlslice.model.TableCounters;
import dev.mysqlslice.model.TableShape;
import dev.mysqlslice.throttle.Pacing;
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
 * @param pacing    how many rows each source scan covers, and the time limit it carries
 * @param expected  whether changes may be dense (a sync) or few (a verify): whether big regions are sampled first
 */
public record Comparison(TableShape shape, HashAlgorithm hash, int chunkRows, Side source, Side target,
                         Executor executor, TableCounters counters, Pacing pacing, ExpectedChanges expected) {

    /** A sync's comparison without pacing. */
    public Comparison(TableShape shape, HashAlgorithm hash, int chunkRows, Side source, Side target, Executor executor,
                      TableCounters counters) {
        this(shape, hash, chunkRows, source, target, executor, counters, Pacing.off(chunkRows, chunkRows),
                ExpectedChanges.ANY);
    }

    /** The same comparison reading through other sides (e.g. the repair sessions). */
    public Comparison withSides(Side newSource, Side newTarget) {
        return new Comparison(shape, hash, chunkRows, newSource, newTarget, executor, counters, pacing, expected);
    }

    /** The most rows a range may hold to be compared row by row. */
    public long leafRows() {
        return Math.max(2L * chunkRows, 64);
    }
}
