package dev.mysqlslice.cli.logging;

import dev.mysqlslice.concurrent.DaemonThreads;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Sets logging up on a thread of its own while the command line is built (both cost tens of
 * milliseconds in a cold JVM): java.util.logging routed to SLF4J (the binlog client logs there),
 * then logback started. {@link #await} before the command runs, so every record of the command
 * goes through the one configured log.
 */
public final class LoggingStartup {

    private final Thread thread;

    private LoggingStartup(Thread thread) {
        this.thread = thread;
    }

    /** Starts setting logging up and returns at once. */
    public static LoggingStartup begin() {
        Thread thread = DaemonThreads.named("mysqlslice-logging").newThread(LoggingStartup::run);
        thread.start();
        return new LoggingStartup(thread);
    }

    /** Waits until logging is set up. */
    public void await() {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void run() {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        LoggerFactory.getILoggerFactory();
    }
}
