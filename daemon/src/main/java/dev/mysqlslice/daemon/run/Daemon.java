package dev.mysqlslice.daemon.run;

import dev.mysqlslice.config.DaemonSettings;
import dev.mysqlslice.config.StrategyKind;
import dev.mysqlslice.daemon.binlog.BinlogPosition;
import dev.mysqlslice.daemon.cascade.CascadeGraph;
import dev.mysqlslice.daemon.checkpoint.DaemonStatus;
import dev.mysqlslice.daemon.dirty.CascadeChange;
import dev.mysqlslice.daemon.dirty.DirtyTracker;
import dev.mysqlslice.daemon.dirty.TableChange;
import dev.mysqlslice.daemon.monitor.DaemonMetrics;
import dev.mysqlslice.error.Failure;
import dev.mysqlslice.error.MysqlsliceException;
import dev.mysqlslice.model.TablePlan;
import dev.mysqlslice.throttle.Throttle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the target in step with the source by following its binlog. Its life, as a checklist:
 * check the prerequisites and decide where to start; start following the binlog (changes are
 * marked dirty from then on); sync everything in full when there is no usable checkpoint, or
 * what the last run left pending and the tables new to the checkpoint; then loop: act on what the
 * stream reported, sync what is dirty as soon as a transaction commits, write the checkpoint,
 * handle DDL, reconnect after a drop, and fall back to a full sync when the binlog position is
 * lost. On stop it writes the checkpoint and returns. Changes of a table stopped by a shape
 * mismatch are held (and kept in the checkpoint) until it can be synced again.
 *
 * <p>It decides; it does not touch a server itself: every step on the servers goes through
 * {@link DaemonServers}, and the changes come from a {@link ChangeFeed}, so its loop runs the same
 * against the real servers and against fakes.
 */
public final class Daemon {

    /** How long to run. */
    public enum Mode {
        /** Until asked to stop. */
        FOREVER,
        /** Until the source's binlog position at the start has been synced (sync --incremental). */
        CATCH_UP
    }

