package dev.mysqlslice.hash;

import dev.mysqlslice.model.Bytes;
import dev.mysqlslice.model.Key;
import java.util.LinkedHashMap;
import java.util.Map;

/** Each row's key and hash in some ranges on one server, in key order. */
public record RowHashes(Map<Key, Bytes> rows) {

    public static RowHashes empty() {
        return new RowHashes(new LinkedHashMap<>());
    }

    public int size() {
        return rows.size();
    }
}
