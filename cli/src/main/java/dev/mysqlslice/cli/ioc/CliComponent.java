package dev.mysqlslice.cli.ioc;

import dagger.BindsInstance;
import dagger.Component;
import dev.mysqlslice.jdbc.PasswordResolver;
import dev.mysqlslice.strategy.StrategyModule;
import java.util.Map;
import javax.inject.Provider;
import javax.inject.Singleton;

/** The object graph of one mysqlslice process; commands are created from it. */
@Singleton
@Component(modules = {CliModule.class, StrategyModule.class})
public interface CliComponent {

    /** Providers of every command with injected dependencies, by command class. */
    Map<Class<?>, Provider<Object>> commands();

    /** Creates the graph; the password resolver is given so that tests can supply environment variables. */
    @Component.Factory
    interface Factory {
        CliComponent create(@BindsInstance PasswordResolver passwords);
    }
}
