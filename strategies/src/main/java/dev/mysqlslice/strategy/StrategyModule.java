package dev.mysqlslice.strategy;

import dagger.Module;

/** Registers the sync strategies by name; filled as strategies are added. */
@Module
public interface StrategyModule {
}
