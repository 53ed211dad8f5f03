package dev.mysqlslice.cli.ioc;

import dev.mysqlslice.cli.Cli;
import dev.mysqlslice.cli.TerminalPrompter;
import dev.mysqlslice.cli.logging.LogbackProvider;
import dev.mysqlslice.cli.logging.LoggingStartup;
import dev.mysqlslice.jdbc.DriverWarmup;
import dev.mysqlslice.jdbc.PasswordResolver;
import picocli.CommandLine;

/** Entry point of the runnable jar. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command line and returns its exit code. */
    public static int run(String... args) {
        // SLF4J's own notice about a named provider is informational; warnings still show.
        System.getProperties().putIfAbsent("slf4j.provider", LogbackProvider.class.getName());
        System.getProperties().putIfAbsent("slf4j.internal.verbosity", "WARN");
        DriverWarmup.start();
        LoggingStartup logging = LoggingStartup.begin();
        PasswordResolver passwords = PasswordResolver.system(new TerminalPrompter());
        CommandLine commandLine = Cli.forArguments(new DaggerFactory(DaggerCliComponent.factory().create(passwords)), args);
        logging.await();
        return commandLine.execute(args);
    }
}
