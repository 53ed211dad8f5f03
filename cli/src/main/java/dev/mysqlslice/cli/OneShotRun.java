package dev.mysqlslice.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.mysqlslice.cli.options.ConnectionOptions;
import dev.mysqlslice.config.Config;
import dev.mysqlslice.jdbc.Endpoint;
import dev.mysqlslice.sync.SyncReport;
import dev.mysqlslice.sync.SyncRequest;
import dev.mysqlslice.sync.SyncRunner;
import java.io.PrintWriter;
import javax.inject.Inject;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** What {@code sync} and {@code verify} share: load the config, run with a progress display, pick the exit code. */
public final class OneShotRun {

    private final Configs configs;
    private final SyncRunner runner;

    @Inject
    public OneShotRun(Configs configs, SyncRunner runner) {
        this.configs = configs;
        this.runner = runner;
    }

    /** Runs the request and returns the report; progress goes to the terminal when there is one. */
    public SyncReport run(CommandLine commandLine, ConnectionOptions options, SyncRequest request, boolean verbose) {
        Config config = configs.load(options, commandLine.getErr());
        Endpoint source = configs.endpoint(config.source());
        Endpoint target = configs.endpoint(config.target());
        boolean live = System.console() != null && !verbose && !"dumb".equals(System.getenv("TERM"));
        PrintWriter terminal = live ? new PrintWriter(System.err, true) : null;
        Level consoleLevel = null;
        if (live) {
            consoleLevel = quietConsole();
        }
        try (ProgressDisplay progress = ProgressDisplay.start(terminal)) {
            Interruption interruption = new Interruption(progress, commandLine.getErr(), request.mode().writes());
            interruption.install();
            return runner.run(config, source, target, request, interruption);
        } finally {
            if (consoleLevel != null) {
                restoreConsole(consoleLevel);
            }
        }
    }

    /** The exit code of a finished run: a failure's own code, else 0 when identical, 1 when not. */
    public static int exitCode(SyncReport report) {
        if (report.firstFailure().isPresent()) {
            return ExitCodes.of(report.firstFailure().get().failure());
        }
        return report.allIdentical() ? ExitCodes.OK : ExitCodes.DIFFERENCES;
    }

    /** While the live display owns the terminal, only warnings are logged to it. */
    private static Level quietConsole() {
        if (LoggerFactory.getLogger("dev.mysqlslice") instanceof Logger ours) {
            Level previous = ours.getLevel();
            ours.setLevel(Level.WARN);
            return previous == null ? Level.INFO : previous;
        }
        return null;
    }

    private static void restoreConsole(Level level) {
        if (LoggerFactory.getLogger("dev.mysqlslice") instanceof Logger ours) {
            ours.setLevel(level);
        }
    }
}
