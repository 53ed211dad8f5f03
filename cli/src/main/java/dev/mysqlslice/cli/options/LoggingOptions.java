package dev.mysqlslice.cli.options;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.mysqlslice.cli.logging.LogbackSetup;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/** {@code -v} for more log detail (repeat for more), {@code -q} for warnings only, {@code --log-format}. */
public final class LoggingOptions {

    @Option(names = {"-v", "--verbose"}, description = "More log detail (-vv for SQL-level detail).")
    boolean[] verbose = new boolean[0];

    @Option(names = {"-q", "--quiet"}, description = "Log warnings and errors only.")
    boolean quiet;

    @Option(names = "--log-format", paramLabel = "FORMAT", defaultValue = "${env:MYSQLSLICE_LOG_FORMAT:-text}",
            description = "text (one readable line per event) or json (one JSON object per line, for log shippers);"
                    + " default: $MYSQLSLICE_LOG_FORMAT or text.")
    LogbackSetup.Format format = LogbackSetup.Format.TEXT;

    public boolean isVerbose() {
        return verbose.length > 0;
    }

    /** Sets the log level from the flags; called by commands before they do anything else. */
    public void apply() {
        LogbackSetup.use(format);
        Level level = quiet ? Level.WARN : verbose.length >= 2 ? Level.TRACE : verbose.length == 1 ? Level.DEBUG : Level.INFO;
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(quiet ? Level.WARN : Level.INFO);
        }
        if (LoggerFactory.getLogger("dev.mysqlslice") instanceof Logger ours) {
            ours.setLevel(level);
        }
    }
}
