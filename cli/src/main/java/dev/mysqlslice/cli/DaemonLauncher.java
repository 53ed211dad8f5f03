package dev.mysqlslice.cli;

import dev.mysqlslice.cli.options.ConnectionOptions;
import dev.mysqlslice.config.Config;
import dev.mysqlslice.daemon.run.Daemon;
import dev.mysqlslice.daemon.run.DaemonFactory;
import dev.mysqlslice.jdbc.Connector;
import dev.mysqlslice.jdbc.Endpoint;
import dev.mysqlslice.jdbc.Session;
import dev.mysqlslice.jdbc.SessionPair;
import dev.mysqlslice.model.TablePlan;
import dev.mysqlslice.sync.Planner;
import java.io.PrintWriter;
import java.util.List;
import javax.inject.Inject;

/** Builds a daemon from a command's options: config, endpoints, checked tables. */
public final class DaemonLauncher {

    private final Configs configs;
    private final Connector connector;
    private final Planner planner;
    private final DaemonFactory factory;

    @Inject
    public DaemonLauncher(Configs configs, Connector connector, Planner planner, DaemonFactory factory) {
        this.configs = configs;
        this.connector = connector;
        this.planner = planner;
        this.factory = factory;
    }

    public Daemon create(ConnectionOptions options, List<String> tables, PrintWriter err) {
        Config config = configs.load(options, err);
        Endpoint source = configs.endpoint(config.source());
        Endpoint target = configs.endpoint(config.target());
        List<TablePlan> plans;
        try (SessionPair sessions = SessionPair.open(connector, source, target)) {
            Session sourceSession = sessions.source();
            Session targetSession = sessions.target();
            plans = planner.plan(sourceSession, targetSession, config, tables);
        }
        return factory.create(config, source, target, plans);
    }
}
