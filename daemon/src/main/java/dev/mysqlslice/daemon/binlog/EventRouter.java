package dev.mysqlslice.daemon.binlog;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.GtidSet;
import com.github.shyiko.mysql.binlog.event.DeleteRowsEventData;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventData;
import com.github.shyiko.mysql.binlog.event.EventHeaderV4;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.GtidEventData;
import com.github.shyiko.mysql.binlog.event.MariadbGtidEventData;
import com.github.shyiko.mysql.binlog.event.QueryEventData;
import com.github.shyiko.mysql.binlog.event.RotateEventData;
import com.github.shyiko.mysql.binlog.event.TransactionPayloadEventData;
import com.github.shyiko.mysql.binlog.event.UpdateRowsEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import dev.mysqlslice.model.Key;
import java.io.Serializable;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns binlog events into dirty keys and transaction boundaries: row events of tracked tables
 * mark their keys, the end of a transaction (XID, COMMIT, a standalone statement) advances the
 * committed position, heartbeats advance it while idle, and DDL on a tracked table is reported so
 * its shape can be checked. The events of a MySQL transaction payload are routed in order, at the
 * payload's position. Whatever cannot be read key by key (undecodable rows, statement-format DML,
 * unknown event types, an incident, a failure while routing) marks the tables it may touch, all
 * tracked tables when they cannot be told, to be compared in full before the transaction's end is
 * recorded: the checkpoint never passes a change that was not accounted for. Runs on the binlog
 * client's thread.
 */
public final class EventRouter implements BinaryLogClient.EventListener {

    /** Told about things the daemon must act on or report outside the binlog thread. */
    public interface Listener {
        /** A DDL statement changed (or may have changed) a tracked table. */
        void ddl(String table);

        /** An UPDATE or DELETE hit a table synced as append-only. */
        void appendOnlyChanged(String table);

        /** Changes to these units could not be read key by key; they were marked to be compared in full. */
        void comparedInFull(Set<String> units, Unaccounted cause, String detail);
    }

    /** Where the router is in the binlog's transaction structure. */
    private enum State {
        /** Between transactions: heartbeats may advance the position. */
        IDLE,
        /** After a GTID event whose group is a single statement (DDL): the next statement ends it. */
        STATEMENT,
        /** Inside BEGIN ... XID/COMMIT (or a MariaDB transactional GTID group). */
        TRANSACTION
    }

    private static final Logger LOG = LoggerFactory.getLogger(EventRouter.class);

    private final TableTracker tables;
    private final ChangeSink dirty;
    private final Listener listener;
    private final Set<String> appendOnly;
    private final BinlogFaults faults;
    private final ParentChanges parents;
    private final Map<Long, String> gtidByDomain = new LinkedHashMap<>();
    private final AtomicLong eventsRead = new AtomicLong();
    private final AtomicLong rowsMarked = new AtomicLong();
    private volatile long lastEventNanos = System.nanoTime();
    private GtidSet mysqlGtids;
    private String file;
    private State state = State.IDLE;
    private String pendingGtid;
    private long pendingDomain;
    private String pendingMysqlGtid;

    /**
     * @param start      where the stream starts (file, and the GTIDs to continue from)
     * @param mysqlGtids whether to keep the MySQL GTID set of what was committed (following by GTID)
     * @param appendOnly tables synced as append-only
     * @param parents    told about changes of cascading foreign keys' parent tables
     */
    public EventRouter(TableTracker tables, ChangeSink dirty, Listener listener, BinlogPosition start,
                       boolean mysqlGtids, Set<String> appendOnly, BinlogFaults faults, ParentChanges parents) {
        this.parents = parents;
        this.tables = tables;
        this.dirty = dirty;
        this.listener = listener;
        this.appendOnly = Set.copyOf(appendOnly);
        this.faults = faults;
        this.file = start.file();
        start.gtids().filter(gtids -> gtids.matches("\\d+-\\d+-\\d+(,\\d+-\\d+-\\d+)*")).ifPresent(gtids -> {
            for (String gtid : gtids.split(",")) {
                gtidByDomain.put(Long.parseLong(gtid.substring(0, gtid.indexOf('-'))), gtid);
            }
        });
        if (mysqlGtids) {
            this.mysqlGtids = new GtidSet(start.gtids().filter(gtids -> gtids.contains(":")).orElse(""));
        }
    }

