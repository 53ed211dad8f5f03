package dev.mysqlslice.daemon.cascade;

import dev.mysqlslice.daemon.dirty.CascadeChange;
import dev.mysqlslice.daemon.dirty.TableChange;
import dev.mysqlslice.jdbc.KeyCodec;
import dev.mysqlslice.jdbc.Session;
import dev.mysqlslice.model.Column;
import dev.mysqlslice.model.ForeignKey;
import dev.mysqlslice.model.Key;
import dev.mysqlslice.model.KeyRange;
import dev.mysqlslice.model.KeyType;
import dev.mysqlslice.model.TableShape;
import dev.mysqlslice.sql.CascadeSql;
import dev.mysqlslice.sql.SqlFragment;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the child rows that cascades reached, on the target, which still holds them as they were:
 * the keys of the rows whose referencing columns hold a changed parent's old values (and, for an ON
 * UPDATE CASCADE, the source's keys of the rows that hold the new values now, read with a shared
 * lock so an uncommitted cascade is waited for), then, through those rows, what they cascade into.
 * Values are looked up {@value #VALUES_PER_QUERY} at a time. A child that is not on the target,
 * belongs to a slice or an append-only table, or was reached by too many rows is compared in full.
 */
public final class CascadeResolver {

    static final int VALUES_PER_QUERY = 500;
    static final int MAX_KEYS_PER_UNIT = 10_000;
    private static final int MAX_STEPS = 256;
    private static final Logger LOG = LoggerFactory.getLogger(CascadeResolver.class);

    /** One foreign key's child rows to find: those holding {@code oldValues} (or {@code newValues} now). */
    private record Step(ForeignKey key, CascadeChange.Kind kind, List<Key> oldValues, List<Key> newValues,
                        boolean unknown) {
    }

    @Inject
    public CascadeResolver() {
    }

    /** The changes of tracked units that {@code changes} cascaded into. */
    public Map<String, TableChange> resolve(CascadeGraph graph, List<CascadeChange> changes, Session source,
                                            Session target) {
        Map<String, Set<Key>> keys = new LinkedHashMap<>();
        Set<String> whole = new LinkedHashSet<>();
        Deque<Step> work = new ArrayDeque<>();
        changes.forEach(change -> work.add(new Step(change.foreignKey(), change.kind(), change.oldValues(),
                change.newValues(), change.overflow())));
        int steps = 0;
        while (!work.isEmpty()) {
            Step step = work.poll();
            if (++steps > MAX_STEPS) {
                LOG.info("cascades reach further than {} steps; comparing what they can reach in full", MAX_STEPS);
                whole.addAll(graph.reachableUnits(step.key().child()));
                work.forEach(rest -> whole.addAll(graph.reachableUnits(rest.key().child())));
                break;
            }
            resolve(graph, step, source, target, keys, whole, work);
        }
        Map<String, TableChange> result = new LinkedHashMap<>();
        keys.forEach((unit, found) -> {
            if (!whole.contains(unit) && !found.isEmpty()) {
                result.put(unit, new TableChange.Ranges(found.stream().map(KeyRange::single).toList()));
            }
        });
        whole.forEach(unit -> result.put(unit, new TableChange.Whole()));
        return result;
    }

    private void resolve(CascadeGraph graph, Step step, Session source, Session target, Map<String, Set<Key>> keys,
                         Set<String> whole, Deque<Step> work) {
        ForeignKey key = step.key();
        String child = key.child();
        ForeignKey.Rule rule = step.kind().rule(key);
        if (!rule.changesChildren()) {
            return;
        }
        TableShape shape = graph.tracked(child).orElse(null);
        boolean newKeysUnknown = rule == ForeignKey.Rule.CASCADE && step.kind() == CascadeChange.Kind.UPDATE
                && step.newValues().isEmpty() && shape != null && overlaps(shape.keyColumns(), key.childColumns());
        if (step.unknown() || shape == null || !shape.hasKey() || newKeysUnknown || !graph.comparedByKey(child)) {
            whole.addAll(graph.reachableUnits(child));
            return;
        }
        List<Column> referencing = columns(shape, key.childColumns());
        List<ForeignKey> further = graph.from(child).stream().filter(next -> next.cascades()).toList();
        List<Column> selected = new ArrayList<>(shape.keys());
        for (ForeignKey next : further) {
            for (Column column : columns(shape, next.parentColumns())) {
                if (!selected.contains(column)) {
                    selected.add(column);
                }
            }
        }
        Set<Key> found = keys.computeIfAbsent(child, name -> new LinkedHashSet<>());
        Map<ForeignKey, Set<Key>> furtherValues = new LinkedHashMap<>();
        for (List<Key> batch : batches(step.oldValues())) {
            SqlFragment query = CascadeSql.reached(child, selected, referencing, batch, false);
            target.query(query.sql(), statement -> query.bind(statement, 1), row -> {
                found.add(KeyCodec.read(row, 1, KeyCodec.types(shape.keys())));
                for (ForeignKey next : further) {
                    List<Column> columns = columns(shape, next.parentColumns());
                    List<Object> parts = new ArrayList<>();
                    for (Column column : columns) {
                        byte[] raw = row.getBytes(selected.indexOf(column) + 1);
                        if (raw == null) {
                            return null;
                        }
                        parts.add(KeyCodec.decode(raw, KeyType.of(column)));
                    }
                    furtherValues.computeIfAbsent(next, any -> new LinkedHashSet<>()).add(new Key(parts));
                }
                return null;
            }, "finding the rows of " + child + " a cascade of " + key.parent() + " reached");
        }
        if (rule == ForeignKey.Rule.CASCADE && step.kind() == CascadeChange.Kind.UPDATE) {
            for (List<Key> batch : batches(step.newValues())) {
                SqlFragment query = CascadeSql.reached(child, shape.keys(), referencing, batch, true);
                source.query(query.sql(), statement -> query.bind(statement, 1), row -> {
                    found.add(KeyCodec.read(row, 1, KeyCodec.types(shape.keys())));
                    return null;
                }, "finding the rows of " + child + " a cascade of " + key.parent() + " changed");
            }
        }
        if (found.size() > MAX_KEYS_PER_UNIT) {
            whole.addAll(graph.reachableUnits(child));
            return;
        }
        // What the reached rows cascade into: deleted rows delete (or null) theirs; updated referencing
        // columns update theirs when the next key references them.
        boolean deleted = rule == ForeignKey.Rule.CASCADE && step.kind() == CascadeChange.Kind.DELETE;
        for (ForeignKey next : further) {
            Set<Key> values = furtherValues.getOrDefault(next, Set.of());
            if (values.isEmpty()) {
                continue;
            }
            if (deleted) {
                work.add(new Step(next, CascadeChange.Kind.DELETE, List.copyOf(values), List.of(), false));
            } else if (overlaps(next.parentColumns(), key.childColumns())) {
                work.add(new Step(next, CascadeChange.Kind.UPDATE, List.copyOf(values), List.of(), false));
            }
        }
    }

    private static List<List<Key>> batches(List<Key> values) {
        List<List<Key>> batches = new ArrayList<>();
        for (int from = 0; from < values.size(); from += VALUES_PER_QUERY) {
            batches.add(values.subList(from, Math.min(values.size(), from + VALUES_PER_QUERY)));
        }
        return batches;
    }

    private static List<Column> columns(TableShape shape, List<String> names) {
        return names.stream().map(name -> shape.column(name).orElseThrow(() -> new IllegalStateException(
                "column " + name + " of " + shape.name() + " named by a foreign key is missing"))).toList();
    }

    private static boolean overlaps(List<String> first, List<String> second) {
        return first.stream().anyMatch(name -> second.stream().anyMatch(name::equalsIgnoreCase));
    }
}
