package dev.mysqlslice.cli;

import dev.mysqlslice.cli.options.HelpOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mysqlslice schema}: schema operations (see its subcommands). */
@Command(name = "schema", addMethodSubcommands = false, description = "Schema operations.", subcommands = SchemaPullCommand.class)
public final class SchemaCommand implements Runnable {

    @Mixin
    HelpOptions helpOptions;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand; try: mysqlslice schema pull");
    }
}
