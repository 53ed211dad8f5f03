package dev.mysqlslice.cli;

import picocli.CommandLine;

/** Builds the configured {@link CommandLine}: commands, aliases, exit-code mapping and error reporting. */
public final class Cli {

    private Cli() {
    }

    public static CommandLine create(CommandLine.IFactory factory) {
        CommandLine commandLine = new CommandLine(MysqlsliceCommand.class, factory);
        // The original tool's `pull_schema` command, as an alias of `schema pull`.
        commandLine.addSubcommand("pull-schema", new CommandLine(SchemaPullCommand.class, factory), "pull_schema");
        commandLine.getSubcommands().get("sync").getCommandSpec().aliases("pull-slice", "pull_slice");
        commandLine.getCommandSpec().usageMessage().exitCodeList(ExitCodes.HELP);
        commandLine.setExitCodeExceptionMapper(new ExitCodes());
        commandLine.setExecutionExceptionHandler(new ErrorReporter());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }
}