    /**
     * How a run ended.
     *
     * @param stillDifferent the units whose sync left rows different {@value Daemon#DIFFERENT_CYCLES} cycles in a
     *                       row, kept pending in the checkpoint (a catch-up ends without them)
     */
    public record Outcome(BinlogPosition position, boolean fullSync, String fullSyncReason, DaemonMetrics metrics,
                          Set<String> stillDifferent) {

        public Outcome {
            stillDifferent = Set.copyOf(stillDifferent);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);
    private static final Duration RECHECK_STOPPED = Duration.ofSeconds(2);
    /** How long a binlog stream must stay up for its reconnect back-off to start over. */
    static final Duration STABLE_STREAM = Duration.ofSeconds(30);
    /**
     * Cycles in a row whose sync of a unit may leave rows different before a catch-up ends without
     * it (it stays pending in the checkpoint; the daemon keeps trying).
     */
    public static final int DIFFERENT_CYCLES = 3;
    /** Reconnects that break on the same undecodable event before the daemon gives up. */
    private static final int UNDECODABLE_REPEATS = 3;
    /** How long a table's changed rows may stay locked by an open source transaction before it is reported. */
    private static final Duration LONG_LOCK = Duration.ofSeconds(10);

    /** Wall-clock time: cycle gaps, heartbeats, lag (a test may pass a clock it moves itself). */
    private final Clock clock;
    /** Waits: retry back-off, the gap between cycles, held-back checks. */
    private final Throttle.Sleeper sleeper;
    private final DaemonSettings settings;
    private final DaemonServers.Opener serversOpener;
    private final ChangeFeed.Opener feedOpener;
    private final DaemonMetrics metrics;
    private final Map<String, TablePlan> plans = new LinkedHashMap<>();
    private final Map<String, String> stopped = new LinkedHashMap<>();
    private final Map<String, TableChange> held = new LinkedHashMap<>();
    private final Set<String> ddlUnits = new LinkedHashSet<>();
    private final Map<String, Instant> lockedSince = new LinkedHashMap<>();
    private final RepeatedWarnings warnings = new RepeatedWarnings(Duration.ofMinutes(1), System::nanoTime);
    private final List<String> units;
    private final Throttle throttle;

    private volatile boolean stopRequested;
    private volatile DirtyTracker dirty;

    private Start start;
    private CascadeGraph cascadeGraph = CascadeGraph.EMPTY;
    private DaemonServers servers;
    private ChangeFeed follower;
    private BinlogPosition synced;
    private boolean fullSyncDone;
    private String fullSyncReason = "";
    private boolean streamDown;
    private Optional<String> positionLost = Optional.empty();
    private Backoff reconnectBackoff = Backoff.RECONNECT;
    /** Per unit, how many cycles in a row its sync left rows different. */
    private final Map<String, Integer> differentCycles = new HashMap<>();
    /** When the binlog stream was last opened: how long it stayed up decides the next reconnect's wait. */
    private Instant streamOpenedAt = Instant.EPOCH;
    private BinlogPosition undecodableAt;
    private int undecodableRepeats;
    private Instant lastCycleStart = Instant.EPOCH;
    private Instant lastSaved = Instant.EPOCH;
    private Map<String, TableChange> lastPending = Map.of();
    private Instant lastStoppedCheck = Instant.EPOCH;

    Daemon(DaemonSettings settings, List<TablePlan> plans, DaemonServers.Opener servers, ChangeFeed.Opener feeds,
           Throttle throttle, Clock clock, Throttle.Sleeper sleeper) {
        this.settings = settings;
        this.serversOpener = servers;
        this.feedOpener = feeds;
        this.throttle = throttle;
        this.clock = clock;
        this.sleeper = sleeper;
        this.metrics = new DaemonMetrics(clock);
        plans.forEach(plan -> this.plans.put(plan.name(), plan));
        this.units = List.copyOf(this.plans.keySet());
        plans.stream().filter(plan -> plan.config().strategy() == StrategyKind.SLICE)
                .forEach(plan -> metrics.declareSlice(plan.name()));
        metrics.throttle(throttle);
    }

    /** Holds back the daemon's work on the source: load ceilings, the pause file, {@code mysqlslice pause}. */
    public Throttle throttle() {
        return throttle;
    }

    public DaemonMetrics metrics() {
        return metrics;
    }

    public DaemonSettings settings() {
        return settings;
    }

    /** The sync units this daemon keeps in step (tables, or slice roots). */
    public List<String> units() {
        return units;
    }

    /** Asks a running daemon to stop after its current step; returns at once. */
    public void requestStop() {
        stopRequested = true;
        DirtyTracker tracker = dirty;
        if (tracker != null) {
            tracker.wakeUp();
        }
    }

    public Outcome run(Mode mode) {
        try (DaemonServers opened = serversOpener.open()) {
            servers = opened;
            start = servers.decide(settings, units);
            cascadeGraph = servers.cascadeGraph(plans.values());
            Optional<BinlogPosition> until = mode == Mode.CATCH_UP ? Optional.of(servers.currentEnd()) : Optional.empty();
            follower = feedOpener.open(start.gtid(), plans.values(), metrics);
            dirty = follower.dirty();
            follower.watchCascades(cascadeGraph);
            metrics.follow(follower::eventsRead, dirty::waitingSince, dirty::pending);
            synced = start.position();
            if (start.fullSync() || !until.map(end -> start.position().isAtOrAfter(end)).orElse(false)) {
                follow(start.position());
            }
            if (start.fullSync()) {
                fullSync(start.reason());
            } else {
                resume(start);
            }
            metrics.started();
            loop(until);
            return new Outcome(synced, fullSyncDone, fullSyncReason, metrics, stillDifferent());
        } finally {
            if (follower != null) {
                follower.stop();
            }
        }
    }

    /** What the last run left: its stopped tables (held), its pending changes, and the units new to the checkpoint. */
    private void resume(Start start) {
        start.stopped().forEach((unit, reason) -> {
            stopped.put(unit, reason);
            metrics.stopped(unit, reason);
            held.put(unit, new TableChange.Whole());
        });
        Map<String, TableChange> work = new LinkedHashMap<>();
        start.pending().forEach((unit, change) -> {
            if (!stopped.containsKey(unit)) {
                work.put(unit, change);
            }
        });
        start.newUnits().forEach(unit -> work.put(unit, new TableChange.Whole()));
        if (!work.isEmpty()) {
            dirty.restore(work);
        }
    }

    private void loop(Optional<BinlogPosition> until) {
        Backoff retry = Backoff.CYCLE;
        while (!stopRequested) {
            try {
                if (actOnSignals()) {
                    continue;
                }
                if (!streamDown && follower.silence().compareTo(watchdog()) > 0) {
                    warnings.warn(LOG, "silent", "no event from the source binlog for " + follower.silence().toSeconds()
                            + " s (heartbeats are expected every " + settings.heartbeat().toMillis() + " ms): the"
                            + " connection is taken for dead and opened again");
                    follower.stop();
                    streamWentDown();
                }
                if (streamDown) {
                    reconnect();
                    continue;
                }
                handleShapeChanges();
                if (caughtUp(until)) {
                    break;
                }
                boolean work = awaitWork();
                if (stopRequested) {
                    break;
                }
                if (work || dirty.committed().map(committed -> !committed.equals(synced)).orElse(false)) {
                    // Asked only when there is work: an idle daemon sends the source nothing (and a source
                    // that stopped answering is noticed by the binlog's silence, not by a hung status read).
                    if (throttle.poll().isPresent()) {
                        // Held back: changes keep accumulating (coarsening as usual) until work may go on.
                        keepAlive();
                        sleep(Throttle.CHECK_EVERY);
                        continue;
                    }
                    cycle();
                }
                keepAlive();
                retry = retry.succeeded();
                if (caughtUp(until)) {
                    break;
                }
            } catch (MysqlsliceException e) {
                if (!e.failure().retriable()) {
                    throw e;
                }
                servers.reset();
                warnings.warn(LOG, "retry " + e.failure(), e.getMessage() + "; retrying in " + retry.delay().toMillis()
                        + " ms");
                sleep(retry.delay());
                retry = retry.failedAgain();
            }
        }
        saveCheckpoint(synced, dirty.drain().changes(), stoppedStatus());
        LOG.info("stopped at {}", synced);
    }

    /**
     * Acts on what the stream reported: a fatal error ends the run, a lost position starts over with
     * a full sync (returns true), a disconnect is reconnected next, DDL is checked next.
     */
    private boolean actOnSignals() {
        List<ChangeFeed.Signal> signals = follower.takeSignals();
        for (ChangeFeed.Signal signal : signals) {
            if (signal instanceof ChangeFeed.Signal.Fatal fatal) {
                throw fatal.error();
            }
        }
        for (ChangeFeed.Signal signal : signals) {
            if (signal instanceof ChangeFeed.Signal.PositionLost lost) {
                positionLost = Optional.of(lost.reason());
            } else if (signal instanceof ChangeFeed.Signal.Disconnected disconnected) {
                disconnected(disconnected);
            } else if (signal instanceof ChangeFeed.Signal.Ddl ddl) {
                ddlUnits.add(ddl.unit());
            }
        }
        if (positionLost.isPresent()) {
            // Kept until the recovery succeeds: a recovery that fails half-way (the source is down) is retried.
            recoverLostPosition(positionLost.get());
            positionLost = Optional.empty();
            return true;
        }
        return false;
    }

    private void disconnected(ChangeFeed.Signal.Disconnected signal) {
        streamWentDown();
        if (!signal.undecodable()) {
            undecodableRepeats = 0;
            return;
        }
        BinlogPosition from = reconnectPosition();
        undecodableRepeats = from.equals(undecodableAt) ? undecodableRepeats + 1 : 1;
        undecodableAt = from;
        if (undecodableRepeats >= UNDECODABLE_REPEATS) {
            throw new MysqlsliceException(Failure.BINLOG, "the source binlog cannot be read past " + from + " ("
                    + signal.reason() + "; the same on " + undecodableRepeats + " reconnects). A full `mysqlslice sync`"
                    + " repairs the tables; to follow the binlog from its current end, delete checkpoint '"
                    + settings.checkpointName() + "' (DELETE FROM mysqlslice_checkpoint WHERE name = '"
                    + settings.checkpointName() + "') and start the daemon again: it compares every table in full first");
        }
    }

    /**
     * While idle, rewrites the checkpoint (status shows the daemon running and current) and renews
     * the lease, once per heartbeat.
     */
    private void keepAlive() {
        if (Duration.between(lastSaved, clock.instant()).compareTo(settings.heartbeat()) < 0) {
            return;
        }
        servers.renewLease();
        // The same position and pending changes as the last write: only the status is newer.
        saveCheckpoint(synced, lastPending, runningStatus());
    }

    /** How long the binlog may stay silent before its connection is taken for dead: five heartbeats, at least 10 s. */
    private Duration watchdog() {
        Duration five = settings.heartbeat().multipliedBy(5);
        return five.compareTo(Duration.ofSeconds(10)) < 0 ? Duration.ofSeconds(10) : five;
    }

    /**
     * Whether a catch-up is done: the position reached, and nothing pending but units whose sync
     * kept leaving rows different (they stay in the checkpoint and are reported).
     */
    private boolean caughtUp(Optional<BinlogPosition> until) {
        return until.isPresent() && synced.isAtOrAfter(until.get())
                && dirty.pending().keySet().stream()
                        .allMatch(unit -> differentCycles.getOrDefault(unit, 0) >= DIFFERENT_CYCLES);
    }

    /** Counts, per unit synced in a cycle, the cycles in a row that left its rows different. */
    private void noteDifferent(Set<String> syncedUnits, Set<String> different) {
        for (String unit : syncedUnits) {
            if (different.contains(unit)) {
                differentCycles.merge(unit, 1, Integer::sum);
            } else {
                differentCycles.remove(unit);
            }
        }
    }

    /** The units given up on for now: still different after {@value #DIFFERENT_CYCLES} cycles in a row. */
    private Set<String> stillDifferent() {
        Set<String> units = new TreeSet<>();
        differentCycles.forEach((unit, cycles) -> {
            if (cycles >= DIFFERENT_CYCLES) {
                units.add(unit);
            }
        });
        return units;
    }

    private void sleep(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopRequested = true;
        }
    }

