package dev.mysqlslice.cli;

import dagger.Lazy;
import dev.mysqlslice.cli.options.ConnectionOptions;
import dev.mysqlslice.cli.options.HelpOptions;
import dev.mysqlslice.cli.options.LoggingOptions;
import dev.mysqlslice.cli.options.TableOptions;
import dev.mysqlslice.model.SyncMode;
import dev.mysqlslice.model.TableReport;
import dev.mysqlslice.sync.SyncReport;
import dev.mysqlslice.sync.SyncRequest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import javax.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mysqlslice verify}: read-only comparison of every configured table. */
@Command(name = "verify", addMethodSubcommands = false,
        description = "Compare every configured table on both servers without writing: range hashes, then the keys"
                + " that differ. Exit 0 when identical, 1 when some table differs.")
public final class VerifyCommand implements Callable<Integer> {

    @Mixin
    HelpOptions helpOptions;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    LoggingOptions logging;

    @Mixin
    TableOptions tableOptions;

    @Option(names = "--show", paramLabel = "N", defaultValue = "10",
            description = "Differing keys shown per table (default ${DEFAULT-VALUE}).")
    int show;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "2", description = "Tables compared at the same time.")
    int parallel;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the outcome as JSON to FILE.")
    Path reportFile;

    @Spec
    CommandSpec spec;

    private final Lazy<OneShotRun> oneShot;

    @Inject
    public VerifyCommand(Lazy<OneShotRun> oneShot) {
        this.oneShot = oneShot;
    }

    @Override
    public Integer call() {
        logging.apply();
        SyncReport report = oneShot.get().run(spec.commandLine(), connection,
                new SyncRequest(tableOptions.tables(), SyncMode.VERIFY, Math.max(1, parallel)), logging.isVerbose());
        if (reportFile != null) {
            JsonReport.write(reportFile, report);
        }
        PrintWriter out = spec.commandLine().getOut();
        for (TableReport table : report.tables()) {
            out.printf("%-24s %-12s %s%n", table.table(), table.strategy().configName(),
                    table.error().map(error -> "failed: " + error).orElse(table.state().label()));
            table.differences().stream().limit(Math.max(0, show)).forEach(key -> out.println("    " + key));
        }
        out.printf("%d table(s) verified in %.1f s: %s%n", report.tables().size(), report.elapsed().toMillis() / 1000.0,
                report.allIdentical() ? "all identical" : "differences found");
        out.flush();
        return OneShotRun.exitCode(report);
    }
}
