package dev.mysqlslice.testing;

import dagger.Component;
import dev.mysqlslice.strategy.StrategyModule;
import dev.mysqlslice.sync.SyncRunner;
import javax.inject.Singleton;

/** The strategies' object graph as the CLI builds it, for integration tests. */
@Singleton
@Component(modules = StrategyModule.class)
public interface TestComponent {

    SyncRunner syncRunner();

    static TestComponent create() {
        return DaggerTestComponent.create();
    }
}
