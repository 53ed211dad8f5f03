package dev.mysqlslice.strategy;

import dev.mysqlslice.config.Reference;
import dev.mysqlslice.jdbc.KeyCodec;
import dev.mysqlslice.jdbc.Session;
import dev.mysqlslice.model.Column;
import dev.mysqlslice.model.Key;
import dev.mysqlslice.model.KeyType;
import dev.mysqlslice.model.TableCounters;
import dev.mysqlslice.model.TableShape;
import dev.mysqlslice.sql.CopySql;
import dev.mysqlslice.sql.KeySql;
import dev.mysqlslice.sql.SliceSql;
import dev.mysqlslice.sql.SqlFragment;
import dev.mysqlslice.transfer.BulkWriter;
import dev.mysqlslice.transfer.RowCursor;
import dev.mysqlslice.transfer.Written;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * One in-place cycle of a slice, inside the target transaction {@link SliceMaintainer} holds.
 * The target holds the whole slice before the cycle, so it answers every question about the old
 * slice; the source is read only for the changed rows and the rows newly reached.
 *
 * <p>Membership of the followed tables is reachability from the root rows matching {@code where}.
 * It is maintained the way deductive databases maintain recursive views (delete and re-derive):
 * <ol>
 *   <li>the changed rows and the rows they referred to before are <em>unsettled</em>, and so is
 *       everything the slice reaches from those (their membership may have depended on them);</li>
 *   <li>the changed rows are replaced by their source rows (deleted ones removed);</li>
 *   <li>unsettled root rows matching {@code where} are members again; an unsettled
 *       row is a member again when a settled member, or one found again, refers to it; the rows
 *       new members refer to that the slice lacks are pulled from the source; until nothing
 *       changes;</li>
 *   <li>unsettled rows not found again are evicted.</li>
 * </ol>
 * Rows reached only from each other (a cycle the root no longer reaches) are never found again,
 * and a row any settled member refers to always is. Children rows are then a join: the children
 * of evicted parent values that no parent holds any more are removed, the children of new parent
 * values pulled, and changed children rows kept only while they refer into the slice.
 */
final class SliceCycle {

    /** Keys or values per statement. */
    static final int BATCH = 1000;

    private final SliceMaintainer.Request request;
    private final BulkWriter writer;
    private final Set<String> followed;
    private final List<Reference> follow;
    private final Map<String, Set<Key>> changed = new LinkedHashMap<>();
    /** Every row this cycle looked at or moved, and whether it was in the slice before the cycle. */
    private final Map<String, Map<Key, Boolean>> touched = new LinkedHashMap<>();
    private final Map<String, long[]> read = new LinkedHashMap<>();
    private final Map<String, long[]> applied = new LinkedHashMap<>();
    private int touchedRows;

    SliceCycle(SliceMaintainer.Request request, BulkWriter writer, Set<String> followed) {
        this.request = request;
        this.writer = writer;
        this.followed = followed;
        this.follow = request.plan().config().follow();
        request.changed().forEach((table, keys) -> {
            if (request.plan().member(table).isPresent() && !keys.isEmpty()) {
                changed.put(table, new LinkedHashSet<>(keys));
            }
        });
    }

