package dev.mysqlslice.sql;

import dev.mysqlslice.jdbc.Identifiers;
import dev.mysqlslice.model.Column;
import dev.mysqlslice.model.KeyRange;
import java.util.List;

/**
 * The daemon's visibility barrier: a momentary shared-lock read of rows the binlog says changed.
 * A transaction is written to the binlog before the engine makes it visible; the locking read
 * waits until it is, so what the cycle then reads is what the binlog announced.
 */
public final class BarrierSql {

    private BarrierSql() {
    }

    /** {@code SELECT COUNT(*) FROM t WHERE <key in ranges> LOCK IN SHARE MODE}. */
    public static SqlFragment await(String table, List<Column> keys, List<KeyRange> ranges) {
        SqlFragment where = KeySql.inAnyRange(keys, ranges);
        return new SqlFragment("SELECT COUNT(*) FROM " + Identifiers.quote(table) + where.whereClause()
                + " LOCK IN SHARE MODE", where.params());
    }
}
