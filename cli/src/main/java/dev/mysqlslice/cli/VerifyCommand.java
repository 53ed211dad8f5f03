package dev.mysqlslice.cli;

import java.util.concurrent.Callable;
import javax.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mysqlslice verify}: not implemented yet. */
@Command(name = "verify", mixinStandardHelpOptions = true, description = "Not implemented yet.")
public final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Inject
    public VerifyCommand() {
    }

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("mysqlslice: verify is not implemented yet");
        return ExitCodes.NOT_IMPLEMENTED;
    }
}
