package dev.mysqlslice.cli.ioc;

import dagger.Binds;
import dagger.Module;
import dagger.multibindings.ClassKey;
import dagger.multibindings.IntoMap;
import dev.mysqlslice.cli.DaemonCommand;
import dev.mysqlslice.cli.SchemaPullCommand;
import dev.mysqlslice.cli.StatusCommand;
import dev.mysqlslice.cli.SyncCommand;
import dev.mysqlslice.cli.VerifyCommand;

/** Binds the commands that take injected services. */
@Module
public interface CliModule {

    @Binds
    @IntoMap
    @ClassKey(SchemaPullCommand.class)
    Object schemaPull(SchemaPullCommand command);

    @Binds
    @IntoMap
    @ClassKey(SyncCommand.class)
    Object sync(SyncCommand command);

    @Binds
    @IntoMap
    @ClassKey(VerifyCommand.class)
    Object verify(VerifyCommand command);

    @Binds
    @IntoMap
    @ClassKey(DaemonCommand.class)
    Object daemon(DaemonCommand command);

    @Binds
    @IntoMap
    @ClassKey(StatusCommand.class)
    Object status(StatusCommand command);
}
