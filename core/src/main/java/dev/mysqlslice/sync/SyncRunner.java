package dev.mysqlslice.sync;

import dev.mysqlslice.concurrent.DaemonThreads;
import dev.mysqlslice.config.Config;
import dev.mysqlslice.config.StrategyKind;
import dev.mysqlslice.error.Failure;
import dev.mysqlslice.error.MysqlsliceException;
import dev.mysqlslice.jdbc.Connector;
import dev.mysqlslice.jdbc.Endpoint;
import dev.mysqlslice.jdbc.SessionPair;
import dev.mysqlslice.model.TableCounters;
import dev.mysqlslice.model.TablePlan;
import dev.mysqlslice.model.TableReport;
import dev.mysqlslice.strategy.ProgressListener;
import dev.mysqlslice.strategy.Scope;
import dev.mysqlslice.strategy.ServerSettings;
import dev.mysqlslice.strategy.SyncStrategy;
import dev.mysqlslice.strategy.TableJob;
import dev.mysqlslice.throttle.ReplicaLag;
import dev.mysqlslice.throttle.SourceStatus;
import dev.mysqlslice.throttle.Throttle;
import dev.mysqlslice.transfer.WriteMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** The one-shot catch-up: check every table first, then run each table's strategy, several at a time. */
public final class SyncRunner {

    private static final Logger LOG = LoggerFactory.getLogger(SyncRunner.class);

    private final Connector connector;
    private final Planner planner;
    private final Map<StrategyKind, SyncStrategy> strategies;

    @Inject
    public SyncRunner(Connector connector, Planner planner, Map<StrategyKind, SyncStrategy> strategies) {
        this.connector = connector;
        this.planner = planner;
        this.strategies = strategies;
    }

    public SyncReport run(Config config, Endpoint source, Endpoint target, SyncRequest request, ProgressListener progress) {
        Instant start = Instant.now();
        List<TablePlan> plans;
        WriteMethod writes;
        try (SessionPair sessions = SessionPair.open(connector, source, target)) {
            plans = planner.plan(sessions.source(), sessions.target(), config, request.tables());
            writes = request.mode().writes() ? ServerPool.writeMethod(sessions.target()) : WriteMethod.INSERT;
        }
        if (request.mode().writes() && writes == WriteMethod.INSERT) {
            LOG.info("the target does not allow LOAD DATA LOCAL INFILE (local_infile=OFF); bulk copies use batched"
                    + " INSERTs, which are slower. SET GLOBAL local_infile = 1 on the target to speed them up");
        }
        LOG.info("{} {} table(s) from {} to {}", verb(request), plans.size(), source.describe(), target.describe());
        try (SourceStatus status = new SourceStatus(connector, source);
             ReplicaLag lag = new ReplicaLag(connector, ReplicaLag.endpoints(source, config.throttle().replicas()),
                     config.throttle().maxLag());
             ServerPool servers = new ServerPool(new ServerSettings(connector, source, target, writes,
                     config.defaults().transactionRows(), throttle(config, status, lag, progress),
                     config.throttle().chunkTime()))) {
            progress.planned(plans.size());
            List<TableRun> runs = runAll(plans, request, servers, progress);
            List<TableReport> reports = runs.stream().flatMap(run -> run.reports().stream()).toList();
            Optional<MysqlsliceException> failure = runs.stream().flatMap(run -> run.failure().stream()).findFirst();
            return new SyncReport(reports, Duration.between(start, Instant.now()), failure);
        }
    }

    /** The source's throttle, with {@code progress} told where to ask whether it holds work back. */
    private static Throttle throttle(Config config, SourceStatus status, ReplicaLag lag, ProgressListener progress) {
        Throttle throttle = new Throttle(config.throttle(), status, lag.isEmpty() ? Throttle.LagProbe.NONE : lag,
                System::nanoTime, duration -> Thread.sleep(duration.toMillis()));
        progress.heldBackBy(throttle::heldBack);
        return throttle;
    }

    /** One table's reports, and its failure if it failed. */
    private record TableRun(List<TableReport> reports, Optional<MysqlsliceException> failure) {
    }

    private List<TableRun> runAll(List<TablePlan> plans, SyncRequest request, ServerPool servers,
                                  ProgressListener progress) {
        ExecutorService tables = Executors.newFixedThreadPool(request.parallel(), DaemonThreads.named("mysqlslice-table"));
        try {
            List<Future<TableRun>> futures = new ArrayList<>();
            for (TablePlan plan : plans) {
                futures.add(tables.submit(() -> {
                    try {
                        return runTable(plan, request, servers, progress);
                    } finally {
                        progress.finished(plan.name());
                    }
                }));
            }
            List<TableRun> runs = new ArrayList<>();
            for (Future<TableRun> future : futures) {
                runs.add(future.get());
            }
            return runs;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MysqlsliceException(Failure.INTERRUPTED, "interrupted; every table is as before or consistently"
                    + " repaired up to some range; run the same command again to finish", e);
        } catch (ExecutionException e) {
            throw new MysqlsliceException(Failure.INTERNAL, "a table's sync failed unexpectedly: " + e.getCause(), e.getCause());
        } finally {
            tables.shutdownNow();
        }
    }

    private TableRun runTable(TablePlan plan, SyncRequest request, ServerPool servers, ProgressListener progress) {
        MDC.put("table", plan.name());
        MDC.put("strategy", plan.config().strategy().configName());
        Instant start = Instant.now();
        try {
            SyncStrategy strategy = strategies.get(plan.config().strategy());
            LOG.debug("{} with strategy {}", verb(request), plan.config().strategy());
            List<TableReport> reports = strategy.sync(new TableJob(plan, Scope.WHOLE, request.mode(), servers, progress));
            reports.forEach(report -> LOG.info("{}: {} ({} inserted, {} updated, {} deleted) in {} ms", report.table(),
                    report.state().label(), report.counters().inserted(), report.counters().updated(),
                    report.counters().deleted(), report.elapsed().toMillis()));
            return new TableRun(reports, Optional.empty());
        } catch (MysqlsliceException e) {
            LOG.error("{}: {}", plan.name(), e.getMessage());
            return new TableRun(List.of(TableReport.failed(plan.name(), plan.config().strategy(), request.mode(),
                    new TableCounters(), Duration.between(start, Instant.now()), e.getMessage())), Optional.of(e));
        } finally {
            MDC.clear();
        }
    }

    private static String verb(SyncRequest request) {
        return switch (request.mode()) {
            case APPLY -> "syncing";
            case DRY_RUN -> "dry run of";
            case VERIFY -> "verifying";
        };
    }
}
