package dev.mysqlslice.cli;

import java.util.concurrent.Callable;
import javax.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mysqlslice daemon}: not implemented yet. */
@Command(name = "daemon", mixinStandardHelpOptions = true, description = "Not implemented yet.")
public final class DaemonCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Inject
    public DaemonCommand() {
    }

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("mysqlslice: daemon is not implemented yet");
        return ExitCodes.NOT_IMPLEMENTED;
    }
}