    void run() {
        Map<String, Set<Key>> before = new LinkedHashMap<>();
        changed.forEach((table, keys) -> before.put(table, present(shape(table), keys)));
        changed.forEach((table, keys) -> keys.forEach(key -> touch(table, key, before.get(table).contains(key))));
        Map<Reference, Map<Key, Object>> oldParentValues = new LinkedHashMap<>();
        for (Reference child : request.plan().config().children()) {
            oldParentValues.put(child, valuesByKey(shape(child.toTable()), child.toColumn(),
                    before.getOrDefault(child.toTable(), Set.of())));
        }
        Map<String, Set<Key>> unsettled = referencedBy(before);
        replaceChangedRows();
        changed.forEach((table, keys) -> {
            if (followed.contains(table)) {
                unsettled.computeIfAbsent(table, name -> new LinkedHashSet<>()).addAll(keys);
            }
        });
        reachFrom(unsettled);
        unsettled.replaceAll((table, keys) -> present(shape(table), keys));

        Map<String, Set<Key>> found = findAgain(unsettled);
        Map<String, Set<Key>> evicted = new LinkedHashMap<>();
        unsettled.forEach((table, keys) -> evicted.put(table, minus(keys, found.getOrDefault(table, Set.of()))));
        Map<Reference, Set<Object>> leavingValues = new LinkedHashMap<>();
        for (Reference child : request.plan().config().children()) {
            Set<Object> values = new LinkedHashSet<>(oldParentValues.get(child).values());
            values.addAll(valuesByKey(shape(child.toTable()), child.toColumn(),
                    evicted.getOrDefault(child.toTable(), Set.of())).values());
            values.remove(null);
            leavingValues.put(child, values);
        }
        evicted.forEach((table, keys) -> delete(shape(table), keys));

        for (Reference child : request.plan().config().children()) {
            removeOrphans(child, leavingValues.get(child));
            pullChildren(child, oldParentValues.get(child), found);
            dropChangedChildrenOutside(child);
        }
        countChanges();
    }

    /** Adds this cycle's rows added, updated and evicted, and the source rows read, to each table's counters. */
    void tally(Map<String, TableCounters> counters) {
        applied.forEach((table, counts) -> {
            TableCounters tableCounters = counters.get(table);
            if (tableCounters != null) {
                tableCounters.applied(counts[0], counts[1], counts[2]);
            }
        });
        read.forEach((table, rowsAndBytes) -> {
            TableCounters tableCounters = counters.get(table);
            if (tableCounters != null) {
                tableCounters.rowsRead(rowsAndBytes[0], rowsAndBytes[1]);
            }
        });
    }

    /** Rows added, updated (changed rows copied again) and evicted per table, from what the target now holds. */
    private void countChanges() {
        touched.forEach((table, rows) -> {
            Set<Key> now = present(shape(table), rows.keySet());
            long added = 0;
            long updated = 0;
            long evicted = 0;
            for (Map.Entry<Key, Boolean> row : rows.entrySet()) {
                boolean after = now.contains(row.getKey());
                if (after && row.getValue()) {
                    updated += changed.getOrDefault(table, Set.of()).contains(row.getKey()) ? 1 : 0;
                } else if (after) {
                    added++;
                } else if (row.getValue()) {
                    evicted++;
                }
            }
            applied.put(table, new long[] {added, updated, evicted});
        });
    }

    /** The rows that rows of the old slice with these keys referred to (they may lose their last referrer). */
    private Map<String, Set<Key>> referencedBy(Map<String, Set<Key>> members) {
        Map<String, Set<Key>> referenced = new LinkedHashMap<>();
        for (Reference reference : follow) {
            Set<Key> from = members.getOrDefault(reference.fromTable(), Set.of());
            if (!from.isEmpty()) {
                Set<Key> rows = referencedRows(reference, from);
                rows.forEach(key -> touch(reference.toTable(), key, true));
                referenced.computeIfAbsent(reference.toTable(), name -> new LinkedHashSet<>()).addAll(rows);
            }
        }
        return referenced;
    }

    /** Adds to {@code unsettled} every row of the target the slice reaches from it. */
    private void reachFrom(Map<String, Set<Key>> unsettled) {
        Map<String, Set<Key>> frontier = copy(unsettled);
        while (!frontier.isEmpty()) {
            Map<String, Set<Key>> next = new LinkedHashMap<>();
            for (Reference reference : follow) {
                Set<Key> from = frontier.getOrDefault(reference.fromTable(), Set.of());
                if (from.isEmpty()) {
                    continue;
                }
                Set<Key> known = unsettled.computeIfAbsent(reference.toTable(), name -> new LinkedHashSet<>());
                for (Key key : referencedRows(reference, from)) {
                    if (known.add(key)) {
                        next.computeIfAbsent(reference.toTable(), name -> new LinkedHashSet<>()).add(key);
                        touch(reference.toTable(), key, true);
                    }
                }
            }
            frontier = next;
        }
    }

