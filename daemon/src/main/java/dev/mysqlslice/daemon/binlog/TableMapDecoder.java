package dev.mysqlslice.daemon.binlog;

import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.TableMapEventDataDeserializer;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads TABLE_MAP events and records each table id in the {@link TableTracker} at once, before the
 * rows events that follow are read (inside a MySQL transaction payload too). A map the library
 * cannot read (e.g. a MySQL multi-valued index, column type 20) still names its table: the id is
 * recorded as unreadable, so that table's rows become "compare it in full", never "not tracked".
 */
final class TableMapDecoder implements EventDataDeserializer<TableMapEventData> {

    private final TableMapEventDataDeserializer library = new TableMapEventDataDeserializer();
    private final TableTracker tables;

    TableMapDecoder(TableTracker tables) {
        this.tables = tables;
    }

    @Override
    public TableMapEventData deserialize(ByteArrayInputStream input) throws IOException {
        byte[] body = input.read(input.available());
        try {
            TableMapEventData data = library.deserialize(new ByteArrayInputStream(body));
            tables.onTableMap(data.getTableId(), data.getDatabase(), data.getTable(), data.getColumnTypes().length,
                    Optional.empty());
            return data;
        } catch (IOException | RuntimeException e) {
            TableMapEventData names = names(body);
            tables.onTableMap(names.getTableId(), names.getDatabase(), names.getTable(), 0,
                    Optional.of(RowsDecoder.describe(e)));
            return names;
        }
    }

    /** Table id, database and table name: the fixed start of every table map. */
    private static TableMapEventData names(byte[] body) throws IOException {
        ByteArrayInputStream input = new ByteArrayInputStream(body);
        TableMapEventData data = new TableMapEventData();
        data.setTableId(input.readLong(6));
        input.skip(2);
        int databaseLength = input.readInteger(1);
        data.setDatabase(input.readString(databaseLength));
        input.skip(1);
        int tableLength = input.readInteger(1);
        data.setTable(input.readString(tableLength));
        data.setColumnTypes(new byte[0]);
        data.setColumnMetadata(new int[0]);
        return data;
    }
}
