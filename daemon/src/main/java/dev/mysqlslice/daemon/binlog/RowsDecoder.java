package dev.mysqlslice.daemon.binlog;

import com.github.shyiko.mysql.binlog.event.EventData;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDataDeserializer;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads a rows event's table id first. Rows of tables nobody decodes are skipped unread; those of
 * decoded tables are inflated when MariaDB compressed them and handed to the library's own
 * deserializer. Whatever cannot be decoded (an unreadable table map, a failure in the library, a
 * type it has no deserializer for) becomes {@link UndecodedRows} for that table instead of an
 * exception, which the binlog client would log and skip.
 */
final class RowsDecoder implements EventDataDeserializer<EventData> {

    private static final int TABLE_ID_BYTES = 6;

    private final EventType type;
    private final Optional<EventDataDeserializer<?>> library;
    private final TableTracker tables;
    private final Supplier<RawTypeHeader> header;

    /**
     * @param type    the plain type this decoder reads (compressed events arrive as it)
     * @param library the library's deserializer; empty when it has none (the table is then compared in full)
     * @param header  the header of the event being read
     */
    RowsDecoder(EventType type, Optional<EventDataDeserializer<?>> library, TableTracker tables,
                Supplier<RawTypeHeader> header) {
        this.type = type;
        this.library = library;
        this.tables = tables;
        this.header = header;
    }

    @Override
    public EventData deserialize(ByteArrayInputStream input) throws IOException {
        byte[] body = input.read(input.available());
        if (body.length < TABLE_ID_BYTES) {
            return new UndecodedEvent(type + " event of " + body.length + " bytes is too short to name its table");
        }
        long id = tableId(body);
        Optional<TableTracker.Mapped> mapped = tables.mapped(id);
        if (mapped.isEmpty()) {
            return SkippedRows.INSTANCE;
        }
        if (mapped.get().unreadable().isPresent()) {
            return new UndecodedRows(id, "its table map could not be read (" + mapped.get().unreadable().get() + ")");
        }
        if (library.isEmpty()) {
            return new UndecodedRows(id, type == EventType.PARTIAL_UPDATE_ROWS_EVENT
                    ? "a partial JSON update (binlog_row_value_options=PARTIAL_JSON) cannot be decoded"
                    : "no decoder for " + type);
        }
        try {
            RawTypeHeader current = header.get();
            byte[] plain = current != null && current.compressed() ? inflate(body) : body;
            return library.get().deserialize(new ByteArrayInputStream(plain));
        } catch (IOException | RuntimeException e) {
            return new UndecodedRows(id, "the " + type + " event could not be decoded (" + describe(e) + ")");
        }
    }

    /** Table id, flags, (v2) extra data, column count and bitmaps stay; the row data after them is inflated. */
    private byte[] inflate(byte[] body) throws IOException {
        int at = TABLE_ID_BYTES + 2;
        if (type == EventType.EXT_WRITE_ROWS || type == EventType.EXT_UPDATE_ROWS || type == EventType.EXT_DELETE_ROWS) {
            at += Math.max(2, (body[at] & 0xff) | (body[at + 1] & 0xff) << 8);
        }
        int first = body[at] & 0xff;
        long columns;
        int width;
        if (first < 251) {
            columns = first;
            width = 1;
        } else if (first == 252) {
            columns = (body[at + 1] & 0xff) | (body[at + 2] & 0xff) << 8;
            width = 3;
        } else if (first == 253) {
            columns = (body[at + 1] & 0xff) | (body[at + 2] & 0xff) << 8 | (body[at + 3] & 0xff) << 16;
            width = 4;
        } else {
            throw new IOException("column count has an unexpected first byte " + first);
        }
        at += width;
        int bitmap = (int) ((columns + 7) / 8);
        at += type == EventType.UPDATE_ROWS || type == EventType.EXT_UPDATE_ROWS ? 2 * bitmap : bitmap;
        if (at > body.length) {
            throw new IOException("compressed rows event is shorter than its column bitmaps");
        }
        byte[] rows = MariadbCompression.inflate(body, at, body.length);
        byte[] plain = new byte[at + rows.length];
        System.arraycopy(body, 0, plain, 0, at);
        System.arraycopy(rows, 0, plain, at, rows.length);
        return plain;
    }

    static long tableId(byte[] body) {
        long id = 0;
        for (int i = TABLE_ID_BYTES - 1; i >= 0; i--) {
            id = (id << 8) | (body[i] & 0xff);
        }
        return id;
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message.strip().split("\\R", 2)[0]);
    }
}