    /**
     * Which unsettled rows are members again (step 3 of the class comment), pulling the rows new
     * members refer to. Returns the unsettled rows found again and the rows pulled.
     */
    private Map<String, Set<Key>> findAgain(Map<String, Set<Key>> unsettled) {
        Map<String, Set<Key>> found = new LinkedHashMap<>();
        TableShape root = request.plan().shape();
        Set<Key> roots = unsettled.getOrDefault(root.name(), Set.of());
        if (rootIsFollowed()) {
            SqlFragment where = SqlFragment.filter(request.plan().config().where());
            for (List<Key> batch : batches(roots)) {
                found.computeIfAbsent(root.name(), name -> new LinkedHashSet<>()).addAll(keys(request.source(), root,
                        KeySql.in(root.keys(), batch).and(where), "reading the slice's root rows"));
            }
        } else if (!roots.isEmpty()) {
            // Only changed root rows are unsettled, and only those matching where were copied.
            found.put(root.name(), new LinkedHashSet<>(roots));
        }
        Map<String, Set<Key>> frontier = copy(found);
        boolean progress = true;
        while (progress) {
            progress = false;
            for (Reference reference : follow) {
                Set<Key> pending = minus(unsettled.getOrDefault(reference.toTable(), Set.of()),
                        found.getOrDefault(reference.toTable(), Set.of()));
                if (pending.isEmpty()) {
                    continue;
                }
                Set<Key> stillOut = minus(unsettled.getOrDefault(reference.fromTable(), Set.of()),
                        found.getOrDefault(reference.fromTable(), Set.of()));
                Set<Key> again = referredTo(reference, pending, stillOut);
                if (!again.isEmpty()) {
                    found.computeIfAbsent(reference.toTable(), name -> new LinkedHashSet<>()).addAll(again);
                    frontier.computeIfAbsent(reference.toTable(), name -> new LinkedHashSet<>()).addAll(again);
                    progress = true;
                }
            }
            Map<String, Set<Key>> next = new LinkedHashMap<>();
            for (Reference reference : follow) {
                Set<Key> from = frontier.getOrDefault(reference.fromTable(), Set.of());
                if (!from.isEmpty()) {
                    Set<Key> pulled = pullMissing(reference, from);
                    if (!pulled.isEmpty()) {
                        next.computeIfAbsent(reference.toTable(), name -> new LinkedHashSet<>()).addAll(pulled);
                        found.computeIfAbsent(reference.toTable(), name -> new LinkedHashSet<>()).addAll(pulled);
                        progress = true;
                    }
                }
            }
            frontier = next;
        }
        return found;
    }

    /** The rows of {@code reference.toTable} that the rows {@code from} of its from-table refer to, on the target. */
    private Set<Key> referencedRows(Reference reference, Set<Key> from) {
        Link link = link(reference);
        Set<Key> rows = new LinkedHashSet<>();
        for (List<Key> batch : batches(from)) {
            List<Object> values = values(request.target(), link.from(), link.fromColumn(),
                    KeySql.in(link.from().keys(), batch));
            for (List<Object> valueBatch : batches(values)) {
                rows.addAll(keys(request.target(), link.to(), in(link.toColumn(), valueBatch), "following " + reference));
            }
        }
        return rows;
    }

    /** Which of {@code pending} rows some row of the from-table outside {@code excluded} refers to, on the target. */
    private Set<Key> referredTo(Reference reference, Set<Key> pending, Set<Key> excluded) {
        TableShape to = shape(reference.toTable());
        TableShape from = shape(reference.fromTable());
        SqlFragment notThese = excluded.isEmpty() ? SqlFragment.EMPTY : KeySql.in(from.keys(), List.copyOf(excluded));
        SqlFragment referred = SliceSql.referredToBy(to.name(), reference.toColumn(), from.name(),
                reference.fromColumn(), notThese);
        Set<Key> rows = new LinkedHashSet<>();
        for (List<Key> batch : batches(pending)) {
            rows.addAll(keys(request.target(), to, KeySql.in(to.keys(), batch).and(referred), "following " + reference));
        }
        return rows;
    }

