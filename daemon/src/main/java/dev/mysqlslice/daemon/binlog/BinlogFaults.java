package dev.mysqlslice.daemon.binlog;

import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDataDeserializer;

/**
 * A seam for fault-injection tests: lets a test make decoding or routing fail on purpose, to prove
 * that a failure turns into "compare the table in full" and never into a skipped change.
 * Production uses {@link #NONE}.
 */
public interface BinlogFaults {

    BinlogFaults NONE = new BinlogFaults() {
    };

    /** The deserializer used for row events of {@code type} (the library's, unless a test wraps it). */
    default EventDataDeserializer<?> rows(EventType type, EventDataDeserializer<?> library) {
        return library;
    }

    /** Called before each event is routed; a test may throw here. */
    default void beforeRouting(Event event) {
    }
}
