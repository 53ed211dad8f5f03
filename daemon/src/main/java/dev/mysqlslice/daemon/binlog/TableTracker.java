package dev.mysqlslice.daemon.binlog;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which binlog table ids belong to tracked tables of the source database (the latest TABLE_MAP
 * wins: ids change across restarts), and how each tracked table's changes are marked. Table maps
 * are recorded by the deserializer as they are read, so the rows events that follow (also inside
 * a MySQL transaction payload) are filtered by the right table.
 */
public final class TableTracker {

    /**
     * A tracked table.
     *
     * @param table      its name
     * @param dirtyAs    the table its changes are marked on: itself, or its slice's root
     * @param extractor  reads its key from row images (inexact: the whole table is marked)
     * @param shapeKnown false from a DDL on it until its shape is read again
     * @param slice      whether it is a table of a slice (its keys are marked per table on the slice)
     */
    public record Tracked(String table, String dirtyAs, KeyExtractor extractor, boolean shapeKnown, boolean slice) {

        public boolean marksWhole() {
            return !shapeKnown || !extractor.exact() || !slice && !dirtyAs.equals(table);
        }
    }

    /**
     * A table id seen in a TABLE_MAP event of a tracked table (or of a cascading parent of one).
     *
     * @param table      the table
     * @param columns    how many columns the event lists
     * @param unreadable why the map could not be decoded, when it could not
     */
    public record Mapped(String table, int columns, Optional<String> unreadable) {
    }

    private final String database;
    private final Map<String, Tracked> tracked = new ConcurrentHashMap<>();
    private final Map<Long, Mapped> byId = new ConcurrentHashMap<>();
    private volatile Set<String> parents = Set.of();

    public TableTracker(String database) {
        this.database = database;
    }

    public void track(Tracked table) {
        tracked.put(table.table(), table);
    }

    /** Tables whose rows are decoded, though not tracked, because tracked tables reference them with cascades. */
    public void decodeParents(Set<String> tables) {
        parents = Set.copyOf(tables);
    }

    /** After a DDL on {@code table}: its row images cannot be read until its shape is known again. */
    public void forgetShape(String table) {
        tracked.computeIfPresent(table, (name, known) -> new Tracked(name, known.dirtyAs(), known.extractor(), false, known.slice()));
    }

    /** Records what a TABLE_MAP event said (or, when it could not be read, which table it named). */
    public void onTableMap(long tableId, String mapDatabase, String table, int columns, Optional<String> unreadable) {
        if (database.equals(mapDatabase) && (tracked.containsKey(table) || parents.contains(table))) {
            byId.put(tableId, new Mapped(table, columns, unreadable));
        } else {
            byId.remove(tableId);
        }
    }

    public Optional<Mapped> mapped(long tableId) {
        return Optional.ofNullable(byId.get(tableId));
    }

    public Optional<Tracked> tracked(String table) {
        return Optional.ofNullable(tracked.get(table));
    }

    public Set<String> names() {
        return Set.copyOf(tracked.keySet());
    }

    /** Every sync unit changes are marked on (tables, and slice roots for their members). */
    public Set<String> units() {
        Set<String> units = new LinkedHashSet<>();
        tracked.values().forEach(table -> units.add(table.dirtyAs()));
        return units;
    }

    public String database() {
        return database;
    }
}
