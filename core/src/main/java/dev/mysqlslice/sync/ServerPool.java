package dev.mysqlslice.sync;

import dev.mysqlslice.concurrent.DaemonThreads;
import dev.mysqlslice.jdbc.Session;
import dev.mysqlslice.strategy.ServerSettings;
import dev.mysqlslice.strategy.Servers;
import dev.mysqlslice.transfer.WriteMethod;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The {@link Servers} of one run: fresh sessions on demand, one shared thread pool. */
public final class ServerPool implements Servers, AutoCloseable {

    private final ServerSettings settings;
    private final ExecutorService executor = Executors.newCachedThreadPool(DaemonThreads.numbered("mysqlslice-io"));

    public ServerPool(ServerSettings settings) {
        this.settings = settings;
    }

    /** How rows can be written to {@code target}: LOAD DATA when it accepts LOAD DATA LOCAL INFILE. */
    public static WriteMethod writeMethod(Session target) {
        boolean localInfile = target.queryText("SELECT @@GLOBAL.local_infile", "checking local_infile")
                .map(value -> value.equals("1") || value.equalsIgnoreCase("ON")).orElse(false);
        return localInfile ? WriteMethod.LOAD_DATA : WriteMethod.INSERT;
    }

    @Override
    public Session openSource() {
        return Session.open(settings.connector(), settings.source()).gated(settings.sourceGate());
    }

    @Override
    public Session openTarget() {
        return Session.open(settings.connector(), settings.target());
    }

    @Override
    public Executor executor() {
        return executor;
    }

    @Override
    public ServerSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
