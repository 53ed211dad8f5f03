package dev.mysqlslice.daemon.dirty;

import dev.mysqlslice.daemon.binlog.BinlogPosition;
import dev.mysqlslice.daemon.binlog.ChangeSink;
import dev.mysqlslice.model.ForeignKey;
import dev.mysqlslice.model.Key;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The keys changed since the last cycle, per table, and the last transaction boundary seen.
 * The binlog thread marks keys and commits; the cycle thread waits for work and drains
 * everything up to the last commit in one step, so nothing marked is lost between the two.
 */
public final class DirtyTracker implements ChangeSink {

    /** How a table's keys can be coarsened. */
    public record TableSpec(boolean integerKey, boolean bigIntegers, long bucketWidth) {
    }

    /** The last changed row of a tracked table whose key could be read (for the visibility barrier). */
    public record LastRow(String table, Key key) {
    }

    /**
     * Everything drained at once: the changes, the last committed position they lead up to, and
     * the last changed row with a readable key.
     */
    public record Drained(Map<String, TableChange> changes, List<CascadeChange> cascades,
                          Optional<BinlogPosition> position, long eventTimeMillis, Optional<LastRow> lastRow,
                          long oldestEventMillis) {

        public boolean isEmpty() {
            return changes.isEmpty() && cascades.isEmpty();
        }
    }

    /** Old (and new) referenced values kept per foreign key and kind of change before it is compared in full. */
    static final int MAX_CASCADE_VALUES = 10_000;

    /** The parent changes of one foreign key and kind collected since the last drain. */
    private static final class Cascade {
        final Set<Key> oldValues = new LinkedHashSet<>();
        final Set<Key> newValues = new LinkedHashSet<>();
        boolean overflow;

        CascadeChange toChange(ForeignKey key, CascadeChange.Kind kind) {
            return new CascadeChange(key, kind, List.copyOf(oldValues), List.copyOf(newValues), overflow);
        }
    }

    private record CascadeId(ForeignKey key, CascadeChange.Kind kind) {
    }

    private final Map<String, TableSpec> specs;
    private Map<String, TableDirt> dirt = new LinkedHashMap<>();
    private Map<String, SliceDirt> sliceDirt = new LinkedHashMap<>();
    private final Map<String, TableChange> retry = new LinkedHashMap<>();
    private Map<CascadeId, Cascade> cascades = new LinkedHashMap<>();
    private final List<CascadeChange> retryCascades = new ArrayList<>();
    private BinlogPosition committed;
    private LastRow lastRow;
    private long committedEventTime;
    private long waitingSince;
    private long commits;
    private long drainedCommits;
    private boolean woken;

    public DirtyTracker(Map<String, TableSpec> specs) {
        this.specs = new ConcurrentHashMap<>(specs);
    }

    /** Tracks one more table or a changed key shape (after DDL). */
    public void register(String table, TableSpec spec) {
        specs.put(table, spec);
    }

    @Override
    public synchronized void mark(String table, Key key) {
        tableDirt(table).add(key);
    }

    /** A row of {@code table}, a table of the slice {@code slice}, changed. */
    @Override
    public synchronized void markMember(String slice, String table, Key key) {
        sliceDirt.computeIfAbsent(slice, name -> new SliceDirt()).add(table, key);
    }

    /**
     * A parent row of a cascading foreign key was deleted or had its referenced columns changed
     * from {@code oldValue} (to {@code newValue}, null for a delete or when unknown).
     */
    public synchronized void markCascade(ForeignKey key, CascadeChange.Kind kind, Key oldValue, Key newValue) {
        Cascade cascade = cascades.computeIfAbsent(new CascadeId(key, kind), id -> new Cascade());
        if (cascade.overflow) {
            return;
        }
        cascade.oldValues.add(oldValue);
        if (newValue != null) {
            cascade.newValues.add(newValue);
        }
        if (cascade.oldValues.size() + cascade.newValues.size() > MAX_CASCADE_VALUES) {
            markCascadeUnknown(key, kind);
        }
    }

    /** A parent change whose values cannot be read: the child rows it reached are unknown. */
    public synchronized void markCascadeUnknown(ForeignKey key, CascadeChange.Kind kind) {
        Cascade cascade = cascades.computeIfAbsent(new CascadeId(key, kind), id -> new Cascade());
        cascade.overflow = true;
        cascade.oldValues.clear();
        cascade.newValues.clear();
    }

    /** Remembers the latest changed row whose key is known, of any tracked table. */
    @Override
    public synchronized void noteRow(String table, Key key) {
        lastRow = new LastRow(table, key);
    }

    @Override
    public synchronized void markWhole(String table) {
        tableDirt(table).addWhole();
    }

    /** DDL touched the table: every row of it is compared (see {@link TableChange.Rewritten}). */
    @Override
    public synchronized void markRewritten(String table) {
        tableDirt(table).addRewritten();
    }

