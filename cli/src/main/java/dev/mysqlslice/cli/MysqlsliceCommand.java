package dev.mysqlslice.cli;

import dev.mysqlslice.cli.options.HelpOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level {@code mysqlslice} command: lists the subcommands ({@link Cli} adds them) and the exit codes. */
@Command(name = "mysqlslice", addMethodSubcommands = false, versionProvider = VersionProvider.class,
        description = "Keeps a local MySQL/MariaDB database in sync with selected tables of a remote one, table by table, with a strategy per table (append-only, general, slice).",
        exitCodeListHeading = "%nExit codes:%n",
        footer = {"", "Aliases of the original tool: pull-schema = schema pull, pull-slice = sync."})
public final class MysqlsliceCommand implements Runnable {

    @Mixin
    HelpOptions helpOptions;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command; see mysqlslice --help");
    }
}
