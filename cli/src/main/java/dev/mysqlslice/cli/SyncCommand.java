package dev.mysqlslice.cli;

import dagger.Lazy;
import dev.mysqlslice.cli.options.ConnectionOptions;
import dev.mysqlslice.cli.options.HelpOptions;
import dev.mysqlslice.cli.options.LoggingOptions;
import dev.mysqlslice.cli.options.TableOptions;
import dev.mysqlslice.daemon.monitor.DaemonMetrics;
import dev.mysqlslice.daemon.run.Daemon;
import dev.mysqlslice.model.SyncMode;
import dev.mysqlslice.sync.SyncReport;
import dev.mysqlslice.sync.SyncRequest;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import javax.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mysqlslice sync} (alias {@code pull-slice}): one-shot catch-up of the configured tables. */
@Command(name = "sync", addMethodSubcommands = false,
        description = "Run each configured table's strategy once so that the target matches the source, then print"
                + " a summary per table. Exit 0 when every table ends identical, 1 when some table still differs.")
public final class SyncCommand implements Callable<Integer> {

    @Mixin
    HelpOptions helpOptions;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    LoggingOptions logging;

    @Mixin
    TableOptions tableOptions;

    @Option(names = "--dry-run", description = "Report what would change (rows to insert, update, delete) and write nothing.")
    boolean dryRun;

    @Option(names = "--incremental", description = "Read the binlog from the daemon's checkpoint up to the source's"
            + " current position, sync only what it dirtied, write the checkpoint and exit (a cheap catch-up for cron)."
            + " Without a usable checkpoint it runs a full sync and records one.")
    boolean incremental;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the outcome as JSON to FILE.")
    Path report;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "2",
            description = "Tables synced at the same time (default ${DEFAULT-VALUE}).")
    int parallel;

    @Spec
    CommandSpec spec;

    private final Lazy<OneShotRun> oneShot;
    private final Lazy<DaemonLauncher> launcher;

    @Inject
    public SyncCommand(Lazy<OneShotRun> oneShot, Lazy<DaemonLauncher> launcher) {
        this.oneShot = oneShot;
        this.launcher = launcher;
    }

    @Override
    public Integer call() {
        logging.apply();
        if (parallel < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--parallel must be at least 1");
        }
        if (incremental) {
            if (dryRun) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--incremental and --dry-run cannot be combined");
            }
            return incremental();
        }
        SyncReport report = oneShot.get().run(spec.commandLine(), connection,
                new SyncRequest(tableOptions.tables(), dryRun ? SyncMode.DRY_RUN : SyncMode.APPLY, parallel), logging.isVerbose());
        if (this.report != null) {
            JsonReport.write(this.report, report);
        }
        spec.commandLine().getOut().print(SummaryTable.render(report, dryRun));
        spec.commandLine().getOut().flush();
        report.firstFailure().ifPresent(failure -> spec.commandLine().getErr().println("mysqlslice: error: "
                + failure.getMessage()));
        return OneShotRun.exitCode(report);
    }

    private int incremental() {
        Daemon daemon = launcher.get().create(connection, tableOptions.tables(), spec.commandLine().getErr());
        Signals.onStop(daemon::requestStop);
        Daemon.Outcome outcome = daemon.run(Daemon.Mode.CATCH_UP);
        DaemonMetrics metrics = outcome.metrics();
        if (report != null) {
            JsonReport.write(report, outcome);
        }
        spec.commandLine().getOut().printf("caught up to %s: %,d inserted, %,d updated, %,d deleted in %d cycle(s)%s%n",
                outcome.position(), metrics.inserted(), metrics.updated(), metrics.deleted(), metrics.cycles(),
                outcome.fullSync() ? " after a full sync (" + outcome.fullSyncReason() + ")" : "");
        if (!outcome.stillDifferent().isEmpty()) {
            spec.commandLine().getOut().printf("still different: %s (their syncs left rows different %d times in a row;"
                    + " their changes stay in the checkpoint for the next run; `verify --show 10` shows the keys)%n",
                    String.join(", ", outcome.stillDifferent()), Daemon.DIFFERENT_CYCLES);
        }
        spec.commandLine().getOut().flush();
        if (!metrics.stoppedTables().isEmpty()) {
            return ExitCodes.SCHEMA;
        }
        return outcome.stillDifferent().isEmpty() ? ExitCodes.OK : ExitCodes.DIFFERENCES;
    }
}
