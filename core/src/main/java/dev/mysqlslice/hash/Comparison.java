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
 * @param repairSource the source side repairs read from (its own session, or the same as {@code source})
 * @param repairTarget the target side repairs write to
 * @param localInfile  whether the target accepts LOAD DATA LOCAL for repairs
 * @param pacing       how many rows each source scan covers, and the time limit it carries
 */
public record Comparison(TableShape shape, HashAlgorithm hash, int chunkRows, Side source, Side target,
                         Executor executor, TableCounters counters, Side repairSource, Side repairTarget,
                         boolean localInfile, Pacing pacing) {

    /** A comparison whose repairs use the same sessions as its reads (nothing runs ahead), without pacing. */
    public Comparison(TableShape shape, HashAlgorithm hash, int chunkRows, Side source, Side target, Executor executor,
                      TableCounters counters) {
        this(shape, hash, chunkRows, source, target, executor, counters, source, target, false,
                Pacing.off(chunkRows, chunkRows));
    }

    /** Whether repairs have sessions of their own, so the next batch can be listed meanwhile. */
    public boolean canRunAhead() {
        return repairSource.session() != source.session() && repairTarget.session() != target.session();
    }

    /** The same comparison reading through other sides (e.g. the repair sessions). */
    public Comparison withSides(Side newSource, Side newTarget) {
        return new Comparison(shape, hash, chunkRows, newSource, newTarget, executor, counters, repairSource, repairTarget,
                localInfile, pacing);
    }

    /** The most rows a range may hold to be compared row by row. */
    public long leafRows() {
        return Math.max(2L * chunkRows, 64);
    }
}
