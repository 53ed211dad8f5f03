package dev.mysqlslice.daemon.binlog;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.shyiko.mysql.binlog.BinaryLogFileReader;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDataDeserializer;
import dev.mysqlslice.daemon.dirty.DirtyTracker;
import dev.mysqlslice.daemon.dirty.TableChange;
import dev.mysqlslice.model.Column;
import dev.mysqlslice.model.ColumnKind;
import dev.mysqlslice.model.Key;
import dev.mysqlslice.model.KeyRange;
import dev.mysqlslice.model.TableShape;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Routes recorded binlogs (MySQL compressed transactions, MariaDB compressed events) into dirty keys. */
class EventRouterTest {

    /** What the router told its listener. */
    private static final class Heard implements EventRouter.Listener {
        final List<String> ddl = new ArrayList<>();
        final List<String> inFull = new ArrayList<>();

        @Override
        public void ddl(String table) {
            ddl.add(table);
        }

        @Override
        public void appendOnlyChanged(String table) {
        }

        @Override
        public void comparedInFull(Set<String> units, Unaccounted cause, String detail) {
            inFull.add(cause + " " + units + ": " + detail);
        }
    }

    @Test
    void theRowsInsideAMysqlTransactionPayloadAreMarkedAndItsEndIsTheCommit() throws IOException {
        TableShape movies = shape("movies", 11);
        Heard heard = new Heard();
        DirtyTracker dirty = route("/binlogs/mysql-8.0.28-transaction-payload.bin", "demo", movies, heard,
                BinlogFaults.NONE, event -> true);

        DirtyTracker.Drained drained = dirty.drain();
        assertThat(drained.changes()).containsExactly(Map.entry("movies", ranges(1)));
        // The XID is inside the payload: the transaction ends where the payload ends.
        assertThat(drained.position()).map(BinlogPosition::position).contains(724L);
        assertThat(heard.inFull).isEmpty();
    }

    @Test
    void mariadbCompressedRowsAreInflatedAndAStatementFormatChangeIsComparedInFull() throws IOException {
        TableShape item = shape("item", 3);
        Heard heard = new Heard();
        DirtyTracker created = route("/binlogs/mariadb-10.11-log-bin-compress.bin", "shop", item, heard,
                BinlogFaults.NONE, event -> event.getHeader() instanceof com.github.shyiko.mysql.binlog.event.EventHeaderV4
                        header && header.getNextPosition() <= 846);
        // CREATE TABLE item (a compressed QUERY) is DDL on a tracked table.
        assertThat(heard.ddl).containsExactly("item");
        assertThat(created.drain().changes()).containsExactly(Map.entry("item", new TableChange.Rewritten()));

        DirtyTracker dirty = route("/binlogs/mariadb-10.11-log-bin-compress.bin", "shop", item, heard, BinlogFaults.NONE,
                event -> event.getHeader() instanceof com.github.shyiko.mysql.binlog.event.EventHeaderV4 header
                        && header.getNextPosition() <= 1643, 846);
        DirtyTracker.Drained rows = dirty.drain();
        // Compressed WRITE (1, 2, 3), UPDATE (2) and DELETE (3) rows, inflated: keys, not the whole table.
        assertThat(rows.changes()).containsExactly(Map.entry("item", ranges(1, 3)));
        assertThat(rows.position()).map(BinlogPosition::toString).contains("binlog.000002:1643 (gtid 0-1-12)");
        assertThat(heard.inFull).isEmpty();

        DirtyTracker all = route("/binlogs/mariadb-10.11-log-bin-compress.bin", "shop", item, heard, BinlogFaults.NONE,
                event -> true, 1643);
        DirtyTracker.Drained statement = all.drain();
        assertThat(statement.changes()).containsExactly(Map.entry("item", new TableChange.Whole()));
        assertThat(statement.position()).map(BinlogPosition::position).contains(1861L);
        assertThat(heard.inFull).singleElement().asString()
                .startsWith("STATEMENT_FORMAT [item]: item: a data change written as a statement")
                .contains("binlog.000002:1685");
    }

    @Test
    void aRowsEventTheLibraryCannotDecodeMarksItsTableWholeBeforeTheCommit() throws IOException {
        TableShape item = shape("item", 3);
        Heard heard = new Heard();
        BinlogFaults failingUpdates = new BinlogFaults() {
            @Override
            public EventDataDeserializer<?> rows(EventType type, EventDataDeserializer<?> library) {
                return type == EventType.UPDATE_ROWS ? input -> {
                    throw new IllegalStateException("injected");
                } : library;
            }
        };
        DirtyTracker dirty = route("/binlogs/mariadb-10.11-log-bin-compress.bin", "shop", item, heard, failingUpdates,
                event -> event.getHeader() instanceof com.github.shyiko.mysql.binlog.event.EventHeaderV4 header
                        && header.getNextPosition() <= 1412, 846);

        DirtyTracker.Drained drained = dirty.drain();
        assertThat(drained.changes()).containsExactly(Map.entry("item", new TableChange.Whole()));
        assertThat(drained.position()).map(BinlogPosition::position).contains(1412L);
        assertThat(heard.inFull).singleElement().asString().startsWith("UNDECODABLE_ROWS [item]: item: the UPDATE_ROWS"
                + " event could not be decoded (IllegalStateException: injected) at binlog.000002:1319");
    }