    public long eventsRead() {
        return eventsRead.get();
    }

    public long rowsMarked() {
        return rowsMarked.get();
    }

    /** When the last event (a heartbeat included) arrived, by {@link System#nanoTime()}. */
    public long lastEventNanos() {
        return lastEventNanos;
    }

    @Override
    public void onEvent(Event event) {
        eventsRead.incrementAndGet();
        lastEventNanos = System.nanoTime();
        EventHeaderV4 header = event.getHeader();
        try {
            faults.beforeRouting(event);
            route(event, header);
        } catch (RuntimeException e) {
            wholeForAll(Unaccounted.ROUTING_FAILURE, "routing " + header.getEventType() + " at " + at(header)
                    + " failed: " + RowsDecoder.describe(e));
        }
    }

    /**
     * An event the binlog client could not decode and skipped (it reports it separately): every
     * tracked table is compared in full; the transaction's end is recorded by the events after it.
     */
    public void undecodable(Exception error) {
        wholeForAll(Unaccounted.UNDECODABLE_EVENT, "an event after " + file + " could not be decoded ("
                + RowsDecoder.describe(error) + ")");
    }

    /** Routes one event; positions and times of transaction ends come from {@code boundary}. */
    private void route(Event event, EventHeaderV4 boundary) {
        EventType type = event.getHeader().getEventType();
        EventData data = event.getData();
        switch (type) {
            case ROTATE -> file = ((RotateEventData) data).getBinlogFilename();
            case MARIADB_GTID -> {
                MariadbGtidEventData gtid = (MariadbGtidEventData) data;
                pendingDomain = gtid.getDomainId();
                pendingGtid = gtid.getDomainId() + "-" + event.getHeader().getServerId() + "-" + gtid.getSequence();
                state = (gtid.getFlags() & MariadbGtidEventData.FL_STANDALONE) != 0 ? State.STATEMENT : State.TRANSACTION;
            }
            case GTID -> {
                pendingMysqlGtid = data instanceof GtidEventData gtid && gtid.getMySqlGtid() != null
                        ? gtid.getMySqlGtid().toString() : null;
                state = State.STATEMENT;
            }
            case ANONYMOUS_GTID -> state = State.STATEMENT;
            case WRITE_ROWS, EXT_WRITE_ROWS, UPDATE_ROWS, EXT_UPDATE_ROWS, DELETE_ROWS, EXT_DELETE_ROWS,
                 PARTIAL_UPDATE_ROWS_EVENT -> rows(data, boundary);
            case XID, XA_PREPARE -> commit(boundary);
            case QUERY -> query(data, boundary);
            case TRANSACTION_PAYLOAD -> payload((TransactionPayloadEventData) data, boundary);
            case HEARTBEAT -> {
                if (state == State.IDLE && boundary.getNextPosition() > 0) {
                    dirty.commit(position(boundary.getNextPosition()), dirty.committedEventTime());
                }
            }
            case INCIDENT -> wholeForAll(Unaccounted.INCIDENT, "the source wrote an INCIDENT event at " + at(boundary)
                    + ": it lost changes it could not log");
            case LOAD, CREATE_FILE, APPEND_BLOCK, EXEC_LOAD, DELETE_FILE, NEW_LOAD, BEGIN_LOAD_QUERY, EXECUTE_LOAD_QUERY ->
                    wholeForAll(Unaccounted.STATEMENT_FORMAT, "a statement-format LOAD DATA (" + type + ") at " + at(boundary));
            default -> {
                int raw = event.getHeader() instanceof RawTypeHeader header ? header.rawType() : -1;
                if (raw == EventTypeCodes.GTID_TAGGED) {
                    state = State.STATEMENT;
                } else if (!EventTypeCodes.carriesNoRows(type, raw)) {
                    wholeForAll(Unaccounted.UNKNOWN_EVENT, "event type " + type + " (code " + raw + ") at " + at(boundary));
                }
            }
        }
    }