    /** Syncs everything drained so far, then advances the checkpoint to the last commit it covers. */
    private void cycle() {
        DirtyTracker.Drained drained = dirty.drain();
        BinlogPosition position = drained.position().orElse(synced);
        Map<String, TableChange> changes = new LinkedHashMap<>(drained.changes());
        try {
            cascaded(drained.cascades()).forEach((unit, change) -> changes.merge(unit, change, TableChange::merge));
        } catch (RuntimeException e) {
            dirty.restore(drained.changes());
            dirty.restoreCascades(drained.cascades());
            throw e;
        }
        holdStopped(changes);
        metrics.inFlight(changes.isEmpty() ? 0 : drained.oldestEventMillis());
        if (changes.isEmpty()) {
            if (!position.equals(synced)) {
                synced = position;
                metrics.applied(drained.eventTimeMillis());
                saveCheckpoint(synced, Map.of(), runningStatus());
            }
            return;
        }
        Instant begin = clock.instant();
        lastCycleStart = begin;
        CycleRunner.Result result;
        Map<String, TableChange> waiting = new LinkedHashMap<>();
        try {
            saveCheckpoint(synced, changes, runningStatus());
            for (String unit : servers.locked(changes, plans, drained.lastRow())) {
                waiting.put(unit, changes.remove(unit));
            }
            noteLocked(waiting.keySet());
            result = servers.sync(changes, plans, metrics);
        } catch (RuntimeException e) {
            // Nothing drained may be lost: the changes go back and the position does not move.
            dirty.restore(changes);
            dirty.restore(waiting);
            metrics.inFlight(0);
            throw e;
        }
        if (result.connectionFailed()) {
            servers.reset();
        }
        result.stop().forEach(this::stopTable);
        noteDifferent(changes.keySet(), result.different());
        // Changes whose rows an open transaction still locks wait for the next cycle, kept in the checkpoint.
        Map<String, TableChange> retry = new LinkedHashMap<>(result.retry());
        waiting.forEach((unit, change) -> retry.merge(unit, change, TableChange::merge));
        dirty.restore(retry);
        synced = position;
        metrics.applied(drained.eventTimeMillis());
        metrics.inFlight(0);
        saveCheckpoint(synced, retry, runningStatus());
        long took = Duration.between(begin, clock.instant()).toMillis();
        metrics.cycle(took, result.changes());
        LOG.debug("cycle: {} table(s), {} row(s) changed, {} ms, now at {}", changes.size(), result.changes(), took, synced);
    }