    /** A transaction ended at {@code position}; wakes the cycle thread when something is dirty. */
    @Override
    public synchronized void commit(BinlogPosition position, long eventTimeMillis) {
        committed = position;
        committedEventTime = eventTimeMillis;
        if (waitingSince == 0 && (!cascades.isEmpty() || anyDirt())) {
            waitingSince = eventTimeMillis > 0 ? eventTimeMillis : System.currentTimeMillis();
        }
        commits++;
        notifyAll();
    }

    /** The last committed position, which may be newer than the last drain. */
    public synchronized Optional<BinlogPosition> committed() {
        return Optional.ofNullable(committed);
    }

    /** The source time of the oldest committed change not drained yet; 0 when there is none. */
    public synchronized long waitingSince() {
        return waitingSince;
    }

    @Override
    public synchronized long committedEventTime() {
        return committedEventTime;
    }

    /**
     * Waits until a transaction committed since the last drain left something dirty, or until
     * {@code timeout}; returns whether there is work.
     */
    public synchronized boolean awaitWork(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!hasWork() && !woken) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000), 0);
        }
        woken = false;
        return hasWork();
    }

    /**
     * Ends the cycle thread's wait now, work or not (to stop, or to act on what the stream
     * reported); a wake-up before the wait ends the next wait at once.
     */
    public synchronized void wakeUp() {
        woken = true;
        notifyAll();
    }

    /** Takes everything marked so far, with the last commit position. */
    public synchronized Drained drain() {
        Map<String, TableChange> changes = new LinkedHashMap<>(retry);
        retry.clear();
        dirt.forEach((table, tableDirt) -> {
            if (!tableDirt.isEmpty()) {
                TableSpec spec = specs.get(table);
                TableChange change = tableDirt.isRewritten() ? new TableChange.Rewritten()
                        : tableDirt.isWhole() ? new TableChange.Whole()
                        : new TableChange.Ranges(tableDirt.ranges(spec != null && spec.bigIntegers()));
                changes.merge(table, change, TableChange::merge);
            }
        });
        dirt = new LinkedHashMap<>();
        sliceDirt.forEach((slice, rows) -> {
            if (!rows.isEmpty()) {
                changes.merge(slice, rows.overflowed() ? new TableChange.Whole() : new TableChange.Members(rows.keys()),
                        TableChange::merge);
            }
        });
        sliceDirt = new LinkedHashMap<>();
        List<CascadeChange> drainedCascades = new ArrayList<>(retryCascades);
        retryCascades.clear();
        cascades.forEach((id, cascade) -> drainedCascades.add(cascade.toChange(id.key(), id.kind())));
        cascades = new LinkedHashMap<>();
        drainedCommits = commits;
        Optional<LastRow> row = Optional.ofNullable(lastRow);
        lastRow = null;
        long oldest = waitingSince;
        waitingSince = 0;
        return new Drained(changes, drainedCascades, Optional.ofNullable(committed), committedEventTime, row, oldest);
    }

    /** Puts back changes a cycle could not sync, so the next cycle retries them. */
    public synchronized void restore(Map<String, TableChange> changes) {
        changes.forEach((table, change) -> retry.merge(table, change, TableChange::merge));
        if (waitingSince == 0 && !changes.isEmpty()) {
            waitingSince = System.currentTimeMillis();
        }
        commits++;
        notifyAll();
    }

    /** Puts back parent changes whose cascades a cycle could not resolve. */
    public synchronized void restoreCascades(List<CascadeChange> changes) {
        retryCascades.addAll(changes);
        if (!changes.isEmpty()) {
            if (waitingSince == 0) {
                waitingSince = System.currentTimeMillis();
            }
            commits++;
            notifyAll();
        }
    }

    /** Entries held per table (keys or buckets; 1 for a whole table), for status and metrics. */
    public synchronized Map<String, Integer> pending() {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        retry.forEach((table, change) -> sizes.put(table, change instanceof TableChange.Ranges ranges
                ? ranges.ranges().size() : change instanceof TableChange.Members members ? members.size() : 1));
        sliceDirt.forEach((slice, rows) -> {
            if (!rows.isEmpty()) {
                sizes.merge(slice, rows.size(), Integer::sum);
            }
        });
        dirt.forEach((table, tableDirt) -> {
            if (!tableDirt.isEmpty()) {
                sizes.put(table, tableDirt.size());
            }
        });
        cascades.keySet().forEach(id -> sizes.merge(id.key().child(), 1, Integer::sum));
        retryCascades.forEach(change -> sizes.merge(change.foreignKey().child(), 1, Integer::sum));
        return sizes;
    }

    private boolean hasWork() {
        return commits > drainedCommits && (!retry.isEmpty() || !cascades.isEmpty() || !retryCascades.isEmpty()
                || anyDirt());
    }

    private boolean anyDirt() {
        return dirt.values().stream().anyMatch(tableDirt -> !tableDirt.isEmpty())
                || sliceDirt.values().stream().anyMatch(rows -> !rows.isEmpty());
    }

    private TableDirt tableDirt(String table) {
        return dirt.computeIfAbsent(table, name -> {
            TableSpec spec = specs.getOrDefault(name, new TableSpec(false, false, 1));
            return new TableDirt(spec.integerKey(), spec.bucketWidth());
        });
    }
}