    private void rows(EventData data, EventHeaderV4 boundary) {
        if (data instanceof WriteRowsEventData write) {
            write.getRows().forEach(row -> mark(write.getTableId(), row, write.getIncludedColumns(), null, null));
        } else if (data instanceof UpdateRowsEventData update) {
            parentUpdates(update);
            update.getRows().forEach(pair -> {
                mark(update.getTableId(), pair.getKey(), update.getIncludedColumnsBeforeUpdate(), null, null);
                // Under binlog_row_image=MINIMAL the after image holds only changed columns: an unchanged
                // key part comes from the before image.
                mark(update.getTableId(), pair.getValue(), update.getIncludedColumns(), pair.getKey(),
                        update.getIncludedColumnsBeforeUpdate());
            });
            warnIfAppendOnly(update.getTableId());
        } else if (data instanceof DeleteRowsEventData delete) {
            parentDeletes(delete);
            delete.getRows().forEach(row -> mark(delete.getTableId(), row, delete.getIncludedColumns(), null, null));
            warnIfAppendOnly(delete.getTableId());
        } else if (data instanceof UndecodedRows undecoded) {
            tables.mapped(undecoded.tableId()).map(TableTracker.Mapped::table).filter(parents.parents()::contains)
                    .ifPresent(parents::unreadable);
            tables.mapped(undecoded.tableId()).flatMap(mapped -> tables.tracked(mapped.table())).ifPresent(tracked -> {
                dirty.markWhole(tracked.dirtyAs());
                listener.comparedInFull(Set.of(tracked.dirtyAs()), undecoded.reason().startsWith("a partial JSON")
                        ? Unaccounted.PARTIAL_JSON : Unaccounted.UNDECODABLE_ROWS, tracked.table() + ": "
                        + undecoded.reason() + " at " + at(boundary));
            });
        } else if (data instanceof UndecodedEvent undecoded) {
            wholeForAll(Unaccounted.UNDECODABLE_EVENT, undecoded.reason() + " at " + at(boundary));
        }
    }

    private void query(EventData data, EventHeaderV4 boundary) {
        if (data instanceof UndecodedEvent undecoded) {
            wholeForAll(Unaccounted.UNDECODABLE_EVENT, undecoded.reason() + " at " + at(boundary));
            if (state != State.TRANSACTION) {
                commit(boundary);
            }
            return;
        }
        QueryEventData query = (QueryEventData) data;
        String sql = query.getSql() == null ? "" : query.getSql().strip();
        switch (StatementKind.of(sql)) {
            case BEGIN -> state = State.TRANSACTION;
            case END -> commit(boundary);
            case INSIDE -> {
                // A savepoint: part of the open transaction.
            }
            case DATA_CHANGE -> {
                statementChange(sql, query.getDatabase(), boundary);
                if (state != State.TRANSACTION) {
                    commit(boundary);
                }
            }
            case OTHER -> {
                for (String table : DdlDetector.tablesTouched(sql, query.getDatabase(), tables.database(), tables.names())) {
                    tables.forgetShape(table);
                    tables.tracked(table).ifPresent(tracked -> dirty.markRewritten(tracked.dirtyAs()));
                    listener.ddl(table);
                }
                if (state != State.TRANSACTION) {
                    commit(boundary);
                }
            }
        }
    }

    /** A data change written as a statement: the tables it names, or every tracked table when that cannot be told. */
    private void statementChange(String sql, String sessionDatabase, EventHeaderV4 boundary) {
        Set<String> named = DdlDetector.tablesNamed(sql, sessionDatabase, tables.database(), tables.names());
        String detail = "a data change written as a statement (binlog_format=STATEMENT or MIXED in that session) at "
                + at(boundary);
        if (StatementKind.namesWhatItWrites(sql) && !named.isEmpty()) {
            Set<String> units = new LinkedHashSet<>();
            named.forEach(table -> tables.tracked(table).ifPresent(tracked -> units.add(tracked.dirtyAs())));
            units.forEach(dirty::markWhole);
            listener.comparedInFull(units, Unaccounted.STATEMENT_FORMAT, String.join(", ", named) + ": " + detail);
        } else if (!StatementKind.namesWhatItWrites(sql)
                || DdlDetector.mayTouchDatabase(sql, sessionDatabase, tables.database())) {
            wholeForAll(Unaccounted.STATEMENT_FORMAT, detail + " that may write any tracked table");
        }
    }

