package dev.mysqlslice.strategy;

import dev.mysqlslice.hash.Comparison;
import dev.mysqlslice.hash.Side;
import dev.mysqlslice.transfer.WriteMethod;

/**
 * Where a reconciliation's repairs read and write.
 *
 * @param source      the source side repaired rows are read from
 * @param target      the target side they are written to
 * @param writes how rows are written to the target (LOAD DATA when it accepts it)
 */
public record Repair(Side source, Side target, WriteMethod writes) {

    /** Repairs through the comparison's own sessions (nothing is listed while a batch is written). */
    public static Repair through(Comparison comparison, WriteMethod writes) {
        return new Repair(comparison.source(), comparison.target(), writes);
    }

    /** Whether repairs have sessions of their own, so the next batch can be listed while one is written. */
    boolean runsAlongside(Comparison comparison) {
        return source.session() != comparison.source().session() && target.session() != comparison.target().session();
    }
}
