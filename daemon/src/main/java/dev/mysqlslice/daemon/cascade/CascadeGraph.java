package dev.mysqlslice.daemon.cascade;

import dev.mysqlslice.config.StrategyKind;
import dev.mysqlslice.daemon.binlog.KeyExtractor;
import dev.mysqlslice.model.ForeignKey;
import dev.mysqlslice.model.TablePlan;
import dev.mysqlslice.model.TableShape;
import dev.mysqlslice.schema.Catalog;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The source's cascading foreign keys (ON DELETE/UPDATE CASCADE, SET NULL, SET DEFAULT) that can
 * reach a tracked table, directly or through other tables' cascades: InnoDB applies them without
 * writing the changed child rows to the binlog. Says which parent tables to watch, how to read a
 * parent row's referenced values, and which sync unit each tracked child belongs to.
 */
public final class CascadeGraph {

    /** A graph with no cascades: nothing to watch. */
    public static final CascadeGraph EMPTY = new CascadeGraph(Map.of(), Map.of(), Map.of(), Map.of(), List.of());

    private final Map<String, List<ForeignKey>> byParent;
    private final Map<String, TableShape> tracked;
    private final Map<String, TablePlan> unitOf;
    private final Map<ForeignKey, KeyExtractor> parentValues;
    private final List<ForeignKey> elsewhere;

    private CascadeGraph(Map<String, List<ForeignKey>> byParent, Map<String, TableShape> tracked,
                         Map<String, TablePlan> unitOf, Map<ForeignKey, KeyExtractor> parentValues,
                         List<ForeignKey> elsewhere) {
        this.byParent = byParent;
        this.tracked = tracked;
        this.unitOf = unitOf;
        this.parentValues = parentValues;
        this.elsewhere = elsewhere;
    }

    /** The cascades of {@code source} (the source database's catalog) that reach a table of {@code plans}. */
    public static CascadeGraph of(Catalog source, String sourceDatabase, Collection<TablePlan> plans) {
        Map<String, TableShape> tracked = new LinkedHashMap<>();
        Map<String, TablePlan> unitOf = new LinkedHashMap<>();
        for (TablePlan plan : plans) {
            for (TableShape member : plan.members()) {
                tracked.put(member.name(), member);
                unitOf.put(member.name(), plan);
            }
        }
        // Walk up from the tracked tables: a cascade matters when its child is tracked or is itself
        // the parent of a cascade that matters.
        Set<String> reached = new LinkedHashSet<>(tracked.keySet());
        Deque<String> work = new ArrayDeque<>(reached);
        Map<String, List<ForeignKey>> byParent = new LinkedHashMap<>();
        List<ForeignKey> elsewhere = new ArrayList<>();
        Set<ForeignKey> kept = new LinkedHashSet<>();
        while (!work.isEmpty()) {
            String child = work.pop();
            for (ForeignKey key : source.foreignKeys()) {
                if (!key.child().equals(child) || !key.cascades() || !kept.add(key)) {
                    continue;
                }
                if (!key.parentSchema().equalsIgnoreCase(sourceDatabase)) {
                    elsewhere.add(key);
                    continue;
                }
                byParent.computeIfAbsent(key.parent(), parent -> new ArrayList<>()).add(key);
                if (reached.add(key.parent())) {
                    work.push(key.parent());
                }
            }
        }
        Map<ForeignKey, KeyExtractor> parentValues = new LinkedHashMap<>();
        byParent.forEach((parent, keys) -> source.shape(parent, List.of()).shape().ifPresent(shape -> keys.forEach(
                key -> parentValues.put(key, KeyExtractor.of(shape.withKey(key.parentColumns(), key.name()))))));
        return new CascadeGraph(Map.copyOf(byParent), tracked, unitOf, parentValues, List.copyOf(elsewhere));
    }

    /** The tables whose deletes and updates can cascade into tracked tables. */
    public Set<String> parents() {
        return byParent.keySet();
    }

    /** The cascading foreign keys that reference {@code parent}. */
    public List<ForeignKey> from(String parent) {
        return byParent.getOrDefault(parent, List.of());
    }

    /** Reads a parent row's referenced values; empty when they cannot be read exactly from the binlog. */
    public Optional<KeyExtractor> parentValues(ForeignKey key) {
        return Optional.ofNullable(parentValues.get(key)).filter(KeyExtractor::exact);
    }

    /** The tracked table's shape (on both servers), if {@code table} is tracked. */
    public Optional<TableShape> tracked(String table) {
        return Optional.ofNullable(tracked.get(table));
    }

    /** The sync unit a tracked table belongs to (itself, or its slice). */
    public Optional<TablePlan> unitOf(String table) {
        return Optional.ofNullable(unitOf.get(table));
    }

    /** Whether {@code table} is synced as a unit of its own by a strategy that compares by key. */
    public boolean comparedByKey(String table) {
        return unitOf(table).filter(plan -> plan.name().equals(table)
                && plan.config().strategy() == StrategyKind.GENERAL).isPresent();
    }

    /** Every sync unit a change of {@code table} can cascade into (its own unit included). */
    public Set<String> reachableUnits(String table) {
        Set<String> units = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> work = new ArrayDeque<>(List.of(table));
        while (!work.isEmpty()) {
            String next = work.pop();
            if (!seen.add(next)) {
                continue;
            }
            unitOf(next).ifPresent(plan -> units.add(plan.name()));
            from(next).forEach(key -> work.push(key.child()));
        }
        return units;
    }

    /** Cascades from parents in other databases (their changes are not followed). */
    public List<ForeignKey> elsewhere() {
        return elsewhere;
    }

    public boolean isEmpty() {
        return byParent.isEmpty();
    }
}
