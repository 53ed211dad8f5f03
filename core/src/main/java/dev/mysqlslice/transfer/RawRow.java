package dev.mysqlslice.transfer;

import dev.mysqlslice.jdbc.KeyCodec;
import dev.mysqlslice.model.Key;
import dev.mysqlslice.model.KeyType;
import java.util.ArrayList;
import java.util.List;

/**
 * One row exactly as the source sent it: the stored columns' bytes ({@code null} for NULL) and
 * the key columns' bytes, decoded into a {@link Key} only when needed.
 */
public record RawRow(byte[][] values, byte[][] keyBytes) {

    public Key key(List<KeyType> types) {
        List<Object> parts = new ArrayList<>(types.size());
        for (int i = 0; i < types.size(); i++) {
            parts.add(KeyCodec.decode(keyBytes[i], types.get(i)));
        }
        return new Key(parts);
    }

    /** The bytes of the stored values, for the bytes-read counter. */
    public long size() {
        long size = 0;
        for (byte[] value : values) {
            size += value == null ? 1 : value.length;
        }
        return size;
    }
}
