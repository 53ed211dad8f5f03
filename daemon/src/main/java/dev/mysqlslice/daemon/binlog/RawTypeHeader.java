package dev.mysqlslice.daemon.binlog;

import com.github.shyiko.mysql.binlog.event.EventHeaderV4;

/**
 * An event header that keeps the type code as the server sent it, so that event types the binlog
 * library has no name for (MariaDB's compressed events, newer MySQL types) are never mistaken for
 * one another, and whether the event's data is zlib-compressed (MariaDB {@code log_bin_compress}).
 */
public final class RawTypeHeader extends EventHeaderV4 {
    private static final long serialVersionUID = 1L;

    private int rawType;
    private boolean compressed;

    /** The type code from the event, e.g. 166 for MariaDB's WRITE_ROWS_COMPRESSED_EVENT_V1. */
    public int rawType() {
        return rawType;
    }

    /** Whether the event was written compressed (it is read as its plain counterpart). */
    public boolean compressed() {
        return compressed;
    }

    void setRawType(int rawType, boolean compressed) {
        this.rawType = rawType;
        this.compressed = compressed;
    }
}
