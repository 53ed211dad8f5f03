package dev.mysqlslice.cli;

import dagger.Lazy;
import dev.mysqlslice.cli.options.ConnectionOptions;
import dev.mysqlslice.cli.options.HelpOptions;
import dev.mysqlslice.cli.options.LoggingOptions;
import dev.mysqlslice.cli.options.TableOptions;
import dev.mysqlslice.config.Config;
import dev.mysqlslice.jdbc.Connector;
import dev.mysqlslice.jdbc.Session;
import dev.mysqlslice.jdbc.SessionPair;
import dev.mysqlslice.schema.SchemaPullReport;
import dev.mysqlslice.schema.SchemaPuller;
import dev.mysqlslice.sync.TableSelection;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import javax.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mysqlslice schema pull} (alias {@code pull-schema}): copy table definitions into the target. */
@Command(name = "pull", addMethodSubcommands = false,
        description = "Copy the definitions of the configured tables (all tables when none are configured) from the source into the target database, FOREIGN KEY constraints removed. Refuses when the target already has one of them, unless --replace is given. Views, triggers and routines are listed as skipped.")
public final class SchemaPullCommand implements Callable<Integer> {

    @Mixin
    HelpOptions helpOptions;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    LoggingOptions logging;

    @Mixin
    TableOptions tableOptions;

    @Option(names = "--replace", description = "Drop and recreate target tables that already exist (their rows are lost).")
    boolean replace;

    @Spec
    CommandSpec spec;

    private final Lazy<Configs> configs;
    private final Lazy<Connector> connector;
    private final Lazy<SchemaPuller> puller;

    @Inject
    public SchemaPullCommand(Lazy<Configs> configs, Lazy<Connector> connector, Lazy<SchemaPuller> puller) {
        this.configs = configs;
        this.connector = connector;
        this.puller = puller;
    }

    @Override
    public Integer call() {
        logging.apply();
        PrintWriter out = spec.commandLine().getOut();
        Config config = configs.get().load(connection, spec.commandLine().getErr());
        List<String> wanted = TableSelection.forSchemaPull(config, tableOptions.tables());
        SchemaPullReport report;
        try (SessionPair sessions = configs.get().sessions(connector.get(), config)) {
            Session source = sessions.source();
            Session target = sessions.target();
            report = puller.get().pull(source, target, wanted, replace);
        }
        out.println("created " + report.created().size() + " table(s) in target database " + config.target().database()
                + ": " + String.join(", ", report.created()));
        if (!report.replaced().isEmpty()) {
            out.println("replaced (dropped first): " + String.join(", ", report.replaced()));
        }
        report.foreignKeysRemoved().forEach((table, count) ->
                out.println("removed " + count + " foreign key(s) from " + table));
        if (!report.skipped().isEmpty()) {
            out.println("skipped (schema pull copies tables only): " + String.join(", ", report.skipped()));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