    /** Copies from the source the rows that rows {@code from} refer to and the target lacks; returns their keys. */
    private Set<Key> pullMissing(Reference reference, Set<Key> from) {
        Link link = link(reference);
        TableShape to = link.to();
        Set<Key> pulled = new LinkedHashSet<>();
        for (List<Key> batch : batches(from)) {
            SqlFragment sql = SliceSql.missingReferences(link.from(), link.fromColumn(), to.name(), link.toColumn().name(),
                    KeySql.in(link.from().keys(), batch));
            List<Object> missing = request.target().query(sql.sql(), statement -> sql.bind(statement, 1),
                    row -> decode(row.getBytes(1), link.fromColumn()), "following " + reference);
            for (List<Object> valueBatch : batches(missing)) {
                copy(to, in(link.toColumn(), valueBatch), false);
                for (Key key : keys(request.target(), to, in(link.toColumn(), valueBatch), "following " + reference)) {
                    touch(to.name(), key, false);
                    pulled.add(key);
                }
            }
        }
        return pulled;
    }

    /**
     * Replaces every changed row by its source row: deleted, then copied again when the source has
     * it. Root rows are copied only when they match {@code where} (read in the same statement, so a
     * row's membership always agrees with the values copied), unless a reference leads back into
     * the root table, which then may hold rows outside {@code where} too.
     */
    private void replaceChangedRows() {
        changed.forEach((table, keys) -> {
            TableShape shape = shape(table);
            SqlFragment filter = table.equals(request.plan().name()) && !rootIsFollowed()
                    ? SqlFragment.filter(request.plan().config().where()) : SqlFragment.EMPTY;
            for (List<Key> batch : batches(keys)) {
                SqlFragment where = KeySql.in(shape.keys(), batch);
                delete(shape, where);
                copy(shape, where.and(filter), !followed.contains(table));
            }
        });
    }

    private boolean rootIsFollowed() {
        return follow.stream().anyMatch(reference -> reference.toTable().equals(request.plan().name()));
    }

    /** Removes the children whose parent value left the slice and that no parent of the slice holds any more. */
    private void removeOrphans(Reference child, Set<Object> leaving) {
        TableShape childShape = shape(child.fromTable());
        SqlFragment orphan = SliceSql.referredToBy(childShape.name(), child.fromColumn(), child.toTable(),
                child.toColumn(), SqlFragment.EMPTY).negate();
        Column column = column(childShape, child.fromColumn());
        for (List<Object> batch : batches(leaving)) {
            Set<Key> orphans = new LinkedHashSet<>(keys(request.target(), childShape, in(column, batch).and(orphan),
                    "finding children of " + child.toTable() + " left without a parent"));
            orphans.forEach(key -> touch(childShape.name(), key, true));
            delete(childShape, orphans);
        }
    }

    /**
     * Pulls the children of parent values new to the slice: those of changed parents found again
     * whose value changed (or that were not members before) and of parents pulled this cycle.
     * Existing rows holding such a value are replaced by the source's.
     */
    private void pullChildren(Reference child, Map<Key, Object> oldValues, Map<String, Set<Key>> found) {
        TableShape parent = shape(child.toTable());
        TableShape childShape = shape(child.fromTable());
        Set<Key> newParents = new LinkedHashSet<>(found.getOrDefault(parent.name(), Set.of()));
        Set<Key> changedParents = changed.getOrDefault(parent.name(), Set.of());
        Map<Key, Boolean> parentRows = touched.getOrDefault(parent.name(), Map.of());
        newParents.removeIf(key -> !changedParents.contains(key) && Boolean.TRUE.equals(parentRows.get(key)));
        Map<Key, Object> values = valuesByKey(parent, child.toColumn(), newParents);
        Set<Object> newValues = new LinkedHashSet<>();
        values.forEach((key, value) -> {
            if (value != null && !(oldValues.containsKey(key) && Objects.equals(oldValues.get(key), value))) {
                newValues.add(value);
            }
        });
        Column childColumn = column(childShape, child.fromColumn());
        for (List<Object> batch : batches(newValues)) {
            SqlFragment where = in(childColumn, batch);
            keys(request.target(), childShape, where, "finding children of " + parent.name())
                    .forEach(key -> touch(childShape.name(), key, true));
            delete(childShape, where);
            copy(childShape, where, true);
            keys(request.target(), childShape, where, "finding children of " + parent.name())
                    .forEach(key -> touch(childShape.name(), key, false));
        }
    }