    private void payload(TransactionPayloadEventData payload, EventHeaderV4 boundary) {
        if (payload instanceof PayloadDecoder.UndecodedPayload undecoded) {
            wholeForAll(Unaccounted.UNDECODABLE_EVENT, undecoded.reason() + " at " + at(boundary));
            commit(boundary);
            return;
        }
        for (Event inner : payload.getUncompressedEvents()) {
            route(inner, boundary);
        }
        // A payload holds one whole transaction; its end is the payload's end.
        if (state != State.IDLE) {
            commit(boundary);
        }
    }

    private void parentDeletes(DeleteRowsEventData delete) {
        Optional<TableTracker.Mapped> mapped = tables.mapped(delete.getTableId())
                .filter(table -> parents.parents().contains(table.table()));
        mapped.ifPresent(table -> delete.getRows().forEach(row -> parents.deleted(table.table(), row,
                delete.getIncludedColumns(), table.columns())));
    }

    private void parentUpdates(UpdateRowsEventData update) {
        Optional<TableTracker.Mapped> mapped = tables.mapped(update.getTableId())
                .filter(table -> parents.parents().contains(table.table()));
        mapped.ifPresent(table -> update.getRows().forEach(pair -> parents.updated(table.table(), pair.getKey(),
                update.getIncludedColumnsBeforeUpdate(), pair.getValue(), update.getIncludedColumns(), table.columns())));
    }

    private void mark(long tableId, Serializable[] row, BitSet included, Serializable[] before, BitSet beforeIncluded) {
        Optional<TableTracker.Mapped> mapped = tables.mapped(tableId);
        if (mapped.isEmpty()) {
            return;
        }
        Optional<TableTracker.Tracked> tracked = tables.tracked(mapped.get().table());
        if (tracked.isEmpty()) {
            return;
        }
        rowsMarked.incrementAndGet();
        KeyExtractor extractor = tracked.get().extractor();
        int columns = mapped.get().columns();
        Optional<Key> key = !tracked.get().shapeKnown() ? Optional.empty() : before == null
                ? extractor.keyOf(row, included, columns) : extractor.keyOf(row, included, before, beforeIncluded, columns);
        key.ifPresent(value -> dirty.noteRow(tracked.get().table(), value));
        if (tracked.get().marksWhole() || key.isEmpty()) {
            dirty.markWhole(tracked.get().dirtyAs());
        } else if (tracked.get().slice()) {
            dirty.markMember(tracked.get().dirtyAs(), tracked.get().table(), key.get());
        } else {
            dirty.mark(tracked.get().table(), key.get());
        }
    }

    private void warnIfAppendOnly(long tableId) {
        tables.mapped(tableId).map(TableTracker.Mapped::table).filter(appendOnly::contains)
                .ifPresent(listener::appendOnlyChanged);
    }

    private void wholeForAll(Unaccounted cause, String detail) {
        Set<String> units = tables.units();
        units.forEach(dirty::markWhole);
        listener.comparedInFull(units, cause, detail);
    }

    private void commit(EventHeaderV4 boundary) {
        if (pendingGtid != null) {
            gtidByDomain.put(pendingDomain, pendingGtid);
            pendingGtid = null;
        }
        if (pendingMysqlGtid != null && mysqlGtids != null) {
            try {
                mysqlGtids.add(pendingMysqlGtid);
            } catch (RuntimeException e) {
                LOG.warn("cannot keep track of the GTID {} ({}); positions are kept by file and position from now on",
                        pendingMysqlGtid, RowsDecoder.describe(e));
                mysqlGtids = null;
            }
        }
        pendingMysqlGtid = null;
        state = State.IDLE;
        dirty.commit(position(boundary.getNextPosition()), boundary.getTimestamp());
    }

    private String at(EventHeaderV4 header) {
        return file + ":" + Math.max(0, header.getNextPosition() - header.getEventLength());
    }

    private BinlogPosition position(long nextPosition) {
        BinlogPosition position = BinlogPosition.of(file, nextPosition);
        if (!gtidByDomain.isEmpty()) {
            return position.withGtids(String.join(",", gtidByDomain.values()));
        }
        return mysqlGtids == null ? position : position.withGtids(mysqlGtids.toString());
    }
}
