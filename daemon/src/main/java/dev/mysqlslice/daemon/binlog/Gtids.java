package dev.mysqlslice.daemon.binlog;

import java.util.regex.Pattern;

/** Facts about GTID set texts the binlog library cannot read itself. */
public final class Gtids {

    /** A tag after a UUID (MySQL 8.3+): {@code uuid:tag:1-5}; intervals start with a digit, tags with a letter or _. */
    private static final Pattern TAG = Pattern.compile(":\\s*[A-Za-z_][A-Za-z0-9_]*\\s*:");

    private Gtids() {
    }

    /** Whether a MySQL GTID set holds tagged GTIDs, which mysql-binlog-connector-java 0.30.1 cannot parse. */
    public static boolean hasTags(String gtidSet) {
        return gtidSet != null && TAG.matcher(gtidSet.replace("\n", "")).find();
    }
}
