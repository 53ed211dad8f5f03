package dev.mysqlslice.cli;

import picocli.CommandLine.Command;

/** {@code mysqlslice resume}: POST /resume to the daemon's metrics port on this machine. */
@Command(name = "resume", mixinStandardHelpOptions = true, description = "Let a daemon held back by mysqlslice pause go on; it catches up on what accumulated.")
public final class ResumeCommand extends DaemonControl {

    public ResumeCommand() {
        super("resume", "resumed");
    }
}
