package dev.mysqlslice.daemon.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mysqlslice.config.DaemonSettings;
import dev.mysqlslice.config.Defaults;
import dev.mysqlslice.config.TableConfig;
import dev.mysqlslice.daemon.binlog.BinlogPosition;
import dev.mysqlslice.daemon.binlog.SourceIdentity;
import dev.mysqlslice.daemon.checkpoint.Checkpoint;
import dev.mysqlslice.daemon.checkpoint.CheckpointLedger;
import dev.mysqlslice.daemon.dirty.TableChange;
import dev.mysqlslice.error.Failure;
import dev.mysqlslice.error.MysqlsliceException;
import dev.mysqlslice.model.Column;
import dev.mysqlslice.model.ColumnKind;
import dev.mysqlslice.model.Key;
import dev.mysqlslice.model.KeyRange;
import dev.mysqlslice.model.TablePlan;
import dev.mysqlslice.model.TableShape;
import dev.mysqlslice.throttle.Throttle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The daemon's loop without a server: a scripted change feed and scripted servers drive each of
 * its branches (fresh start, resume, changes, retry, lost position, disconnects, undecodable
 * events, DDL, locked rows, holding back, idling, stop) and the checkpoints it writes are checked.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class DaemonTest {

    private static final SourceIdentity SOURCE = new SourceIdentity(1, Optional.empty());
    private static final BinlogPosition P1 = BinlogPosition.of("bin.000001", 100);
    private static final BinlogPosition P2 = BinlogPosition.of("bin.000001", 200);
    private static final BinlogPosition P3 = BinlogPosition.of("bin.000002", 4);
    /** A heartbeat no test waits for: only the first keep-alive of a run (nothing saved yet) writes. */
    private static final DaemonSettings SETTINGS = new DaemonSettings(DaemonSettings.DEFAULT_SERVER_ID,
            DaemonSettings.PositionMode.AUTO, Duration.ZERO, Duration.ofMinutes(1), "default", Duration.ofSeconds(30), 0,
            "0.0.0.0");
    private static final List<String> UNITS = List.of("a", "b");

    private final ScriptedFeed feed = new ScriptedFeed(UNITS);
    private final TestClock clock = new TestClock();
    private final List<Duration> sleeps = new ArrayList<>();
    private Consumer<Duration> afterSleep = duration -> { };
    private Throttle throttle = Throttle.none();

    @Test
    void aFreshStartComparesEveryUnitInFullAndWritesItsCheckpointAtTheStart() {
        ScriptedServers servers = new ScriptedServers(fresh("no checkpoint"), P1);

        Daemon.Outcome outcome = daemon(servers, SETTINGS).run(Daemon.Mode.CATCH_UP);

        assertThat(feed.follows).containsExactly(P1);
        assertThat(servers.syncs).containsExactly(Map.of("a", new TableChange.Whole(), "b", new TableChange.Whole()));
        assertThat(outcome.fullSync()).isTrue();
        assertThat(outcome.fullSyncReason()).isEqualTo("no checkpoint");
        assertThat(outcome.position()).isEqualTo(P1);
        assertThat(servers.lastSaved().position()).isEqualTo(P1);
        assertThat(servers.lastSaved().status().running()).isFalse();
        assertThat(servers.closed).isTrue();
    }

    @Test
    void committedChangesAreSyncedAndTheCheckpointMovesToTheirCommitOnlyAfterwards() {
        ScriptedServers servers = new ScriptedServers(resumed(Map.of(), Set.of(), Map.of()), P2);
        change("a", 7, P2);

        Daemon.Outcome outcome = daemon(servers, SETTINGS).run(Daemon.Mode.CATCH_UP);

        assertThat(servers.syncs).containsExactly(Map.of("a", rows(7)));
        // Before the sync: the old position with the drained change pending; after it: the commit, nothing pending.
        assertThat(servers.savedPositions()).containsExactly(P1, P2, P2);
        assertThat(servers.saved.get(0).pending()).containsExactly(Map.entry("a", rows(7)));
        assertThat(servers.saved.get(1).pending()).isEmpty();
        assertThat(outcome.position()).isEqualTo(P2);
        assertThat(outcome.fullSync()).isFalse();
    }

    @Test
    void whatTheLastRunLeftPendingAndUnitsNewToTheCheckpointAreSyncedFirst() {
        ScriptedServers servers = new ScriptedServers(resumed(Map.of("a", rows(5)), Set.of("b"), Map.of()), P1);

        daemon(servers, SETTINGS).run(Daemon.Mode.CATCH_UP);

        assertThat(feed.follows).as("already at the end: nothing to follow").isEmpty();
        assertThat(servers.syncs).containsExactly(Map.of("a", rows(5), "b", new TableChange.Whole()));
        assertThat(servers.lastSaved().pending()).isEmpty();
    }

    @Test
    void aCycleThatFailsOnAConnectionLosesNothingAndIsRetriedAfterABackOff() {
        ScriptedServers servers = new ScriptedServers(resumed(Map.of(), Set.of(), Map.of()), P2);
        servers.syncFailures.add(new MysqlsliceException(Failure.CONNECTION, "the target went away"));
        change("a", 7, P2);

        Daemon.Outcome outcome = daemon(servers, SETTINGS).run(Daemon.Mode.CATCH_UP);

        assertThat(servers.syncs).containsExactly(Map.of("a", rows(7)), Map.of("a", rows(7)));
        assertThat(servers.resets).isEqualTo(1);
        assertThat(sleeps).containsExactly(Duration.ofMillis(200));
        assertThat(servers.savedPositions()).containsExactly(P1, P1, P2, P2);
        assertThat(servers.saved.get(1).pending()).containsExactly(Map.entry("a", rows(7)));
        assertThat(outcome.position()).isEqualTo(P2);
    }

    @Test
    void aFailureRetryingCannotFixEndsTheRunWithoutMovingTheCheckpoint() {
        ScriptedServers servers = new ScriptedServers(resumed(Map.of(), Set.of(), Map.of()), P2);
        servers.syncFailures.add(new MysqlsliceException(Failure.PRIVILEGE, "SELECT command denied"));
        change("a", 7, P2);

        assertThatThrownBy(() -> daemon(servers, SETTINGS).run(Daemon.Mode.CATCH_UP))
                .isInstanceOf(MysqlsliceException.class).hasMessage("SELECT command denied");

        assertThat(servers.savedPositions()).containsOnly(P1);
        assertThat(servers.closed).isTrue();
        assertThat(feed.stops).isPositive();
    }

    @Test
    void aLostPositionStartsOverWithAFullSyncFromTheSourcesCurrentEnd() {
        ScriptedServers servers = new ScriptedServers(resumed(Map.of(), Set.of(), Map.of()), P3);
        change("a", 7, P2);
        feed.signal(new ChangeFeed.Signal.PositionLost("bin.000001 was purged"));

        Daemon.Outcome outcome = daemon(servers, SETTINGS).run(Daemon.Mode.CATCH_UP);

        assertThat(feed.follows).containsExactly(P1, P3);
        assertThat(servers.syncs).containsExactly(Map.of("a", new TableChange.Whole(), "b", new TableChange.Whole()));
        assertThat(outcome.fullSync()).isTrue();
        assertThat(outcome.fullSyncReason()).isEqualTo("bin.000001 was purged");
        assertThat(outcome.position()).isEqualTo(P3);
        assertThat(servers.lastSaved().pending()).isEmpty();
    }

    @Test
    void aDroppedConnectionIsFollowedAgainFromTheLastCommitAfterABackOff() {
        ScriptedServers servers = new ScriptedServers(resumed(Map.of(), Set.of(), Map.of()), P2);
        change("a", 7, P2);
        feed.signal(new ChangeFeed.Signal.Disconnected("connection reset", false));

        daemon(servers, SETTINGS).run(Daemon.Mode.CATCH_UP);

        assertThat(feed.follows).containsExactly(P1, P2);
        assertThat(sleeps).containsExactly(Duration.ofMillis(500));
        assertThat(servers.syncs).containsExactly(Map.of("a", rows(7)));
    }

    @Test
    void theSameUndecodableEventOnThreeReconnectsEndsTheRunNamingTheWayOut() {
        ScriptedServers servers = new ScriptedServers(resumed(Map.of(), Set.of(), Map.of()), P2);
        for (int i = 0; i < 3; i++) {
            feed.onFollow.add(List.of(new ChangeFeed.Signal.Disconnected("cannot decode event", true)));
        }

        assertThatThrownBy(() -> daemon(servers, SETTINGS).run(Daemon.Mode.FOREVER))
                .isInstanceOfSatisfying(MysqlsliceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BINLOG))
                .hasMessageContaining("cannot be read past " + P1)
                .hasMessageContaining("delete checkpoint 'default'");

        assertThat(feed.follows).containsExactly(P1, P1, P1);
        // Each stream broke at once, so each reconnect waited twice as long as the one before.
        assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void reconnectsWaitLongerWhileEachStreamBreaksAtOnceAndStartOverAfterOneStayedUp() {
        ScriptedServers servers = new ScriptedServers(resumed(Map.of(), Set.of(), Map.of()), P2);
        for (int i = 0; i < 4; i++) {
            feed.onFollow.add(List.of(new ChangeFeed.Signal.Disconnected("connection reset", false)));
        }
        Daemon daemon = daemon(servers, SETTINGS);
        feed.afterFollow = count -> {
            if (count == 3) {
                clock.advance(Daemon.STABLE_STREAM);
            } else if (count == 5) {
                daemon.requestStop();
            }
        };

        daemon.run(Daemon.Mode.FOREVER);

        assertThat(feed.follows).hasSize(5);
        assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(500),
                Duration.ofMillis(1000));
    }

    @Test
    void aFatalStreamErrorEndsTheRun() {
        ScriptedServers servers = new ScriptedServers(resumed(Map.of(), Set.of(), Map.of()), P2);
        MysqlsliceException fatal = new MysqlsliceException(Failure.BINLOG, "binlog_format is STATEMENT");
        feed.signal(new ChangeFeed.Signal.Fatal(fatal));

        assertThatThrownBy(() -> daemon(servers, SETTINGS).run(Daemon.Mode.FOREVER)).isSameAs(fatal);
        assertThat(servers.syncs).isEmpty();
    }

    @Test
    void aStreamSilentForFiveHeartbeatsIsTakenForDeadAndOpenedAgain() {
        ScriptedServers servers = new ScriptedServers(resumed(Map.of(), Set.of(), Map.of()), P2);
        feed.silence = Duration.ofMinutes(6);
        Daemon daemon = daemon(servers, SETTINGS);
        feed.afterFollow = count -> {
            if (count == 2) {
                feed.silence = Duration.ZERO;
                daemon.requestStop();
            }
        };

        daemon.run(Daemon.Mode.FOREVER);

        assertThat(feed.follows).containsExactly(P1, P1);
        assertThat(feed.stops).isGreaterThanOrEqualTo(2);
        assertThat(sleeps).containsExactly(Duration.ofMillis(500));
    }

    @Test
    void ddlThatBreaksATablesShapeStopsOnlyThatTableAndKeepsItsChangesForLater() {
        ScriptedServers servers = new ScriptedServers(resumed(Map.of(), Set.of(), Map.of()), P2);
        servers.shapes.put("a", new ShapeWatcher.Check(Optional.empty(), "column c: int on the source, text on the target"));
        change("a", 1, P2);
        change("b", 2, P2);
        feed.signal(new ChangeFeed.Signal.Ddl("a"));

        daemon(servers, SETTINGS).run(Daemon.Mode.CATCH_UP);

        assertThat(servers.shapeChecks.get(0)).containsExactly("a");
        assertThat(servers.syncs).containsExactly(Map.of("b", rows(2)));
        Checkpoint last = servers.lastSaved();
        assertThat(last.position()).isEqualTo(P2);
        assertThat(last.pending()).containsExactly(Map.entry("a", new TableChange.Whole()));
        assertThat(last.status().stopped()).containsExactly(
                Map.entry("a", "column c: int on the source, text on the target"));
    }

    @Test
    void aStoppedTableWhoseShapesMatchAgainIsComparedInFullAndSyncedAgain() {
        ScriptedServers servers = new ScriptedServers(resumed(Map.of(), Set.of(), Map.of("a", "shapes differ")), P1);

        daemon(servers, SETTINGS).run(Daemon.Mode.CATCH_UP);

        assertThat(servers.shapeChecks.get(0)).containsExactly("a");
        assertThat(feed.tracked).extracting(TablePlan::name).containsExactly("a");
        assertThat(servers.syncs).containsExactly(Map.of("a", new TableChange.Whole()));
        assertThat(servers.lastSaved().status().stopped()).isEmpty();
        assertThat(servers.lastSaved().pending()).isEmpty();
    }

    @Test
    void changedRowsAnOpenTransactionStillLocksWaitForTheNextCycleAndStayInTheCheckpoint() {
        ScriptedServers servers = new ScriptedServers(resumed(Map.of(), Set.of(), Map.of()), P2);
        servers.locked.add(Set.of("a"));
        change("a", 1, P2);
        change("b", 2, P2);

        daemon(servers, SETTINGS).run(Daemon.Mode.CATCH_UP);

        assertThat(servers.syncs).containsExactly(Map.of("b", rows(2)), Map.of("a", rows(1)));
        assertPendingAfterTheFirstCycleOnly(servers);
    }

    @Test
    void aUnitTheCycleCouldNotFinishStaysPendingInTheCheckpointAndIsSyncedAgain() {
        ScriptedServers servers = new ScriptedServers(resumed(Map.of(), Set.of(), Map.of()), P2);
        // e.g. its statements kept hitting the source's time limit: the strategy gave it back.
        servers.results.add(new CycleRunner.Result(Map.of("a", rows(1)), Map.of(), 1, false));
        change("a", 1, P2);
        change("b", 2, P2);

        daemon(servers, SETTINGS).run(Daemon.Mode.CATCH_UP);

        assertThat(servers.syncs).containsExactly(Map.of("a", rows(1), "b", rows(2)), Map.of("a", rows(1)));
        assertPendingAfterTheFirstCycleOnly(servers);
    }

    @Test
    void aUnitWhoseSyncLeavesRowsDifferentIsSyncedAgainAndACatchUpEndsWithItPendingAfterThreeCycles() {
        ScriptedServers servers = new ScriptedServers(resumed(Map.of(), Set.of(), Map.of()), P2);
        for (int i = 0; i < Daemon.DIFFERENT_CYCLES; i++) {
            servers.results.add(new CycleRunner.Result(Map.of("a", rows(1)), Map.of(), 1, false, Set.of("a")));
        }
        change("a", 1, P2);

        Daemon.Outcome outcome = daemon(servers, SETTINGS).run(Daemon.Mode.CATCH_UP);

        assertThat(servers.syncs).containsExactly(Map.of("a", rows(1)), Map.of("a", rows(1)), Map.of("a", rows(1)));
        // Not retried as fast as cycles run: 200 ms before the second try, 400 ms before the third.
        assertThat(sleeps).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400));
        assertThat(outcome.stillDifferent()).containsExactly("a");
        assertThat(outcome.position()).isEqualTo(P2);
        assertThat(servers.lastSaved().pending()).containsExactly(Map.entry("a", rows(1)));
    }

    @Test
    void aUnitWhoseSyncLeftRowsDifferentOnceAndThenMatchedIsNotReported() {
        ScriptedServers servers = new ScriptedServers(resumed(Map.of(), Set.of(), Map.of()), P2);
        servers.results.add(new CycleRunner.Result(Map.of("a", rows(1)), Map.of(), 1, false, Set.of("a")));
        change("a", 1, P2);

        Daemon.Outcome outcome = daemon(servers, SETTINGS).run(Daemon.Mode.CATCH_UP);

        assertThat(servers.syncs).hasSize(2);
        assertThat(outcome.stillDifferent()).isEmpty();
        assertThat(servers.lastSaved().pending()).isEmpty();
    }

    @Test
    void aUnitWhoseSyncFindsItsShapeChangedIsStoppedAndItsChangesHeld() {
        ScriptedServers servers = new ScriptedServers(resumed(Map.of(), Set.of(), Map.of()), P3);
        servers.results.add(new CycleRunner.Result(Map.of(), Map.of("a", "a: the target has no column c"), 1, false));
        servers.shapes.put("a", new ShapeWatcher.Check(Optional.empty(), "a: the target has no column c"));
        change("a", 1, P2);
        Daemon daemon = daemon(servers, SETTINGS);
        servers.afterSync = changes -> {
            if (servers.syncs.size() == 1) {
                change("a", 3, P3);
                change("b", 2, P3);
            }
        };

        daemon.run(Daemon.Mode.CATCH_UP);

        assertThat(servers.syncs).containsExactly(Map.of("a", rows(1)), Map.of("b", rows(2)));
        Checkpoint last = servers.lastSaved();
        assertThat(last.position()).isEqualTo(P3);
        assertThat(last.pending()).containsExactly(Map.entry("a", new TableChange.Whole()));
        assertThat(last.status().stopped()).containsOnlyKeys("a");
    }

    @Test
    void whileHeldBackNothingIsSyncedAndTheChangesWait() {
        ScriptedServers servers = new ScriptedServers(resumed(Map.of(), Set.of(), Map.of()), P2);
        change("a", 7, P2);
        throttle.pause();
        afterSleep = duration -> throttle.resume();

        daemon(servers, SETTINGS).run(Daemon.Mode.CATCH_UP);

        assertThat(sleeps).containsExactly(Throttle.CHECK_EVERY);
        assertThat(servers.syncs).containsExactly(Map.of("a", rows(7)));
        assertThat(servers.lastSaved().position()).isEqualTo(P2);
    }

    @Test
    void aStopRequestWritesAStoppedCheckpointThatKeepsWhatIsStillPending() {
        ScriptedServers servers = new ScriptedServers(resumed(Map.of(), Set.of(), Map.of()), P2);
        change("a", 1, P2);
        Daemon daemon = daemon(servers, SETTINGS);
        servers.afterSync = changes -> {
            change("b", 2, P3);
            daemon.requestStop();
        };

        Daemon.Outcome outcome = daemon.run(Daemon.Mode.FOREVER);

        assertThat(servers.syncs).containsExactly(Map.of("a", rows(1)));
        Checkpoint last = servers.lastSaved();
        assertThat(last.position()).as("not past the change it did not sync").isEqualTo(P2);
        assertThat(last.pending()).containsExactly(Map.entry("b", rows(2)));
        assertThat(last.status().running()).isFalse();
        assertThat(servers.savedPositions()).doesNotContain(P3);
        assertThat(outcome.position()).isEqualTo(P2);
    }

    @Test
    void aStopRequestFromAnotherThreadEndsAnIdleWaitAtOnce() throws Exception {
        ScriptedServers servers = new ScriptedServers(resumed(Map.of(), Set.of(), Map.of()), P2);
        Daemon daemon = daemon(servers, SETTINGS);
        CountDownLatch following = new CountDownLatch(1);
        feed.afterFollow = count -> following.countDown();
        Thread running = new Thread(() -> daemon.run(Daemon.Mode.FOREVER), "daemon-under-test");
        running.setDaemon(true);
        running.start();
        assertThat(following.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(100);

        long asked = System.nanoTime();
        daemon.requestStop();
        running.join(Duration.ofSeconds(5).toMillis());

        assertThat(running.isAlive()).as("still waiting out its one-minute heartbeat").isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(2));
        assertThat(servers.lastSaved().status().running()).isFalse();
    }

    @Test
    void anIdleDaemonRenewsItsLeaseAndRewritesItsCheckpointOncePerHeartbeat() {
        ScriptedServers servers = new ScriptedServers(resumed(Map.of(), Set.of(), Map.of()), P2);
        DaemonSettings often = new DaemonSettings(DaemonSettings.DEFAULT_SERVER_ID, DaemonSettings.PositionMode.AUTO,
                Duration.ZERO, Duration.ofMillis(10), "default", Duration.ofSeconds(30), 0, "0.0.0.0");
        Daemon daemon = daemon(servers, often);
        clock.tick = Duration.ofMillis(4);
        servers.afterRenew = () -> {
            if (servers.renewals == 3) {
                daemon.requestStop();
            }
        };

        daemon.run(Daemon.Mode.FOREVER);

        assertThat(servers.renewals).isEqualTo(3);
        assertThat(servers.saved).hasSize(4);
        assertThat(servers.saved.subList(0, 3)).allSatisfy(checkpoint -> {
            assertThat(checkpoint.position()).isEqualTo(P1);
            assertThat(checkpoint.status().running()).isTrue();
        });
        assertThat(servers.syncs).isEmpty();
    }

    /** The first cycle's checkpoint is at its commit with a's change still pending; the last has nothing pending. */
    private static void assertPendingAfterTheFirstCycleOnly(ScriptedServers servers) {
        assertThat(servers.saved.get(1).position()).isEqualTo(P2);
        assertThat(servers.saved.get(1).pending()).containsExactly(Map.entry("a", rows(1)));
        assertThat(servers.lastSaved().pending()).isEmpty();
    }

    private Daemon daemon(ScriptedServers servers, DaemonSettings settings) {
        return new Daemon(settings, UNITS.stream().map(DaemonTest::plan).toList(), () -> servers,
                (gtid, plans, metrics) -> feed, throttle, clock, duration -> {
                    sleeps.add(duration);
                    clock.advance(duration);
                    afterSleep.accept(duration);
                });
    }

    /** Marks one changed row of {@code unit} in a transaction that commits at {@code commit}. */
    private void change(String unit, long key, BinlogPosition commit) {
        feed.dirty.mark(unit, Key.of(key));
        feed.dirty.commit(commit, clock.millis());
    }

    private static TableChange rows(long key) {
        return new TableChange.Ranges(List.of(KeyRange.single(Key.of(key))));
    }

    private static Start fresh(String reason) {
        return new Start(P1, false, SOURCE, true, reason, Map.of(), Set.of(), Map.of(),
                CheckpointLedger.fresh("default", SOURCE, UNITS));
    }

    private static Start resumed(Map<String, TableChange> pending, Set<String> newUnits, Map<String, String> stopped) {
        return new Start(P1, false, SOURCE, false, "", pending, newUnits, stopped,
                CheckpointLedger.fresh("default", SOURCE, UNITS));
    }

    private static TablePlan plan(String name) {
        TableShape shape = new TableShape(name, List.of(new Column("id", "int", ColumnKind.SIGNED_INTEGER, false, false,
                Optional.empty(), Optional.empty())), List.of("id"), "PRIMARY");
        return TablePlan.of(TableConfig.withDefaults(name, Defaults.standard()), shape);
    }

    /** Wall-clock time that moves only when the test (or a sleep) moves it, or by {@code tick} at each reading. */
    private static final class TestClock extends Clock {
        private final AtomicLong millis = new AtomicLong(Instant.parse("2026-12-01T12:00:00Z").toEpochMilli());
        volatile Duration tick = Duration.ZERO;

        void advance(Duration duration) {
            millis.addAndGet(duration.toMillis());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.getAndAdd(tick.toMillis()));
        }
    }
}