    /** The child rows the drained parent changes cascaded into (looked up on the target, which still holds them). */
    private Map<String, TableChange> cascaded(List<CascadeChange> drained) {
        if (drained.isEmpty()) {
            return Map.of();
        }
        return servers.cascaded(cascadeGraph, drained);
    }

    /** Warns (rate-limited) about tables whose changed rows stay locked by an open source transaction. */
    private void noteLocked(Set<String> locked) {
        lockedSince.keySet().retainAll(locked);
        Instant now = clock.instant();
        for (String unit : locked) {
            Instant since = lockedSince.computeIfAbsent(unit, any -> now);
            Duration held = Duration.between(since, now);
            if (held.compareTo(LONG_LOCK) >= 0) {
                warnings.warn(LOG, "locked " + unit, unit + ": changed rows are still locked by an open transaction on"
                        + " the source after " + held.toSeconds() + " s; their sync waits for it to end (the other"
                        + " tables keep syncing)");
            }
        }
    }

    /** Moves the changes of stopped tables out of {@code changes} into the held set (compared in full on resume). */
    private void holdStopped(Map<String, TableChange> changes) {
        changes.keySet().removeIf(unit -> {
            if (stopped.containsKey(unit)) {
                held.put(unit, new TableChange.Whole());
                return true;
            }
            return false;
        });
    }

