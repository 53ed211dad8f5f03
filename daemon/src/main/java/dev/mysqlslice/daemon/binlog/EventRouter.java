package dev.mysqlslice.daemon.binlog;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.event.DeleteRowsEventData;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventHeaderV4;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.MariadbGtidEventData;
import com.github.shyiko.mysql.binlog.event.QueryEventData;
import com.github.shyiko.mysql.binlog.event.RotateEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.UpdateRowsEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import dev.mysqlslice.daemon.dirty.DirtyTracker;
import dev.mysqlslice.model.Key;
import java.io.Serializable;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Turns binlog events into dirty keys and transaction boundaries: row events of tracked tables
 * mark their keys (a key that cannot be read marks the whole table), XID/COMMIT and DDL end a
 * transaction and advance the committed position, heartbeats advance it while idle, and a DDL on
 * a tracked table is reported so its shape can be checked. Runs on the binlog client's thread.
 */
public final class EventRouter implements BinaryLogClient.EventListener {

    /** Told about things the daemon must act on outside the binlog thread. */
    public interface Listener {
        /** A DDL statement changed (or may have changed) a tracked table. */
        void ddl(String table);

        /** An UPDATE or DELETE hit a table synced as append-only. */
        void appendOnlyChanged(String table);
    }

    private final TableTracker tables;
    private final DirtyTracker dirty;
    private final Listener listener;
    private final Supplier<Optional<String>> mysqlGtids;
    private final Set<String> appendOnly;
    private final Map<Long, String> gtidByDomain = new LinkedHashMap<>();
    private final AtomicLong eventsRead = new AtomicLong();
    private final AtomicLong rowsMarked = new AtomicLong();
    private String file;
    private boolean inTransaction;
    private String pendingGtid;
    private long pendingDomain;

    /**
     * @param start      where the stream starts (file, and MariaDB GTID position to continue from)
     * @param mysqlGtids the client's MySQL GTID set when following by GTID
     * @param appendOnly tables synced as append-only
     */
    public EventRouter(TableTracker tables, DirtyTracker dirty, Listener listener, BinlogPosition start,
                       Supplier<Optional<String>> mysqlGtids, Set<String> appendOnly) {
        this.tables = tables;
        this.dirty = dirty;
        this.listener = listener;
        this.mysqlGtids = mysqlGtids;
        this.appendOnly = Set.copyOf(appendOnly);
        this.file = start.file();
        start.gtids().filter(gtids -> gtids.matches("\\d+-\\d+-\\d+(,\\d+-\\d+-\\d+)*")).ifPresent(gtids -> {
            for (String gtid : gtids.split(",")) {
                gtidByDomain.put(Long.parseLong(gtid.substring(0, gtid.indexOf('-'))), gtid);
            }
        });
    }

    public long eventsRead() {
        return eventsRead.get();
    }

    public long rowsMarked() {
        return rowsMarked.get();
    }

