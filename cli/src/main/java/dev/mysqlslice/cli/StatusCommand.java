package dev.mysqlslice.cli;

import dagger.Lazy;
import dev.mysqlslice.cli.options.ConnectionOptions;
import dev.mysqlslice.cli.options.HelpOptions;
import dev.mysqlslice.cli.options.LoggingOptions;
import dev.mysqlslice.config.Config;
import dev.mysqlslice.daemon.run.DaemonReport;
import dev.mysqlslice.daemon.run.StatusReader;
import dev.mysqlslice.jdbc.Connector;
import dev.mysqlslice.jdbc.Session;
import dev.mysqlslice.jdbc.SessionPair;
import java.util.concurrent.Callable;
import javax.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mysqlslice status}: where the daemon's checkpoint is and how it is doing. */
@Command(name = "status", addMethodSubcommands = false,
        description = "Show the daemon's checkpoint position, seconds behind the source, ranges pending per table,"
                + " the last cycle, and tables stopped by errors.")
public final class StatusCommand implements Callable<Integer> {

    @Mixin
    HelpOptions helpOptions;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    LoggingOptions logging;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Spec
    CommandSpec spec;

    private final Lazy<Configs> configs;
    private final Lazy<Connector> connector;
    private final Lazy<StatusReader> reader;

    @Inject
    public StatusCommand(Lazy<Configs> configs, Lazy<Connector> connector, Lazy<StatusReader> reader) {
        this.configs = configs;
        this.connector = connector;
        this.reader = reader;
    }

    @Override
    public Integer call() {
        logging.apply();
        Config config = configs.get().load(connection, spec.commandLine().getErr());
        DaemonReport report;
        try (SessionPair sessions = configs.get().sessions(connector.get(), config)) {
            Session source = sessions.source();
            Session target = sessions.target();
            report = reader.get().read(source, target, config.daemon());
        }
        spec.commandLine().getOut().print(json ? report.json() + "\n" : report.text());
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
