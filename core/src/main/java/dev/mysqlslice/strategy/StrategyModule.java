package dev.mysqlslice.strategy;

import dagger.Binds;
import dagger.Module;
import dagger.multibindings.IntoMap;
import dev.mysqlslice.config.StrategyKind;

/** Registers the sync strategies by kind: the registry the runner and the daemon look strategies up in. */
@Module
public interface StrategyModule {

    @Binds
    @IntoMap
    @StrategyKey(StrategyKind.GENERAL)
    SyncStrategy general(GeneralStrategy strategy);

    @Binds
    @IntoMap
    @StrategyKey(StrategyKind.APPEND_ONLY)
    SyncStrategy appendOnly(AppendOnlyStrategy strategy);

    @Binds
    @IntoMap
    @StrategyKey(StrategyKind.SLICE)
    SyncStrategy slice(SliceStrategy strategy);
}
