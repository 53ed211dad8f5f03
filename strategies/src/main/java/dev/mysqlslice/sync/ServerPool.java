package dev.mysqlslice.sync;

import dev.mysqlslice.jdbc.Connector;
import dev.mysqlslice.jdbc.Endpoint;
import dev.mysqlslice.jdbc.Session;
import dev.mysqlslice.jdbc.StatementGate;
import dev.mysqlslice.strategy.Servers;
import dev.mysqlslice.throttle.ChunkTime;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The {@link Servers} of one run: fresh sessions on demand, one shared thread pool. */
public final class ServerPool implements Servers, AutoCloseable {

    private final Connector connector;
    private final Endpoint source;
    private final Endpoint target;
    private final boolean localInfile;
    private final int transactionRows;
    private final ExecutorService executor;
    private final StatementGate sourceGate;
    private final ChunkTime chunkTime;

    public ServerPool(Connector connector, Endpoint source, Endpoint target, boolean localInfile, int transactionRows) {
        this(connector, source, target, localInfile, transactionRows, StatementGate.OPEN, ChunkTime.OFF);
    }

    /**
     * Source sessions ask {@code sourceGate} (the throttle) before each statement; scans and copy
     * pages aim at {@code chunkTime}.
     */
    public ServerPool(Connector connector, Endpoint source, Endpoint target, boolean localInfile, int transactionRows,
                      StatementGate sourceGate, ChunkTime chunkTime) {
        this.sourceGate = sourceGate;
        this.chunkTime = chunkTime;
        this.connector = connector;
        this.source = source;
        this.target = target;
        this.localInfile = localInfile;
        this.transactionRows = transactionRows;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "mysqlslice-io-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Asks the target whether it accepts LOAD DATA LOCAL INFILE. */
    public static boolean targetAllowsLocalInfile(Session target) {
        return target.queryText("SELECT @@GLOBAL.local_infile", "checking local_infile").map(value -> value.equals("1")
                || value.equalsIgnoreCase("ON")).orElse(false);
    }

    @Override
    public Session openSource() {
        return Session.open(connector, source).gated(sourceGate);
    }

    @Override
    public Session openTarget() {
        return Session.open(connector, target);
    }

    @Override
    public Executor executor() {
        return executor;
    }

    @Override
    public boolean targetLocalInfile() {
        return localInfile;
    }

    @Override
    public int transactionRows() {
        return transactionRows;
    }

    @Override
    public ChunkTime chunkTime() {
        return chunkTime;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
