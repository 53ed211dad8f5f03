package dev.mysqlslice.sql;

import dev.mysqlslice.jdbc.Identifiers;
import dev.mysqlslice.model.Column;
import dev.mysqlslice.model.Key;
import java.util.List;

/** SQL that finds the child rows a foreign-key cascade reached, by the values their referencing columns hold. */
public final class CascadeSql {

    private CascadeSql() {
    }

    /**
     * {@code SELECT <columns> FROM child WHERE (referencing columns) IN (values)}; with {@code lock},
     * a shared-lock read that waits for a cascade not yet committed (one autocommit statement, released at once).
     */
    public static SqlFragment reached(String child, List<Column> columns, List<Column> referencing, List<Key> values,
                                      boolean lock) {
        SqlFragment in = KeySql.in(referencing, values);
        return new SqlFragment("SELECT " + KeySql.selectList(columns) + " FROM " + Identifiers.quote(child)
                + " WHERE " + in.sql() + (lock ? " LOCK IN SHARE MODE" : ""), in.params());
    }
}