    @Override
    public void onEvent(Event event) {
        eventsRead.incrementAndGet();
        EventHeaderV4 header = event.getHeader();
        EventType type = header.getEventType();
        switch (type) {
            case ROTATE -> file = ((RotateEventData) event.getData()).getBinlogFilename();
            case MARIADB_GTID -> {
                MariadbGtidEventData gtid = event.getData();
                pendingDomain = gtid.getDomainId();
                pendingGtid = gtid.getDomainId() + "-" + header.getServerId() + "-" + gtid.getSequence();
                inTransaction = true;
            }
            case GTID -> inTransaction = true;
            case TABLE_MAP -> {
                TableMapEventData map = event.getData();
                tables.onTableMap(map.getTableId(), map.getDatabase(), map.getTable(), map.getColumnTypes().length);
            }
            case WRITE_ROWS, EXT_WRITE_ROWS -> {
                if (event.getData() instanceof WriteRowsEventData write) {
                    write.getRows().forEach(row -> mark(write.getTableId(), row, write.getIncludedColumns()));
                }
            }
            case UPDATE_ROWS, EXT_UPDATE_ROWS -> {
                if (event.getData() instanceof UpdateRowsEventData update) {
                    update.getRows().forEach(pair -> {
                        mark(update.getTableId(), pair.getKey(), update.getIncludedColumnsBeforeUpdate());
                        mark(update.getTableId(), pair.getValue(), update.getIncludedColumns());
                    });
                    warnIfAppendOnly(update.getTableId());
                }
            }
            case DELETE_ROWS, EXT_DELETE_ROWS -> {
                if (event.getData() instanceof DeleteRowsEventData delete) {
                    delete.getRows().forEach(row -> mark(delete.getTableId(), row, delete.getIncludedColumns()));
                    warnIfAppendOnly(delete.getTableId());
                }
            }
            case XID -> commit(header);
            case QUERY -> query(event.getData(), header);
            case HEARTBEAT -> {
                if (!inTransaction && header.getNextPosition() > 0) {
                    dirty.commit(position(header.getNextPosition()), dirty.committedEventTime());
                }
            }
            default -> {
                // Other events carry nothing the daemon needs.
            }
        }
    }

    private void query(QueryEventData query, EventHeaderV4 header) {
        String sql = query.getSql().strip();
        String word = sql.length() > 16 ? sql.substring(0, 16).toUpperCase(java.util.Locale.ROOT) : sql.toUpperCase(java.util.Locale.ROOT);
        if (word.startsWith("BEGIN") || word.startsWith("XA START") || word.startsWith("SAVEPOINT")) {
            inTransaction = true;
            return;
        }
        if (word.startsWith("COMMIT") || word.startsWith("XA COMMIT")) {
            commit(header);
            return;
        }
        if (word.startsWith("ROLLBACK") && inTransaction && !word.startsWith("ROLLBACK TO")) {
            commit(header);
            return;
        }
        for (String table : DdlDetector.tablesTouched(sql, query.getDatabase(), tables.database(), tables.names())) {
            tables.forgetShape(table);
            tables.tracked(table).ifPresent(tracked -> dirty.markWhole(tracked.dirtyAs()));
            listener.ddl(table);
        }
        commit(header);
    }

    private void mark(long tableId, Serializable[] row, BitSet included) {
        Optional<TableTracker.Mapped> mapped = tables.mapped(tableId);
        if (mapped.isEmpty()) {
            return;
        }
        Optional<TableTracker.Tracked> tracked = tables.tracked(mapped.get().table());
        if (tracked.isEmpty()) {
            return;
        }
        rowsMarked.incrementAndGet();
        Optional<Key> key = tracked.get().shapeKnown()
                ? tracked.get().extractor().keyOf(row, included, mapped.get().columns()) : Optional.empty();
        key.ifPresent(value -> dirty.noteRow(tracked.get().table(), value));
        if (tracked.get().marksWhole() || key.isEmpty()) {
            dirty.markWhole(tracked.get().dirtyAs());
        } else {
            dirty.mark(tracked.get().table(), key.get());
        }
    }

    private void warnIfAppendOnly(long tableId) {
        tables.mapped(tableId).map(TableTracker.Mapped::table).filter(appendOnly::contains)
                .ifPresent(listener::appendOnlyChanged);
    }

    private void commit(EventHeaderV4 header) {
        if (pendingGtid != null) {
            gtidByDomain.put(pendingDomain, pendingGtid);
            pendingGtid = null;
        }
        inTransaction = false;
        dirty.commit(position(header.getNextPosition()), header.getTimestamp());
    }

    private BinlogPosition position(long nextPosition) {
        BinlogPosition position = BinlogPosition.of(file, nextPosition);
        if (!gtidByDomain.isEmpty()) {
            return position.withGtids(String.join(",", gtidByDomain.values()));
        }
        return mysqlGtids.get().map(position::withGtids).orElse(position);
    }
}
