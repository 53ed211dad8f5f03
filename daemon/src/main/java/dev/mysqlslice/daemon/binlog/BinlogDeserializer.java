package dev.mysqlslice.daemon.binlog;

import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.NullEventDataDeserializer;
import java.util.List;
import java.util.Optional;

/**
 * Builds the deserializer the daemon reads the binlog with. Temporal values as microseconds,
 * strings and binary values as raw bytes; TABLE_MAP read by {@link TableMapDecoder}; rows events
 * (plain, MariaDB-compressed, MySQL partial JSON) by {@link RowsDecoder}; QUERY by
 * {@link QueryDecoder}; MySQL transaction payloads by {@link PayloadDecoder} with an inner
 * deserializer built the same way. No decoder throws: what cannot be read becomes data that says
 * so, for the router to turn into whole-table comparisons.
 */
public final class BinlogDeserializer {

    private static final List<EventType> ROW_EVENTS = List.of(EventType.WRITE_ROWS, EventType.EXT_WRITE_ROWS,
            EventType.UPDATE_ROWS, EventType.EXT_UPDATE_ROWS, EventType.DELETE_ROWS, EventType.EXT_DELETE_ROWS);

    private BinlogDeserializer() {
    }

    /** The stream's deserializer; table ids are recorded in {@code tables} as their maps are read. */
    public static EventDeserializer create(TableTracker tables, BinlogFaults faults) {
        EventDeserializer deserializer = build(tables, faults);
        deserializer.setEventDataDeserializer(EventType.TRANSACTION_PAYLOAD, new PayloadDecoder(build(tables, faults)));
        return deserializer;
    }

    private static EventDeserializer build(TableTracker tables, BinlogFaults faults) {
        RawTypeHeaderDeserializer headers = new RawTypeHeaderDeserializer();
        EventDeserializer deserializer = new EventDeserializer(headers, new NullEventDataDeserializer());
        deserializer.setCompatibilityMode(EventDeserializer.CompatibilityMode.DATE_AND_TIME_AS_LONG_MICRO,
                EventDeserializer.CompatibilityMode.CHAR_AND_BINARY_AS_BYTE_ARRAY,
                EventDeserializer.CompatibilityMode.INVALID_DATE_AND_TIME_AS_MIN_VALUE);
        // A wrapper of our own, so the library keeps our TableMapEventData for its row decoding and
        // does not run its own table-map reader (which fails on column types it does not know).
        deserializer.setEventDataDeserializer(EventType.TABLE_MAP, new EventDeserializer.EventDataWrapper.Deserializer(
                new TableMapDecoder(tables), new NullEventDataDeserializer()));
        for (EventType type : ROW_EVENTS) {
            EventDataDeserializer<?> library = faults.rows(type, deserializer.getEventDataDeserializer(type));
            deserializer.setEventDataDeserializer(type, new RowsDecoder(type, Optional.of(library), tables, headers::current));
        }
        deserializer.setEventDataDeserializer(EventType.PARTIAL_UPDATE_ROWS_EVENT,
                new RowsDecoder(EventType.PARTIAL_UPDATE_ROWS_EVENT, Optional.empty(), tables, headers::current));
        deserializer.setEventDataDeserializer(EventType.QUERY, new QueryDecoder(headers::current));
        return deserializer;
    }
}
