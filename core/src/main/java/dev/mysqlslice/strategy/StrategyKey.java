package dev.mysqlslice.strategy;

import dagger.MapKey;
import dev.mysqlslice.config.StrategyKind;

/** Dagger map key that registers a {@link SyncStrategy} under its {@link StrategyKind}. */
@MapKey
public @interface StrategyKey {
    StrategyKind value();
}
