package dev.mysqlslice.cli.ioc;

import dev.mysqlslice.cli.Cli;
import dev.mysqlslice.cli.TerminalPrompter;
import dev.mysqlslice.jdbc.DriverWarmup;
import dev.mysqlslice.jdbc.PasswordResolver;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** Entry point of the runnable jar. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command line and returns its exit code. */
    public static int run(String... args) {
        DriverWarmup.start();
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        PasswordResolver passwords = PasswordResolver.system(new TerminalPrompter());
        return Cli.forArguments(new DaggerFactory(DaggerCliComponent.factory().create(passwords)), args).execute(args);
    }
}