    private boolean awaitWork() {
        try {
            Duration gap = cycleGap().minus(Duration.between(lastCycleStart, clock.instant()));
            if (!gap.isNegative() && !gap.isZero()) {
                sleeper.sleep(gap);
            }
            return dirty.awaitWork(settings.heartbeat());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopRequested = true;
            return false;
        }
    }

    /**
     * The least time between two cycles' starts: the configured gap, or longer while a unit's sync
     * keeps leaving rows different ({@link Backoff#DIFFERENT} after as many cycles in a row), so
     * such a unit is not retried against the source as fast as cycles can run.
     */
    private Duration cycleGap() {
        int streak = differentCycles.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        if (streak == 0) {
            return settings.minCycleGap();
        }
        Duration retry = Backoff.DIFFERENT.afterFailures(streak).delay();
        return retry.compareTo(settings.minCycleGap()) > 0 ? retry : settings.minCycleGap();
    }

    /** The start position can no longer be read: start over from the current end with a full sync. */
    private void recoverLostPosition(String reason) {
        LOG.warn("the binlog can no longer be followed ({}); running a full range-hash sync, then following it from"
                + " its current end", reason);
        BinlogPosition current = currentEnd();
        dirty.drain();
        synced = current;
        streamDown = false;
        follow(current);
        fullSync(reason);
    }

    /** Where a new connection continues: the last commit seen, if it is not behind what was synced. */
    private BinlogPosition reconnectPosition() {
        return dirty.committed().filter(position -> position.isAtOrAfter(synced)).orElse(synced);
    }

    /** Opens the binlog stream at {@code from}, noting when (see {@link #streamWentDown}). */
    private void follow(BinlogPosition from) {
        streamOpenedAt = clock.instant();
        follower.follow(from);
    }

    /**
     * The stream broke or fell silent: reconnect next. A stream that had stayed up for
     * {@link #STABLE_STREAM} or longer starts the reconnect back-off over; one that broke sooner
     * keeps the longer wait its last reconnect left.
     */
    private void streamWentDown() {
        streamDown = true;
        if (Duration.between(streamOpenedAt, clock.instant()).compareTo(STABLE_STREAM) >= 0) {
            reconnectBackoff = reconnectBackoff.succeeded();
        }
    }

    private void reconnect() {
        BinlogPosition from = reconnectPosition();
        sleep(reconnectBackoff.delay());
        if (stopRequested) {
            return;
        }
        try {
            follow(from);
            streamDown = false;
            metrics.reconnected();
            LOG.info("reconnected to the source binlog at {}", from);
            // Until the stream stays up, each reconnect waits longer: a source that accepts the
            // connection and drops it at once (overloaded, a proxy, a bad event) is not hammered.
            reconnectBackoff = reconnectBackoff.failedAgain();
        } catch (MysqlsliceException e) {
            if (!e.failure().retriable()) {
                throw e;
            }
            warnings.warn(LOG, "reconnect", "cannot reconnect to the source binlog yet: " + e.getMessage()
                    + "; trying again for as long as it takes");
            reconnectBackoff = reconnectBackoff.failedAgain();
        }
    }

