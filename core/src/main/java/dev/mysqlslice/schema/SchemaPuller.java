package dev.mysqlslice.schema;

import dev.mysqlslice.config.ConfigException;
import dev.mysqlslice.config.ConfigProblem;
import dev.mysqlslice.jdbc.Identifiers;
import dev.mysqlslice.jdbc.Session;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies table definitions from the source database into the target database, foreign keys
 * stripped. Everything is checked before the target is touched: a missing source table or a
 * target table in the way (without {@code replace}) changes nothing.
 */
public final class SchemaPuller {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaPuller.class);

    private final SchemaReader reader;

    @Inject
    public SchemaPuller(SchemaReader reader) {
        this.reader = reader;
    }

    /**
     * @param tables  the tables to copy; empty means every base table of the source database
     * @param replace drop and recreate target tables that already exist instead of refusing
     */
    public SchemaPullReport pull(Session source, Session target, List<String> tables, boolean replace) {
        Catalog sourceCatalog = reader.read(source);
        List<String> wanted = tables.isEmpty() ? sourceCatalog.tableNames() : tables;
        checkExistOnSource(sourceCatalog, wanted, source.endpoint().database());

        Catalog targetCatalog = reader.read(target);
        List<String> inTheWay = wanted.stream().filter(targetCatalog::hasTable).toList();
        if (!inTheWay.isEmpty() && !replace) {
            throw new ConfigException("the command line", List.of(new ConfigProblem("--replace",
                    "target database " + target.endpoint().database() + " already has " + describe(inTheWay)
                            + "; nothing was changed. Pass --replace to drop and recreate them (their rows are lost)")));
        }

        Map<String, CreateTableRewriter.Result> statements = new LinkedHashMap<>();
        List<ConfigProblem> problems = new ArrayList<>();
        for (String table : wanted) {
            String create = source.queryOne("SHOW CREATE TABLE " + Identifiers.quote(table), Session.Binder.NONE,
                    row -> row.getString(2), "reading the definition of " + table).orElseThrow();
            Map<String, List<String>> uniqueKeys = new LinkedHashMap<>();
            sourceCatalog.indexes().getOrDefault(table, List.of()).forEach(index -> uniqueKeys.put(index.name(),
                    index.columns()));
            CollationMapper.Result mapped = CollationMapper.map(table, create, sourceCatalog.tables().get(table),
                    uniqueKeys, source.dialect(), target.dialect());
            mapped.approximations().forEach(note -> LOG.warn("{}", note));
            mapped.problems().forEach(problem -> problems.add(new ConfigProblem("tables." + table, problem)));
            statements.put(table, CreateTableRewriter.rewrite(mapped.statement()));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException("the source schema", problems);
        }

        List<String> created = new ArrayList<>();
        Map<String, Integer> foreignKeys = new LinkedHashMap<>();
        for (Map.Entry<String, CreateTableRewriter.Result> entry : statements.entrySet()) {
            String table = entry.getKey();
            if (inTheWay.contains(table)) {
                target.execute("DROP TABLE " + Identifiers.quote(table), "dropping " + table + " to replace it");
            }
            target.execute(entry.getValue().statement(), "creating " + table);
            created.add(table);
            if (entry.getValue().foreignKeysRemoved() > 0) {
                foreignKeys.put(table, entry.getValue().foreignKeysRemoved());
            }
            LOG.info("created table {} on the target ({} foreign keys removed)", table, entry.getValue().foreignKeysRemoved());
        }
        return new SchemaPullReport(created, inTheWay, foreignKeys, sourceCatalog.skipped());
    }

    private static void checkExistOnSource(Catalog catalog, List<String> tables, String database) {
        List<ConfigProblem> problems = tables.stream()
                .filter(table -> !catalog.hasTable(table))
                .map(table -> new ConfigProblem("tables." + table, "table " + table + " does not exist in source database "
                        + database + " (or is not a base table); fix the name or remove it"))
                .toList();
        if (!problems.isEmpty()) {
            throw new ConfigException("the config", problems);
        }
    }

    private static String describe(List<String> tables) {
        return (tables.size() == 1 ? "table " : "tables ") + String.join(", ", tables);
    }
}
