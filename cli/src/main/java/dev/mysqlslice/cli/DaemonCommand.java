package dev.mysqlslice.cli;

import dagger.Lazy;
import dev.mysqlslice.cli.options.ConnectionOptions;
import dev.mysqlslice.cli.options.HelpOptions;
import dev.mysqlslice.cli.options.LoggingOptions;
import dev.mysqlslice.cli.options.TableOptions;
import dev.mysqlslice.config.DaemonSettings;
import dev.mysqlslice.daemon.monitor.MonitorServer;
import dev.mysqlslice.daemon.run.Daemon;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import javax.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mysqlslice daemon}: keep the target in sync continuously by following the source's binlog. */
@Command(name = "daemon", addMethodSubcommands = false,
        description = "Follow the source's binlog and sync the ranges of the configured tables that change, as soon"
                + " as they change. Without a usable checkpoint (first start, purged binlog, other server) it first"
                + " runs a full range-hash sync. SIGTERM or Ctrl-C finish the current step, write the checkpoint and"
                + " exit 0.")
public final class DaemonCommand implements Callable<Integer> {

    @Mixin
    HelpOptions helpOptions;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    LoggingOptions logging;

    @Mixin
    TableOptions tableOptions;

    @Option(names = "--report", paramLabel = "FILE", description = "On stop, write the run's counters as JSON to FILE.")
    Path report;

    @Option(names = "--metrics-port", paramLabel = "PORT",
            description = "Serve /metrics and /health on PORT (default: daemon.metrics-port; 0 turns them off).")
    Integer metricsPort;

    @Spec
    CommandSpec spec;

    private final Lazy<DaemonLauncher> launcher;

    @Inject
    public DaemonCommand(Lazy<DaemonLauncher> launcher) {
        this.launcher = launcher;
    }

    @Override
    public Integer call() {
        logging.apply();
        Daemon daemon = launcher.get().create(connection, tableOptions.tables(), spec.commandLine().getErr());
        DaemonSettings settings = metricsPort == null ? daemon.settings() : daemon.settings().withMetricsPort(metricsPort);
        try (MonitorServer monitor = settings.metricsPort() == 0 ? null : MonitorServer.start(settings.metricsAddress(),
                settings.metricsPort(), daemon.metrics(), daemon.units(), settings.maxLag(), daemon.throttle())) {
            Signals.onStop(daemon::requestStop);
            Daemon.Outcome outcome = daemon.run(Daemon.Mode.FOREVER);
            if (report != null) {
                JsonReport.write(report, outcome);
            }
        }
        return ExitCodes.OK;
    }
}
