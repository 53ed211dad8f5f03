package dev.mysqlslice.cli;

import dev.mysqlslice.cli.options.HelpOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code mysqlslice resume}: POST /resume to the daemon's metrics port on this machine. */
@Command(name = "resume", addMethodSubcommands = false, description = "Let a daemon held back by mysqlslice pause go on; it catches up on what accumulated.")
public final class ResumeCommand extends DaemonControl {

    @Mixin
    HelpOptions helpOptions;

    public ResumeCommand() {
        super("resume", "resumed");
    }
}
