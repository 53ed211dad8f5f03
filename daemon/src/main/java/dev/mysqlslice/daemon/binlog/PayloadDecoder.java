package dev.mysqlslice.daemon.binlog;

import com.github.luben.zstd.Zstd;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.TransactionPayloadEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;

/**
 * Reads MySQL's TRANSACTION_PAYLOAD event ({@code binlog_transaction_compression=ON}): a header of
 * (field type, length, value) triples, then the transaction's events, zstd-compressed. The inner
 * events are read with {@code inner}, a deserializer configured exactly like the stream's own
 * (same compatibility modes, same table filter, same fallbacks), because the library's own payload
 * reader uses a default one and its events never reach listeners. The router routes them in order.
 */
final class PayloadDecoder implements EventDataDeserializer<TransactionPayloadEventData> {

    private static final int END_MARK = 0;
    private static final int PAYLOAD_SIZE = 1;
    private static final int COMPRESSION_TYPE = 2;
    private static final int UNCOMPRESSED_SIZE = 3;
    private static final int ZSTD = 0;
    private static final int NONE = 255;

    private final EventDeserializer inner;

    PayloadDecoder(EventDeserializer inner) {
        this.inner = inner;
    }

    @Override
    public TransactionPayloadEventData deserialize(ByteArrayInputStream input) throws IOException {
        try {
            return decode(input);
        } catch (IOException | RuntimeException e) {
            return new UndecodedPayload("a TRANSACTION_PAYLOAD event could not be decoded (" + RowsDecoder.describe(e) + ")");
        }
    }

    private TransactionPayloadEventData decode(ByteArrayInputStream input) throws IOException {
        TransactionPayloadEventData data = new TransactionPayloadEventData();
        data.setCompressionType(ZSTD);
        while (input.available() > 0) {
            int field = input.readPackedInteger();
            if (field == END_MARK) {
                break;
            }
            int length = input.readPackedInteger();
            switch (field) {
                case PAYLOAD_SIZE -> data.setPayloadSize(input.readPackedInteger());
                case COMPRESSION_TYPE -> data.setCompressionType(input.readPackedInteger());
                case UNCOMPRESSED_SIZE -> data.setUncompressedSize(input.readPackedInteger());
                default -> input.skip(length);
            }
        }
        byte[] payload = input.read(data.getPayloadSize() > 0 ? data.getPayloadSize() : input.available());
        byte[] events = switch (data.getCompressionType()) {
            case ZSTD -> Zstd.decompress(payload, data.getUncompressedSize() > 0 ? data.getUncompressedSize()
                    : (int) Zstd.decompressedSize(payload));
            case NONE -> payload;
            default -> throw new IOException("unknown payload compression type " + data.getCompressionType());
        };
        ByteArrayInputStream stream = new ByteArrayInputStream(events);
        ArrayList<Event> list = new ArrayList<>();
        for (Event event = inner.nextEvent(stream); event != null; event = inner.nextEvent(stream)) {
            // The library reads the table maps of a payload itself and expects them unwrapped.
            list.add(event.getData() instanceof EventDeserializer.EventDataWrapper wrapper
                    ? new Event(event.getHeader(), wrapper.getInternal()) : event);
        }
        data.setUncompressedEvents(list);
        return data;
    }

    /** A payload that could not be read: its transaction's tables are unknown. */
    static final class UndecodedPayload extends TransactionPayloadEventData {
        private static final long serialVersionUID = 1L;

        private final String reason;

        UndecodedPayload(String reason) {
            this.reason = reason;
            setUncompressedEvents(new ArrayList<>());
        }

        String reason() {
            return reason;
        }
    }
}
