package dev.mysqlslice.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * Builds the configured {@link CommandLine}: commands, aliases, exit-code mapping and error
 * reporting. Picocli reads every command's annotations when it is added (about 0.15 s for all of
 * them at start-up), so a command line naming one command gets only that one; anything else (help,
 * a version request, an unknown word) gets them all.
 */
public final class Cli {

    /** A subcommand: its class and its other names. */
    private record Entry(Class<?> command, List<String> aliases) {
    }

    /** Every subcommand, in the order the help lists them. */
    private static final Map<String, Entry> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("schema", new Entry(SchemaCommand.class, List.of()));
        COMMANDS.put("sync", new Entry(SyncCommand.class, List.of("pull-slice", "pull_slice")));
        COMMANDS.put("verify", new Entry(VerifyCommand.class, List.of()));
        COMMANDS.put("daemon", new Entry(DaemonCommand.class, List.of()));
        COMMANDS.put("status", new Entry(StatusCommand.class, List.of()));
        COMMANDS.put("pause", new Entry(PauseCommand.class, List.of()));
        COMMANDS.put("resume", new Entry(ResumeCommand.class, List.of()));
        COMMANDS.put("sandbox", new Entry(SandboxCommand.class, List.of()));
        // The original tool's `pull_schema` command, as an alias of `schema pull`.
        COMMANDS.put("pull-schema", new Entry(SchemaPullCommand.class, List.of("pull_schema")));
    }

    private Cli() {
    }

    /** The command line with every command. */
    public static CommandLine create(CommandLine.IFactory factory) {
        return create(factory, COMMANDS.keySet().stream().toList());
    }

    /** The command line to run {@code args}: the one command they name, or every command. */
    public static CommandLine forArguments(CommandLine.IFactory factory, String... args) {
        for (String arg : args) {
            if (arg.startsWith("-")) {
                continue;
            }
            for (Map.Entry<String, Entry> command : COMMANDS.entrySet()) {
                if (command.getKey().equals(arg) || command.getValue().aliases().contains(arg)) {
                    return create(factory, List.of(command.getKey()));
                }
            }
            break;
        }
        return create(factory);
    }

    private static CommandLine create(CommandLine.IFactory factory, List<String> names) {
        CommandLine commandLine = new CommandLine(MysqlsliceCommand.class, factory);
        for (String name : names) {
            Entry entry = COMMANDS.get(name);
            commandLine.addSubcommand(name, new CommandLine(entry.command(), factory), entry.aliases().toArray(String[]::new));
        }
        commandLine.getCommandSpec().usageMessage().exitCodeList(ExitCodes.HELP);
        commandLine.setExitCodeExceptionMapper(new ExitCodes());
        commandLine.setExecutionExceptionHandler(new ErrorReporter());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }
}
