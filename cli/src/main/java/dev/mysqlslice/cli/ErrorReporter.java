package dev.mysqlslice.cli;

import dev.mysqlslice.error.MysqlsliceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Prints a failed command's error as one line on stderr ("mysqlslice: error: ..."); the stack
 * trace goes to the debug log only. Known failures never include secrets (they are built without them).
 */
public final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorReporter.class);

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        if (exception instanceof MysqlsliceException known) {
            commandLine.getErr().println("mysqlslice: error: " + known.getMessage());
            LOG.debug("failure", known);
        } else {
            commandLine.getErr().println("mysqlslice: internal error: " + exception
                    + " (run with -v for the stack trace, and please report it)");
            LOG.debug("internal error", exception);
        }
        commandLine.getErr().flush();
        return commandLine.getExitCodeExceptionMapper() == null
                ? ExitCodes.INTERNAL : commandLine.getExitCodeExceptionMapper().getExitCode(exception);
    }
}
