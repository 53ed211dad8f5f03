package dev.mysqlslice.daemon.binlog;

import com.github.shyiko.mysql.binlog.event.EventData;
import com.github.shyiko.mysql.binlog.event.QueryEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.QueryEventDataDeserializer;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Reads QUERY events, inflating MariaDB's QUERY_COMPRESSED_EVENT first (its statement text is
 * compressed, everything before it is not). A statement that cannot be read becomes an
 * {@link UndecodedEvent}: it may have been DDL or statement-format DML on any table.
 */
final class QueryDecoder implements EventDataDeserializer<EventData> {

    private final QueryEventDataDeserializer library = new QueryEventDataDeserializer();
    private final Supplier<RawTypeHeader> header;

    QueryDecoder(Supplier<RawTypeHeader> header) {
        this.header = header;
    }

    @Override
    public EventData deserialize(ByteArrayInputStream input) throws IOException {
        byte[] body = input.read(input.available());
        try {
            RawTypeHeader current = header.get();
            if (current == null || !current.compressed()) {
                return library.deserialize(new ByteArrayInputStream(body));
            }
            return compressed(body);
        } catch (IOException | RuntimeException e) {
            return new UndecodedEvent("a QUERY event could not be decoded (" + RowsDecoder.describe(e) + ")");
        }
    }

    /** Thread id, time, database length, error code, status variables, database, then the compressed text. */
    private static QueryEventData compressed(byte[] body) throws IOException {
        ByteArrayInputStream input = new ByteArrayInputStream(body);
        QueryEventData data = new QueryEventData();
        data.setThreadId(input.readLong(4));
        data.setExecutionTime(input.readLong(4));
        int databaseLength = input.readInteger(1);
        data.setErrorCode(input.readInteger(2));
        int statusLength = input.readInteger(2);
        input.skip(statusLength);
        data.setDatabase(new String(input.read(databaseLength), StandardCharsets.UTF_8));
        input.skip(1);
        int textStart = 13 + statusLength + databaseLength + 1;
        data.setSql(new String(MariadbCompression.inflate(body, textStart, body.length), StandardCharsets.UTF_8));
        return data;
    }
}