    @Test
    void aFailureWhileRoutingMarksEveryTrackedTableWhole() throws IOException {
        TableShape item = shape("item", 3);
        Heard heard = new Heard();
        BinlogFaults failingRouting = new BinlogFaults() {
            @Override
            public void beforeRouting(Event event) {
                if (event.getHeader().getEventType() == EventType.DELETE_ROWS) {
                    throw new IllegalStateException("injected");
                }
            }
        };
        DirtyTracker dirty = route("/binlogs/mariadb-10.11-log-bin-compress.bin", "shop", item, heard, failingRouting,
                event -> event.getHeader() instanceof com.github.shyiko.mysql.binlog.event.EventHeaderV4 header
                        && header.getNextPosition() <= 1643, 846);

        assertThat(dirty.drain().changes()).containsExactly(Map.entry("item", new TableChange.Whole()));
        assertThat(heard.inFull).singleElement().asString().startsWith("ROUTING_FAILURE [item]: routing DELETE_ROWS");
    }

    private static DirtyTracker route(String resource, String database, TableShape shape, EventRouter.Listener listener,
                                      BinlogFaults faults, Predicate<Event> upTo) throws IOException {
        return route(resource, database, shape, listener, faults, upTo, 0);
    }

    /** Reads every event up to {@code upTo}, routes those that end after {@code routeAfter}. */
    private static DirtyTracker route(String resource, String database, TableShape shape, EventRouter.Listener listener,
                                      BinlogFaults faults, Predicate<Event> upTo, long routeAfter) throws IOException {
        TableTracker tables = new TableTracker(database);
        tables.track(new TableTracker.Tracked(shape.name(), shape.name(), KeyExtractor.of(shape), true, false));
        DirtyTracker dirty = new DirtyTracker(Map.of(shape.name(), new DirtyTracker.TableSpec(true, false, 1000)));
        EventRouter.Listener retracking = new EventRouter.Listener() {
            @Override
            public void ddl(String table) {
                // As the daemon does once it has read the table's shape again.
                tables.track(new TableTracker.Tracked(shape.name(), shape.name(), KeyExtractor.of(shape), true, false));
                listener.ddl(table);
            }

            @Override
            public void appendOnlyChanged(String table) {
                listener.appendOnlyChanged(table);
            }

            @Override
            public void comparedInFull(Set<String> units, Unaccounted cause, String detail) {
                listener.comparedInFull(units, cause, detail);
            }
        };
        EventRouter router = new EventRouter(tables, dirty, retracking, BinlogPosition.of("binlog.000002", 4), false,
                Set.of(), faults, ParentChanges.NONE);
        try (InputStream in = EventRouterTest.class.getResourceAsStream(resource)) {
            BinaryLogFileReader reader = new BinaryLogFileReader(in, BinlogDeserializer.create(tables, faults));
            for (Event event = reader.readEvent(); event != null && upTo.test(event); event = reader.readEvent()) {
                if (event.getData() instanceof com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer
                        .EventDataWrapper wrapper) {
                    event = new Event(event.getHeader(), wrapper.getExternal());
                }
                if (!(event.getHeader() instanceof com.github.shyiko.mysql.binlog.event.EventHeaderV4 header)
                        || header.getNextPosition() > routeAfter) {
                    router.onEvent(event);
                }
            }
        }
        return dirty;
    }

    /** A table whose first column is an INT primary key, followed by other columns. */
    private static TableShape shape(String name, int columns) {
        List<Column> list = new ArrayList<>();
        list.add(new Column("id", "int(11)", ColumnKind.of("int", "int(11)"), false, false, Optional.empty(), Optional.empty()));
        for (int i = 1; i < columns; i++) {
            list.add(new Column("c" + i, "varchar(100)", ColumnKind.of("varchar", "varchar(100)"), true, false,
                    Optional.of("utf8mb4"), Optional.of("utf8mb4_general_ci")));
        }
        return new TableShape(name, list, List.of("id"), "PRIMARY");
    }

    private static TableChange ranges(long from, long to) {
        return new TableChange.Ranges(List.of(KeyRange.closed(Key.of(from), Key.of(to))));
    }

    private static TableChange ranges(long key) {
        return ranges(key, key);
    }
}
