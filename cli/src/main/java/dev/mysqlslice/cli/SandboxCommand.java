package dev.mysqlslice.cli;

import dev.mysqlslice.cli.options.HelpOptions;
import dev.mysqlslice.sandbox.LocalServer;
import dev.mysqlslice.sandbox.Sandbox;
import dev.mysqlslice.sandbox.ServerSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mysqlslice sandbox start|stop --dir D}: throwaway local source and target servers for
 * the demo and the benchmark (hidden: a developer tool, not part of syncing).
 */
@Command(name = "sandbox", addMethodSubcommands = false, hidden = true,
        description = "Start or stop throwaway local source and target servers (for the demo). start prints shell variable assignments describing them.")
public final class SandboxCommand implements Callable<Integer> {

    @Mixin
    HelpOptions helpOptions;

    @Parameters(index = "0", paramLabel = "start|stop", description = "What to do.")
    String action;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Directory holding the servers.")
    Path dir;

    @Option(names = "--buffer-pool", paramLabel = "SIZE", defaultValue = "256M",
            description = "innodb_buffer_pool_size of each server.")
    String bufferPool;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        switch (action) {
            case "start" -> {
                Sandbox sandbox = Sandbox.start(dir, ServerSpec.source().withBufferPoolSize(bufferPool),
                        ServerSpec.target().withBufferPoolSize(bufferPool));
                out.println("SANDBOX_USER=" + LocalServer.USER);
                out.println("SANDBOX_PASSWORD=" + LocalServer.PASSWORD);
                out.println("SOURCE_PORT=" + sandbox.source().port());
                out.println("SOURCE_SOCKET=" + sandbox.source().socket());
                out.println("TARGET_PORT=" + sandbox.target().port());
                out.println("TARGET_SOCKET=" + sandbox.target().socket());
            }
            case "stop" -> Sandbox.attach(dir).destroy();
            default -> {
                spec.commandLine().getErr().println("mysqlslice: sandbox: unknown action '" + action + "'; use start or stop");
                return ExitCodes.USAGE;
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
