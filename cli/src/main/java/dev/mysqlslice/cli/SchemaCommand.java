package dev.mysqlslice.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mysqlslice schema}: schema operations (see its subcommands). */
@Command(name = "schema", description = "Schema operations.", subcommands = SchemaPullCommand.class,
        mixinStandardHelpOptions = true)
public final class SchemaCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand; try: mysqlslice schema pull");
    }
}
