package dev.mysqlslice.daemon.monitor;

import dev.mysqlslice.daemon.binlog.Unaccounted;
import dev.mysqlslice.model.TableCounters;
import dev.mysqlslice.model.TableReport;
import dev.mysqlslice.throttle.Throttle;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/** Live counters of a running daemon, read by status, logs and the metrics endpoint. */
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
    private final LongAdder cycleMillisTotal = new LongAdder();
    private volatile long inFlightSince;
    private volatile LongSupplier waitingSince = () -> 0;
    private volatile LongSupplier eventsRead = () -> 0;
    private volatile Supplier<Map<String, Integer>> pending = Map::of;
    private final Map<String, String> stopped = new ConcurrentHashMap<>();
    private volatile boolean tailing;
    private volatile boolean started;
    private final Map<Unaccounted, LongAdder> comparedInFull = new ConcurrentHashMap<>();
    private final Map<String, SliceCounts> slices = new ConcurrentHashMap<>();
    private volatile Throttle throttle;
    private final Clock clock;

    /** Metrics whose times (cycle ends, lag) are read from {@code clock}. */
    public DaemonMetrics(Clock clock) {
        this.clock = clock;
    }

    public void cycle(long millis, long changes) {
        cycles.increment();
        lastCycleMillis.set(millis);
        cycleMillisTotal.add(millis);
        lastCycleChanges.set(changes);
        lastCycleEnd.set(clock.millis());
    }

    public void work(TableCounters.Snapshot counters) {
        rangesHashed.add(counters.rangesCompared());
        rowsHashed.add(counters.rowsHashed());
        rowsListed.add(counters.rowsListed());
        inserted.add(counters.inserted());
        updated.add(counters.updated());
        deleted.add(counters.deleted());
        bytesRead.add(counters.bytesRead());
    }

    /** Changes of the binlog that could not be read key by key, so {@code units} were compared in full. */
    public void comparedInFull(Unaccounted cause, int units) {
        comparedInFull.computeIfAbsent(cause, key -> new LongAdder()).increment();
    }

    /** How often binlog changes could not be read key by key, for this cause. */
    public long comparedInFull(Unaccounted cause) {
        LongAdder count = comparedInFull.get(cause);
        return count == null ? 0 : count.sum();
    }

    /** One cycle of a slice: maintained in place or rebuilt, and the rows it added, updated and evicted per table. */
    public void slice(String slice, boolean inPlace, List<TableReport> reports) {
        SliceCounts counts = slices.computeIfAbsent(slice, name -> new SliceCounts());
        (inPlace ? counts.maintained : counts.rebuilt).increment();
        reports.forEach(report -> {
            counts.added.add(report.counters().inserted());
            counts.updated.add(report.counters().updated());
            counts.evicted.add(report.counters().deleted());
        });
    }

    /** A slice this daemon keeps, so that its meters exist from the start. */
    public void declareSlice(String slice) {
        slices.computeIfAbsent(slice, name -> new SliceCounts());
    }

    /** The slices' cycles and rows so far, by slice. */
    public Map<String, SliceCounts> slices() {
        return slices;
    }

    /** Cycles of one slice maintained in place and rebuilt, and the rows added, updated and evicted. */
    public static final class SliceCounts {
        public final LongAdder maintained = new LongAdder();
        public final LongAdder rebuilt = new LongAdder();
        public final LongAdder added = new LongAdder();
        public final LongAdder updated = new LongAdder();
        public final LongAdder evicted = new LongAdder();
    }

    /** Where holding back is decided, for health, status and the throttled-time meters. */
    public void throttle(Throttle value) {
        throttle = value;
    }

    /** Why the daemon holds back right now, if it does. */
    public Optional<String> heldBack() {
        return throttle == null ? Optional.empty() : throttle.heldBack();
    }

    /** Seconds held back so far for this reason. */
    public double heldSeconds(Throttle.Reason reason) {
        return throttle == null ? 0 : throttle.heldMillis(reason) / 1000.0;
    }

    public void fullSync() {
        fullSyncs.increment();
    }

    public void reconnected() {
        reconnects.increment();
    }

    public void applied(long eventMillis) {
        if (eventMillis > 0) {
            lastAppliedEventMillis.set(eventMillis);
        }
    }

    public void stopped(String table, String error) {
        stopped.put(table, error);
    }

    public void resumed(String table) {
        stopped.remove(table);
    }

    public void tailing(boolean value) {
        tailing = value;
    }

    /** The first sync is done: the tables are as current as the binlog read so far. */
    public void started() {
        started = true;
    }

    /** Where the binlog's counts and the changes not yet drained are read from. */
    public void follow(LongSupplier events, LongSupplier oldestWaiting, Supplier<Map<String, Integer>> pendingEntries) {
        eventsRead = events;
        waitingSince = oldestWaiting;
        pending = pendingEntries;
    }

    /** The source time of the oldest change the running cycle syncs (0 when no cycle runs). */
    public void inFlight(long eventMillis) {
        inFlightSince = eventMillis;
    }

    /**
     * How far behind the source the target is, in ms: the age of the oldest change committed on
     * the source and not yet synced (binlog event times have second resolution); 0 when caught up.
     */
    public long lagMillis(long nowMillis) {
        long oldest = oldest(inFlightSince, waitingSince.getAsLong());
        return oldest == 0 ? 0 : Math.max(0, nowMillis - oldest);
    }

    /** {@link #lagMillis(long)} now, by this metrics' clock. */
    public long lagMillis() {
        return lagMillis(clock.millis());
    }

    private static long oldest(long first, long second) {
        if (first == 0 || second == 0) {
            return Math.max(first, second);
        }
        return Math.min(first, second);
    }

    public long eventsRead() {
        return eventsRead.getAsLong();
    }

    /** Dirty entries (keys, ranges, or 1 for a whole table) waiting per table. */
    public Map<String, Integer> pending() {
        return pending.get();
    }

    /** The total time spent in sync cycles. */
    public long cycleMillisTotal() {
        return cycleMillisTotal.sum();
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

    public boolean hasStarted() {
        return started;
    }
}