    /** Compares every table in full (all tables are marked whole and synced as one cycle). */
    private void fullSync(String reason) {
        LOG.info("full range-hash sync of {} table(s) ({})", plans.size(), reason);
        metrics.fullSync();
        metrics.inFlight(clock.millis());
        fullSyncDone = true;
        fullSyncReason = reason;
        Map<String, TableChange> all = new LinkedHashMap<>();
        plans.keySet().forEach(name -> all.put(name, new TableChange.Whole()));
        holdStopped(all);
        CycleRunner.Result result = servers.sync(all, plans, metrics);
        result.stop().forEach(this::stopTable);
        noteDifferent(all.keySet(), result.different());
        dirty.restore(result.retry());
        metrics.inFlight(0);
        saveCheckpoint(synced, result.retry(), runningStatus());
    }

    private void handleShapeChanges() {
        boolean recheck = !stopped.isEmpty() && Duration.between(lastStoppedCheck, clock.instant()).compareTo(RECHECK_STOPPED) > 0;
        if (ddlUnits.isEmpty() && !recheck) {
            return;
        }
        Set<String> check = new LinkedHashSet<>(ddlUnits);
        ddlUnits.clear();
        if (recheck) {
            check.addAll(stopped.keySet());
            lastStoppedCheck = clock.instant();
        }
        Map<String, TableChange> whole = new LinkedHashMap<>();
        try {
            List<TablePlan> checked = check.stream().map(plans::get).toList();
            servers.checkShapes(checked).forEach((unit, result) -> {
                if (result.plan().isPresent()) {
                    plans.put(unit, result.plan().get());
                    follower.track(result.plan().get());
                    whole.put(unit, new TableChange.Whole());
                    if (stopped.remove(unit) != null) {
                        held.remove(unit);
                        metrics.resumed(unit);
                        LOG.info("{}: source and target shapes match again; comparing it in full, then syncing it again",
                                unit);
                    }
                } else if (!stopped.containsKey(unit)) {
                    stopTable(unit, result.problem());
                }
            });
        } catch (MysqlsliceException e) {
            warnings.warn(LOG, "shapes", "cannot read table shapes yet: " + e.getMessage());
            ddlUnits.addAll(check);
        }
        if (!whole.isEmpty()) {
            dirty.restore(whole);
        }
        try {
            cascadeGraph = servers.cascadeGraph(plans.values());
            follower.watchCascades(cascadeGraph);
        } catch (MysqlsliceException e) {
            warnings.warn(LOG, "foreign keys", "cannot read the source's foreign keys yet: " + e.getMessage());
        }
    }

    private void stopTable(String table, String reason) {
        stopped.put(table, reason);
        held.put(table, new TableChange.Whole());
        metrics.stopped(table, reason);
        LOG.error("{}: stopped syncing this table: {} (the other tables keep syncing; its changes are kept and it is"
                + " compared in full once both shapes match)", table, reason);
    }

    private BinlogPosition currentEnd() {
        return servers.currentEnd();
    }

    /** The status saved with a checkpoint while the daemon runs: its lag and what holds it back. */
    private DaemonStatus runningStatus() {
        return status(true, metrics.lagMillis(), metrics.heldBack().orElse(""));
    }

    /** The status saved with the last checkpoint of a run. */
    private DaemonStatus stoppedStatus() {
        return status(false, 0, "");
    }

    private DaemonStatus status(boolean running, long lagMillis, String heldBack) {
        return new DaemonStatus(metrics.lastAppliedEventMillis(), metrics.lastCycleEnd(), metrics.lastCycleMillis(),
                metrics.lastCycleChanges(), metrics.cycles(), metrics.fullSyncs(), Map.copyOf(stopped), running,
                lagMillis, heldBack);
    }

    private void saveCheckpoint(BinlogPosition position, Map<String, TableChange> pending,
                                DaemonStatus status) {
        Map<String, TableChange> kept = new LinkedHashMap<>(pending);
        held.forEach(kept::putIfAbsent);
        try {
            servers.save(start.ledger().next(position, kept, status));
            lastSaved = clock.instant();
            lastPending = Map.copyOf(pending);
        } catch (MysqlsliceException e) {
            if (!e.failure().retriable()) {
                throw e;
            }
            servers.reset();
            warnings.warn(LOG, "checkpoint", "cannot write the checkpoint yet: " + e.getMessage());
        }
    }
}
