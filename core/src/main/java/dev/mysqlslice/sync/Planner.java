package dev.mysqlslice.sync;

import dev.mysqlslice.concurrent.Futures;
import dev.mysqlslice.config.Config;
import dev.mysqlslice.config.TableConfig;
import dev.mysqlslice.jdbc.Session;
import dev.mysqlslice.model.TablePlan;
import dev.mysqlslice.schema.Catalog;
import dev.mysqlslice.schema.SchemaReader;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
        CompletableFuture<Catalog> targetCatalog =
                CompletableFuture.supplyAsync(() -> reader.read(target));
        Catalog sourceCatalog = reader.read(source);
        return plan(sourceCatalog, Futures.join(targetCatalog), source, target, config, only);
    }

    private static List<TablePlan> plan(Catalog sourceCatalog, Catalog targetCatalog, Session source, Session target,
                                        Config config, List<String> only) {
        List<TableConfig> configured = config.tables().isEmpty()
                ? sourceCatalog.tableNames().stream().map(name -> TableConfig.withDefaults(name, config.defaults())).toList()
                : config.tables();
        List<TableConfig> selected = TableSelection.forSync(configured, only);
        TableAccessCheck.check(selected, sourceCatalog, source, target);
        return TablePlanner.plan(selected, sourceCatalog, targetCatalog, source.endpoint().database(),
                target.endpoint().database());
    }
}
