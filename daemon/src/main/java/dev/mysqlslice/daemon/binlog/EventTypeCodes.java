package dev.mysqlslice.daemon.binlog;

import com.github.shyiko.mysql.binlog.event.EventType;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the daemon knows about binlog event type codes beyond the library's own names: MariaDB's
 * compressed events (read as their plain counterparts once inflated) and the types that provably
 * carry no row data. A type in neither list might carry row changes the daemon cannot read, so
 * it makes every tracked table be compared in full.
 */
public final class EventTypeCodes {

    /** MariaDB QUERY_COMPRESSED_EVENT. */
    public static final int QUERY_COMPRESSED = 165;
    /** MySQL HEARTBEAT_LOG_EVENT_V2 (positions past 4 GiB). */
    public static final int HEARTBEAT_V2 = 41;
    /** MySQL 8.3+ GTID_TAGGED_LOG_EVENT: a GTID with a tag, the start of a transaction. */
    public static final int GTID_TAGGED = 42;
    /** MariaDB START_ENCRYPTION_EVENT: how the rest of the file is encrypted, no data. */
    public static final int START_ENCRYPTION = 164;

    private static final Map<Integer, EventType> COMPRESSED = Map.of(
            QUERY_COMPRESSED, EventType.QUERY,
            166, EventType.WRITE_ROWS, 167, EventType.UPDATE_ROWS, 168, EventType.DELETE_ROWS,
            169, EventType.EXT_WRITE_ROWS, 170, EventType.EXT_UPDATE_ROWS, 171, EventType.EXT_DELETE_ROWS);

    /** Named types that carry no row data: replication bookkeeping, transaction boundaries, statement context. */
    private static final Set<EventType> NO_ROWS = Set.of(EventType.START_V3, EventType.STOP, EventType.ROTATE,
            EventType.INTVAR, EventType.RAND, EventType.USER_VAR, EventType.FORMAT_DESCRIPTION, EventType.XID,
            EventType.HEARTBEAT, EventType.IGNORABLE, EventType.ROWS_QUERY, EventType.GTID, EventType.ANONYMOUS_GTID,
            EventType.PREVIOUS_GTIDS, EventType.TRANSACTION_CONTEXT, EventType.VIEW_CHANGE, EventType.XA_PREPARE,
            EventType.ANNOTATE_ROWS, EventType.BINLOG_CHECKPOINT, EventType.MARIADB_GTID, EventType.MARIADB_GTID_LIST,
            EventType.TABLE_MAP, EventType.SLAVE);

    private static final Set<Integer> UNNAMED_NO_ROWS = Set.of(HEARTBEAT_V2, GTID_TAGGED, START_ENCRYPTION);

    private EventTypeCodes() {
    }

    /** The plain type a MariaDB compressed event is read as, if {@code code} is one. */
    public static Optional<EventType> plainTypeOfCompressed(int code) {
        return Optional.ofNullable(COMPRESSED.get(code));
    }

    /**
     * Whether an event of this type provably carries no row data (so ignoring it loses nothing).
     * Row events, QUERY, TRANSACTION_PAYLOAD and PARTIAL_UPDATE_ROWS are handled by name and are
     * not in this list; INCIDENT (the source lost events), the LOAD DATA family of statement
     * events and unknown codes are not either.
     */
    public static boolean carriesNoRows(EventType type, int rawType) {
        return type == EventType.UNKNOWN ? UNNAMED_NO_ROWS.contains(rawType) : NO_ROWS.contains(type);
    }
}
