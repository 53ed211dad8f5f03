package dev.mysqlslice.daemon.cascade;

import dev.mysqlslice.daemon.dirty.CascadeChange;
import dev.mysqlslice.daemon.dirty.TableChange;
import dev.mysqlslice.jdbc.Session;
import dev.mysqlslice.model.TablePlan;
import dev.mysqlslice.schema.SchemaReader;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the source's cascading foreign keys into a {@link CascadeGraph}, and resolves the cascades a cycle drained. */
public final class Cascades {

    private static final Logger LOG = LoggerFactory.getLogger(Cascades.class);

    private final SchemaReader reader;
    private final CascadeResolver resolver;

    @Inject
    public Cascades(SchemaReader reader, CascadeResolver resolver) {
        this.reader = reader;
        this.resolver = resolver;
    }

    /** The cascades of the source database that reach the tables of {@code plans}. */
    public CascadeGraph read(Session source, Collection<TablePlan> plans) {
        CascadeGraph graph = CascadeGraph.of(reader.read(source), source.endpoint().database(), plans);
        if (!graph.isEmpty()) {
            LOG.info("following the foreign-key cascades of {} into the tracked tables (InnoDB does not log the rows"
                    + " they change)", String.join(", ", graph.parents()));
        }
        graph.elsewhere().forEach(key -> LOG.warn("{}: its foreign key {} cascades from {}.{}, another database whose"
                + " binlog changes are not followed; changes it cascades are only found by a full `mysqlslice sync`",
                key.child(), key.name(), key.parentSchema(), key.parent()));
        return graph;
    }

    /** The units (and keys) the drained parent changes cascaded into. */
    public Map<String, TableChange> resolve(CascadeGraph graph, List<CascadeChange> changes, Session source,
                                            Session target) {
        return resolver.resolve(graph, changes, source, target);
    }
}
