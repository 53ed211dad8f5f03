package dev.mysqlslice.transfer;

import dev.mysqlslice.model.Key;
import dev.mysqlslice.model.KeyType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Walks the rows of a {@link dev.mysqlslice.sql.CopySql#select} result, remembering the last key
 * so the next page can continue after it, and counting rows and bytes.
 */
public final class RowCursor {

    private final ResultSet rows;
    private final int storedColumns;
    private final List<KeyType> keyTypes;
    private RawRow last;
    private long count;
    private long bytes;

    public RowCursor(ResultSet rows, int storedColumns, List<KeyType> keyTypes) {
        this.rows = rows;
        this.storedColumns = storedColumns;
        this.keyTypes = keyTypes;
    }

    /** The next row, or {@code null} at the end. */
    public RawRow next() throws SQLException {
        if (!rows.next()) {
            return null;
        }
        byte[][] values = new byte[storedColumns][];
        for (int i = 0; i < storedColumns; i++) {
            values[i] = rows.getBytes(i + 1);
        }
        byte[][] key = new byte[keyTypes.size()][];
        for (int i = 0; i < key.length; i++) {
            key[i] = rows.getBytes(storedColumns + i + 1);
        }
        last = new RawRow(values, key);
        count++;
        bytes += last.size();
        return last;
    }

    public long count() {
        return count;
    }

    public long bytes() {
        return bytes;
    }

    /** The key of the last row read, or {@code null} before the first. */
    public Key lastKey() {
        return last == null ? null : last.key(keyTypes);
    }
}
