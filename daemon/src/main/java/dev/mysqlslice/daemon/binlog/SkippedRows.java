package dev.mysqlslice.daemon.binlog;

import com.github.shyiko.mysql.binlog.event.EventData;

/** Stands in for the rows of a table nobody tracks: they are skipped, never decoded. */
public final class SkippedRows implements EventData {
    private static final long serialVersionUID = 1L;

    public static final SkippedRows INSTANCE = new SkippedRows();

    private SkippedRows() {
    }

    @Override
    public String toString() {
        return "SkippedRows";
    }
}