    /** A changed child row stays only while it refers to a row of the slice. */
    private void dropChangedChildrenOutside(Reference child) {
        TableShape childShape = shape(child.fromTable());
        Set<Key> keys = changed.getOrDefault(childShape.name(), Set.of());
        SqlFragment outside = SliceSql.referredToBy(childShape.name(), child.fromColumn(), child.toTable(),
                child.toColumn(), SqlFragment.EMPTY).negate();
        for (List<Key> batch : batches(keys)) {
            delete(childShape, new LinkedHashSet<>(keys(request.target(), childShape,
                    KeySql.in(childShape.keys(), batch).and(outside), "checking changed children of " + child.toTable())));
        }
    }

    /**
     * Copies the source rows matching {@code where} into the same table of the target. A copied row
     * may displace a target row holding its key or a unique value: a row that changed on the source
     * after the position this cycle syncs to (its change comes with a later cycle), or a unique value
     * that moved. A children row has nothing hanging off it, so the source's row simply takes its
     * place ({@code replaceAllowed}); in a followed table the displaced row may hold up other members,
     * so the cycle gives up and the slice is rebuilt.
     */
    private void copy(TableShape shape, SqlFragment where, boolean replaceAllowed) {
        SqlFragment select = CopySql.select(shape, where, 0);
        Written written;
        try {
            written = stream(select, shape, cursor -> writer.write(request.target(), shape, shape.name(), cursor,
                    request.writes(), request.source().endpoint()));
        } catch (BulkWriter.Collision collision) {
            if (!replaceAllowed) {
                throw displaced(shape);
            }
            stream(select, shape, cursor -> writer.replace(request.target(), shape, shape.name(), cursor));
            return;
        }
        if (written != null && written.displaced() > 0 && !replaceAllowed) {
            throw displaced(shape);
        }
    }

    private static SliceMaintainer.TooLarge displaced(TableShape shape) {
        return new SliceMaintainer.TooLarge("a row of " + shape.name() + " took the key or a unique value of another"
                + " row of the slice");
    }

    /** Streams the rows of {@code select} from the source into {@code write}; says what it wrote. */
    private Written stream(SqlFragment select, TableShape shape, Function<RowCursor, Written> write) {
        List<KeyType> keyTypes = KeyCodec.types(shape.keys());
        Written[] written = new Written[1];
        request.source().stream(select.sql(), statement -> select.bind(statement, 1), rows -> {
            RowCursor cursor = new RowCursor(rows, shape.storedColumns().size(), keyTypes);
            written[0] = write.apply(cursor);
            long[] tableRead = read.computeIfAbsent(shape.name(), name -> new long[2]);
            tableRead[0] += cursor.count();
            tableRead[1] += cursor.bytes();
        }, "reading rows of " + shape.name() + " for the slice");
        return written[0];
    }

    private void delete(TableShape shape, Set<Key> keys) {
        for (List<Key> batch : batches(keys)) {
            delete(shape, KeySql.in(shape.keys(), batch));
        }
    }

    private void delete(TableShape shape, SqlFragment where) {
        SqlFragment delete = CopySql.delete(shape, where);
        request.target().update(delete.sql(), statement -> delete.bind(statement, 1), "updating the slice's " + shape.name());
    }

