package dev.mysqlslice.sync;

import dev.mysqlslice.config.Config;
import dev.mysqlslice.config.TableConfig;
import dev.mysqlslice.jdbc.Session;
import dev.mysqlslice.schema.Catalog;
import dev.mysqlslice.schema.SchemaReader;
import dev.mysqlslice.strategy.TablePlan;
import java.util.List;
import javax.inject.Inject;

/**
 * Reads both servers' catalogs and checks the selected tables against them
 * ({@link TablePlanner}): the step before anything is written, for sync and daemon alike.
 */
public final class Planner {

    private final SchemaReader reader;

    @Inject
    public Planner(SchemaReader reader) {
        this.reader = reader;
    }

    /** The checked plans of the configured tables (all source tables when none are configured), or {@code only}. */
    public List<TablePlan> plan(Session source, Session target, Config config, List<String> only) {
        Catalog sourceCatalog = reader.read(source);
        Catalog targetCatalog = reader.read(target);
        List<TableConfig> configured = config.tables().isEmpty()
                ? sourceCatalog.tableNames().stream().map(name -> TableConfig.withDefaults(name, config.defaults())).toList()
                : config.tables();
        return TablePlanner.plan(TableSelection.forSync(configured, only), sourceCatalog, targetCatalog,
                source.endpoint().database(), target.endpoint().database());
    }
}
