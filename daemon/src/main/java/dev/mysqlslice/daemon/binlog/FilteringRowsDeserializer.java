package dev.mysqlslice.daemon.binlog;

import com.github.shyiko.mysql.binlog.event.EventData;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDataDeserializer;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.function.LongPredicate;

/**
 * Reads a rows event's table id first; the rows of untracked tables are skipped without being
 * decoded, those of tracked tables go to the library's own deserializer.
 */
final class FilteringRowsDeserializer implements EventDataDeserializer<EventData> {

    private static final int TABLE_ID_BYTES = 6;

    private final EventDataDeserializer<?> delegate;
    private final LongPredicate tracked;

    FilteringRowsDeserializer(EventDataDeserializer<?> delegate, LongPredicate tracked) {
        this.delegate = delegate;
        this.tracked = tracked;
    }

    @Override
    public EventData deserialize(ByteArrayInputStream input) throws IOException {
        byte[] tableId = input.read(TABLE_ID_BYTES);
        long id = 0;
        for (int i = TABLE_ID_BYTES - 1; i >= 0; i--) {
            id = (id << 8) | (tableId[i] & 0xff);
        }
        if (!tracked.test(id)) {
            input.skipToTheEndOfTheBlock();
            return SkippedRows.INSTANCE;
        }
        byte[] rest = input.read(input.available());
        byte[] body = new byte[TABLE_ID_BYTES + rest.length];
        System.arraycopy(tableId, 0, body, 0, TABLE_ID_BYTES);
        System.arraycopy(rest, 0, body, TABLE_ID_BYTES, rest.length);
        return delegate.deserialize(new ByteArrayInputStream(body));
    }
}
