package dev.mysqlslice.cli;

import java.util.concurrent.Callable;
import javax.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mysqlslice sync} (alias {@code pull-slice}): not implemented yet. */
@Command(name = "sync", aliases = "pull-slice", mixinStandardHelpOptions = true, description = "Not implemented yet.")
public final class SyncCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Inject
    public SyncCommand() {
    }

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("mysqlslice: sync is not implemented yet");
        return ExitCodes.NOT_IMPLEMENTED;
    }
}
