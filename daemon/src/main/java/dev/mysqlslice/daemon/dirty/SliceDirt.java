package dev.mysqlslice.daemon.dirty;

import dev.mysqlslice.model.Key;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The changed rows of one slice's tables, by table, while there are few; past
 * {@link #MAX_KEYS} it only says the slice changed (it is then rebuilt). Not thread-safe;
 * {@link DirtyTracker} guards it.
 */
final class SliceDirt {

    static final int MAX_KEYS = TableDirt.MAX_ENTRIES;

    private final Map<String, Set<Key>> keys = new LinkedHashMap<>();
    private int size;
    private boolean overflowed;

    void add(String table, Key key) {
        if (overflowed) {
            return;
        }
        if (keys.computeIfAbsent(table, name -> new LinkedHashSet<>()).add(key)) {
            size++;
        }
        if (size > MAX_KEYS) {
            overflowed = true;
            keys.clear();
        }
    }

    boolean isEmpty() {
        return !overflowed && size == 0;
    }

    boolean overflowed() {
        return overflowed;
    }

    int size() {
        return overflowed ? 1 : size;
    }

    Map<String, List<Key>> keys() {
        Map<String, List<Key>> lists = new LinkedHashMap<>();
        keys.forEach((table, tableKeys) -> lists.put(table, List.copyOf(tableKeys)));
        return lists;
    }
}
