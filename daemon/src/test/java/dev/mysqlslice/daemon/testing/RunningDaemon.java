package dev.mysqlslice.daemon.testing;

import dev.mysqlslice.config.Config;
import dev.mysqlslice.config.Role;
import dev.mysqlslice.daemon.binlog.BinlogFaults;
import dev.mysqlslice.daemon.run.Daemon;
import dev.mysqlslice.jdbc.Connector;
import dev.mysqlslice.jdbc.Session;
import dev.mysqlslice.model.TablePlan;
import dev.mysqlslice.testing.Eventually;
import dev.mysqlslice.testing.ServerPair;
import dev.mysqlslice.testing.TableContents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** A daemon running in the background of a test, and ways to wait for it. */
public final class RunningDaemon implements AutoCloseable {

    private static final DaemonTestComponent COMPONENT = DaggerDaemonTestComponent.create();

    private final Daemon daemon;
    private final CompletableFuture<Daemon.Outcome> outcome;

    private RunningDaemon(Daemon daemon, CompletableFuture<Daemon.Outcome> outcome) {
        this.daemon = daemon;
        this.outcome = outcome;
    }

    /** Plans the tables and starts a daemon for them in the background. */
    public static RunningDaemon start(ServerPair servers, String yaml) {
        return start(servers, yaml, BinlogFaults.NONE);
    }

    /** As {@link #start(ServerPair, String)}, with binlog decoding or routing failing on purpose. */
    public static RunningDaemon start(ServerPair servers, String yaml, BinlogFaults faults) {
        Daemon daemon = create(servers, yaml, faults);
        CompletableFuture<Daemon.Outcome> outcome = CompletableFuture.supplyAsync(() -> daemon.run(Daemon.Mode.FOREVER));
        return new RunningDaemon(daemon, outcome);
    }

    /** A daemon that runs in the caller's thread (e.g. for run-once catch-up). */
    public static Daemon create(ServerPair servers, String yaml) {
        return create(servers, yaml, BinlogFaults.NONE);
    }

    /** A daemon that runs in the caller's thread, with binlog decoding or routing failing on purpose. */
    public static Daemon create(ServerPair servers, String yaml, BinlogFaults faults) {
        return create(servers, yaml, faults, List.of());
    }

    /** A daemon for only some of the configured tables, as {@code --table} makes one. */
    public static Daemon create(ServerPair servers, String yaml, List<String> only) {
        return create(servers, yaml, BinlogFaults.NONE, only);
    }

    private static Daemon create(ServerPair servers, String yaml, BinlogFaults faults, List<String> only) {
        Config config = servers.config(yaml);
        List<TablePlan> plans;
        try (Session source = Session.open(new Connector(), servers.endpoint(Role.SOURCE));
             Session target = Session.open(new Connector(), servers.endpoint(Role.TARGET))) {
            plans = COMPONENT.planner().plan(source, target, config, only);
        }
        return COMPONENT.daemonFactory().create(config, servers.endpoint(Role.SOURCE), servers.endpoint(Role.TARGET), plans,
                faults);
    }

    public Daemon daemon() {
        return daemon;
    }

    /** Waits until every table has the same rows on both servers. */
    public void awaitIdentical(ServerPair servers, Duration timeout, String... tables) {
        await(() -> differing(servers, tables).isEmpty(), timeout, "tables " + List.of(tables) + " becoming identical");
    }

    private static List<String> differing(ServerPair servers, String... tables) {
        List<String> differing = new ArrayList<>();
        for (String table : tables) {
            if (!TableContents.of(servers.target(), table).equals(TableContents.of(servers.source(), table))) {
                differing.add(table);
            }
        }
        return differing;
    }

    /** Waits until {@code condition} holds; fails at once if the daemon stops meanwhile. */
    public void await(BooleanSupplier condition, Duration timeout, String what) {
        try {
            Eventually.await(condition, what, timeout, this::failIfStopped);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void failIfStopped() {
        if (outcome.isDone()) {
            outcome.join();
            throw new IllegalStateException("the daemon stopped");
        }
    }

    /** The exception the daemon ended with, if it has ended with one. */
    public Optional<Throwable> failure() {
        if (!outcome.isCompletedExceptionally()) {
            return Optional.empty();
        }
        try {
            outcome.join();
            return Optional.empty();
        } catch (CompletionException e) {
            return Optional.of(e.getCause());
        }
    }

    /** Asks the daemon to stop and waits for it. */
    public Daemon.Outcome stop() {
        daemon.requestStop();
        try {
            return outcome.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the daemon did not stop cleanly", e);
        }
    }

    @Override
    public void close() {
        if (!outcome.isDone()) {
            stop();
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
