package dev.mysqlslice.daemon.dirty;

import dev.mysqlslice.daemon.binlog.BinlogPosition;
import dev.mysqlslice.model.Key;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The keys changed since the last cycle, per table, and the last transaction boundary seen.
 * The binlog thread marks keys and commits; the cycle thread waits for work and drains
 * everything up to the last commit in one step, so nothing marked is lost between the two.
 */
public final class DirtyTracker {

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
    public record Drained(Map<String, TableChange> changes, Optional<BinlogPosition> position, long eventTimeMillis,
                          Optional<LastRow> lastRow, long oldestEventMillis) {

        public boolean isEmpty() {
            return changes.isEmpty();
        }
    }

    private final Map<String, TableSpec> specs;
    private Map<String, TableDirt> dirt = new LinkedHashMap<>();
    private final Map<String, TableChange> retry = new LinkedHashMap<>();
    private BinlogPosition committed;
    private LastRow lastRow;
    private long committedEventTime;
    private long waitingSince;
    private long commits;
    private long drainedCommits;

    public DirtyTracker(Map<String, TableSpec> specs) {
        this.specs = new java.util.concurrent.ConcurrentHashMap<>(specs);
    }

    /** Tracks one more table or a changed key shape (after DDL). */
    public void register(String table, TableSpec spec) {
        specs.put(table, spec);
    }

    public synchronized void mark(String table, Key key) {
        tableDirt(table).add(key);
    }

    /** Remembers the latest changed row whose key is known, of any tracked table. */
    public synchronized void noteRow(String table, Key key) {
        lastRow = new LastRow(table, key);
    }

    public synchronized void markWhole(String table) {
        tableDirt(table).addWhole();
    }

    /** DDL touched the table: every row of it is compared (see {@link TableChange.Rewritten}). */
    public synchronized void markRewritten(String table) {
        tableDirt(table).addRewritten();
    }

    /** A transaction ended at {@code position}; wakes the cycle thread when something is dirty. */
    public synchronized void commit(BinlogPosition position, long eventTimeMillis) {
        committed = position;
        committedEventTime = eventTimeMillis;
        if (waitingSince == 0 && dirt.values().stream().anyMatch(tableDirt -> !tableDirt.isEmpty())) {
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

    public synchronized long committedEventTime() {
        return committedEventTime;
    }

    /**
     * Waits until a transaction committed since the last drain left something dirty, or until
     * {@code timeout}; returns whether there is work.
     */
    public synchronized boolean awaitWork(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!hasWork()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000), 0);
        }
        return true;
    }

    /** Wakes a waiting cycle thread (e.g. to stop). */
    public synchronized void wakeUp() {
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
        drainedCommits = commits;
        Optional<LastRow> row = Optional.ofNullable(lastRow);
        lastRow = null;
        long oldest = waitingSince;
        waitingSince = 0;
        return new Drained(changes, Optional.ofNullable(committed), committedEventTime, row, oldest);
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

    /** Entries held per table (keys or buckets; 1 for a whole table), for status and metrics. */
    public synchronized Map<String, Integer> pending() {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        retry.forEach((table, change) -> sizes.put(table, change instanceof TableChange.Ranges ranges
                ? ranges.ranges().size() : 1));
        dirt.forEach((table, tableDirt) -> {
            if (!tableDirt.isEmpty()) {
                sizes.put(table, tableDirt.size());
            }
        });
        return sizes;
    }

    private boolean hasWork() {
        return commits > drainedCommits
                && (!retry.isEmpty() || dirt.values().stream().anyMatch(tableDirt -> !tableDirt.isEmpty()));
    }

    private TableDirt tableDirt(String table) {
        return dirt.computeIfAbsent(table, name -> {
            TableSpec spec = specs.getOrDefault(name, new TableSpec(false, false, 1));
            return new TableDirt(spec.integerKey(), spec.bucketWidth());
        });
    }
}
