package dev.mysqlslice.daemon.testing;

import dagger.Component;
import dev.mysqlslice.daemon.run.DaemonFactory;
import dev.mysqlslice.strategy.StrategyModule;
import dev.mysqlslice.sync.Planner;
import javax.inject.Singleton;

/** The daemon's object graph as the CLI builds it. */
@Singleton
@Component(modules = StrategyModule.class)
public interface DaemonTestComponent {

    DaemonFactory daemonFactory();

    Planner planner();
}
