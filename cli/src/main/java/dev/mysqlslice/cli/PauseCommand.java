package dev.mysqlslice.cli;

import picocli.CommandLine.Command;

/** {@code mysqlslice pause}: POST /pause to the daemon's metrics port on this machine. */
@Command(name = "pause", mixinStandardHelpOptions = true, description = "Hold back a running daemon's work on the source (its changes keep accumulating) until mysqlslice resume.")
public final class PauseCommand extends DaemonControl {

    public PauseCommand() {
        super("pause", "paused");
    }
}
