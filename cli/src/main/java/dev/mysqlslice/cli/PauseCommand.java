package dev.mysqlslice.cli;

import dev.mysqlslice.cli.options.HelpOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code mysqlslice pause}: POST /pause to the daemon's metrics port on this machine. */
@Command(name = "pause", addMethodSubcommands = false, description = "Hold back a running daemon's work on the source (its changes keep accumulating) until mysqlslice resume.")
public final class PauseCommand extends DaemonControl {

    @Mixin
    HelpOptions helpOptions;

    public PauseCommand() {
        super("pause", "paused");
    }
}
