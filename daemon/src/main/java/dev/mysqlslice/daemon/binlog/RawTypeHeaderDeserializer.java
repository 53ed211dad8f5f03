package dev.mysqlslice.daemon.binlog;

import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.deserialization.EventHeaderDeserializer;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads v4 event headers into {@link RawTypeHeader}s. A MariaDB compressed event gets its plain
 * type (so the library hands it to the plain type's data deserializer) and is flagged compressed;
 * that deserializer, called right after on the same thread, asks {@link #current()} whether to
 * inflate first.
 */
final class RawTypeHeaderDeserializer implements EventHeaderDeserializer<RawTypeHeader> {

    private RawTypeHeader current;

    @Override
    public RawTypeHeader deserialize(ByteArrayInputStream input) throws IOException {
        RawTypeHeader header = new RawTypeHeader();
        header.setTimestamp(input.readLong(4) * 1000L);
        int code = input.readInteger(1);
        Optional<EventType> plain = EventTypeCodes.plainTypeOfCompressed(code);
        EventType named = EventType.byEventNumber(code);
        header.setEventType(plain.orElse(named == null ? EventType.UNKNOWN : named));
        header.setRawType(code, plain.isPresent());
        header.setServerId(input.readLong(4));
        header.setEventLength(input.readLong(4));
        header.setNextPosition(input.readLong(4));
        header.setFlags(input.readInteger(2));
        current = header;
        return header;
    }

    /** The header of the event whose data is being read now. */
    RawTypeHeader current() {
        return current;
    }
}
