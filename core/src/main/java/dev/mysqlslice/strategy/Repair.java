package dev.mysqlslice.strategy;

import dev.mysqlslice.hash.Comparison;
import dev.mysqlslice.hash.Side;

/**
 * Where a reconciliation's repairs read and write.
 *
 * @param source      the source side repaired rows are read from
 * @param target      the target side they are written to
 * @param localInfile whether the target accepts LOAD DATA LOCAL (much cheaper than INSERTs for many rows)
 */
public record Repair(Side source, Side target, boolean localInfile) {

    /** Repairs through the comparison's own sessions (nothing is listed while a batch is written). */
    public static Repair through(Comparison comparison, boolean localInfile) {
        return new Repair(comparison.source(), comparison.target(), localInfile);
    }

    /** Whether repairs have sessions of their own, so the next batch can be listed while one is written. */
    boolean runsAlongside(Comparison comparison) {
        return source.session() != comparison.source().session() && target.session() != comparison.target().session();
    }
}
