package dev.mysqlslice.daemon.run;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Live counters of a running daemon, read by status, logs and (later) metrics. */
public final class DaemonMetrics {

    private final LongAdder cycles = new LongAdder();
    private final LongAdder fullSyncs = new LongAdder();
    private final LongAdder reconnects = new LongAdder();
    private final LongAdder rangesHashed = new LongAdder();
    private final LongAdder rowsHashed = new LongAdder();
    private final LongAdder rowsListed = new LongAdder();
    private final LongAdder inserted = new LongAdder();
    private final LongAdder updated = new LongAdder();
    private final LongAdder deleted = new LongAdder();
    private final LongAdder bytesRead = new LongAdder();
    private final AtomicLong lastCycleMillis = new AtomicLong();
    private final AtomicLong lastCycleEnd = new AtomicLong();
    private final AtomicLong lastCycleChanges = new AtomicLong();
    private final AtomicLong lastAppliedEventMillis = new AtomicLong();
    private final Map<String, String> stopped = new ConcurrentHashMap<>();
    private volatile boolean tailing;

    void cycle(long millis, long changes) {
        cycles.increment();
        lastCycleMillis.set(millis);
        lastCycleChanges.set(changes);
        lastCycleEnd.set(System.currentTimeMillis());
    }

    void work(dev.mysqlslice.model.TableCounters.Snapshot counters) {
        rangesHashed.add(counters.rangesCompared());
        rowsHashed.add(counters.rowsHashed());
        rowsListed.add(counters.rowsListed());
        inserted.add(counters.inserted());
        updated.add(counters.updated());
        deleted.add(counters.deleted());
        bytesRead.add(counters.bytesRead());
    }

    void fullSync() {
        fullSyncs.increment();
    }

    void reconnected() {
        reconnects.increment();
    }

    void applied(long eventMillis) {
        if (eventMillis > 0) {
            lastAppliedEventMillis.set(eventMillis);
        }
    }

    void stopped(String table, String error) {
        stopped.put(table, error);
    }

    void resumed(String table) {
        stopped.remove(table);
    }

    void tailing(boolean value) {
        tailing = value;
    }

    public long cycles() {
        return cycles.sum();
    }

    public long fullSyncs() {
        return fullSyncs.sum();
    }

    public long reconnects() {
        return reconnects.sum();
    }

    public long rangesHashed() {
        return rangesHashed.sum();
    }

    public long rowsHashed() {
        return rowsHashed.sum();
    }

    public long rowsListed() {
        return rowsListed.sum();
    }

    public long inserted() {
        return inserted.sum();
    }

    public long updated() {
        return updated.sum();
    }

    public long deleted() {
        return deleted.sum();
    }

    public long bytesRead() {
        return bytesRead.sum();
    }

    public long lastCycleMillis() {
        return lastCycleMillis.get();
    }

    public long lastCycleEnd() {
        return lastCycleEnd.get();
    }

    public long lastCycleChanges() {
        return lastCycleChanges.get();
    }

    public long lastAppliedEventMillis() {
        return lastAppliedEventMillis.get();
    }

    public Map<String, String> stoppedTables() {
        return Map.copyOf(stopped);
    }

    public boolean isTailing() {
        return tailing;
    }
}
