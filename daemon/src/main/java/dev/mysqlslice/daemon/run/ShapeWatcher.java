package dev.mysqlslice.daemon.run;

import dev.mysqlslice.error.MysqlsliceException;
import dev.mysqlslice.jdbc.Session;
import dev.mysqlslice.model.TablePlan;
import dev.mysqlslice.schema.Catalog;
import dev.mysqlslice.schema.SchemaReader;
import dev.mysqlslice.sync.TablePlanner;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;

/** Reads a table's shape on both servers again (after DDL) and says whether it can still be synced. */
public final class ShapeWatcher {

    /** The table's new plan, or why it cannot be synced. */
    public record Check(Optional<TablePlan> plan, String problem) {
    }

    private final SchemaReader reader;

    @Inject
    public ShapeWatcher(SchemaReader reader) {
        this.reader = reader;
    }

    public Check check(Session source, Session target, TablePlan plan) {
        Catalog sourceCatalog = reader.read(source);
        Catalog targetCatalog = reader.read(target);
        try {
            List<TablePlan> plans = TablePlanner.plan(List.of(plan.config()), sourceCatalog, targetCatalog,
                    source.endpoint().database(), target.endpoint().database());
            return new Check(Optional.of(plans.get(0)), "");
        } catch (MysqlsliceException e) {
            return new Check(Optional.empty(), e.getMessage().replace('\n', ' '));
        }
    }
}