    /** Which of {@code keys} the target's table holds. */
    private Set<Key> present(TableShape shape, Set<Key> keys) {
        Set<Key> present = new LinkedHashSet<>();
        for (List<Key> batch : batches(keys)) {
            present.addAll(keys(request.target(), shape, KeySql.in(shape.keys(), batch), "reading the slice's " + shape.name()));
        }
        return present;
    }

    /** Each target row's value of {@code columnName}, for the rows with these keys. */
    private Map<Key, Object> valuesByKey(TableShape shape, String columnName, Set<Key> keys) {
        Column column = column(shape, columnName);
        List<KeyType> types = KeyCodec.types(shape.keys());
        Map<Key, Object> values = new HashMap<>();
        for (List<Key> batch : batches(keys)) {
            SqlFragment sql = SliceSql.valuesByKey(shape, column, KeySql.in(shape.keys(), batch));
            request.target().query(sql.sql(), statement -> sql.bind(statement, 1), row -> {
                values.put(KeyCodec.read(row, 2, types), decode(row.getBytes(1), column));
                return null;
            }, "reading the slice's " + shape.name());
        }
        return values;
    }

    private List<Key> keys(Session session, TableShape shape, SqlFragment where, String doing) {
        SqlFragment sql = SliceSql.keys(shape, where);
        List<KeyType> types = KeyCodec.types(shape.keys());
        return session.query(sql.sql(), statement -> sql.bind(statement, 1), row -> KeyCodec.read(row, 1, types), doing);
    }

    private static List<Object> values(Session session, TableShape shape, Column column, SqlFragment where) {
        SqlFragment sql = SliceSql.values(shape, column, where);
        return session.query(sql.sql(), statement -> sql.bind(statement, 1), row -> decode(row.getBytes(1), column),
                "reading references of " + shape.name());
    }

    /**
     * Remembers a row this cycle looks at or moves, and whether it was in the slice before; false
     * when it was already known. Past {@link SliceMaintainer#MAX_TOUCHED_ROWS} the cycle gives up.
     */
    private boolean touch(String table, Key key, boolean wasMember) {
        if (touched.computeIfAbsent(table, name -> new LinkedHashMap<>()).putIfAbsent(key, wasMember) != null) {
            return false;
        }
        if (++touchedRows > SliceMaintainer.MAX_TOUCHED_ROWS) {
            throw new SliceMaintainer.TooLarge("the changes reach more than " + SliceMaintainer.MAX_TOUCHED_ROWS
                    + " rows of the slice");
        }
        return true;
    }

    private TableShape shape(String table) {
        return request.plan().member(table).orElseThrow();
    }

    /** A reference's two tables and columns, as the slice's shapes have them. */
    private record Link(TableShape from, Column fromColumn, TableShape to, Column toColumn) {
    }

    private Link link(Reference reference) {
        TableShape from = shape(reference.fromTable());
        TableShape to = shape(reference.toTable());
        return new Link(from, column(from, reference.fromColumn()), to, column(to, reference.toColumn()));
    }

    private static Column column(TableShape shape, String name) {
        return shape.column(name).orElseThrow();
    }

    private static Object decode(byte[] raw, Column column) {
        return raw == null ? null : KeyCodec.decode(raw, KeyType.of(column));
    }

    private static SqlFragment in(Column column, List<Object> values) {
        return KeySql.in(List.of(column), values.stream().map(Key::of).toList());
    }

    private static <T> Set<T> minus(Set<T> all, Set<T> removed) {
        Set<T> rest = new LinkedHashSet<>(all);
        rest.removeAll(removed);
        return rest;
    }

    private static Map<String, Set<Key>> copy(Map<String, Set<Key>> sets) {
        Map<String, Set<Key>> copy = new LinkedHashMap<>();
        sets.forEach((table, keys) -> copy.put(table, new LinkedHashSet<>(keys)));
        return copy;
    }

    private static <T> List<List<T>> batches(Collection<T> items) {
        List<List<T>> batches = new ArrayList<>();
        List<T> batch = new ArrayList<>();
        for (T item : items) {
            batch.add(item);
            if (batch.size() == BATCH) {
                batches.add(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }
}
