package dev.mysqlslice.cli;

import java.util.concurrent.Callable;
import javax.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mysqlslice status}: not implemented yet. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Not implemented yet.")
public final class StatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Inject
    public StatusCommand() {
    }

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("mysqlslice: status is not implemented yet");
        return ExitCodes.NOT_IMPLEMENTED;
    }
}
