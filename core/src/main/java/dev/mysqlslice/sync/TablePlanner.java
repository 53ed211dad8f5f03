package dev.mysqlslice.sync;

import dev.mysqlslice.config.ConfigException;
import dev.mysqlslice.config.ConfigLoader;
import dev.mysqlslice.config.ConfigProblem;
import dev.mysqlslice.config.Reference;
import dev.mysqlslice.config.StrategyKind;
import dev.mysqlslice.config.TableConfig;
import dev.mysqlslice.error.Failure;
import dev.mysqlslice.error.MysqlsliceException;
import dev.mysqlslice.model.TablePlan;
import dev.mysqlslice.model.TableShape;
import dev.mysqlslice.schema.Catalog;
import dev.mysqlslice.schema.ShapeComparison;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks configured tables against both servers before anything is written, and reports every
 * problem at once: tables missing on the source or target, tables without a usable key, slice
 * references to missing columns (config errors, exit 2), and tables whose shape differs between
 * source and target (schema errors, exit 5).
 */
public final class TablePlanner {

    private TablePlanner() {
    }

    public static List<TablePlan> plan(List<TableConfig> tables, Catalog source, Catalog target, String sourceDatabase,
                                       String targetDatabase) {
        List<ConfigProblem> configProblems = new ArrayList<>();
        List<String> schemaProblems = new ArrayList<>();
        List<TablePlan> plans = new ArrayList<>();
        for (TableConfig table : tables) {
            List<String> names = table.strategy() == StrategyKind.SLICE ? ConfigLoader.sliceMembers(table)
                    : List.of(table.name());
            List<TableShape> shapes = new ArrayList<>();
            for (String name : names) {
                boolean keyRequired = table.strategy() != StrategyKind.SLICE;
                List<String> configuredKey = name.equals(table.name()) ? table.key() : List.of();
                shape(table, name, keyRequired, configuredKey, source, target, sourceDatabase, targetDatabase,
                        configProblems, schemaProblems).ifPresent(shapes::add);
            }
            if (shapes.size() == names.size()) {
                checkReferences(table, shapes, configProblems);
                plans.add(new TablePlan(table, shapes.get(0), shapes));
            }
        }
        if (!configProblems.isEmpty()) {
            throw new ConfigException("the config", configProblems);
        }
        if (!schemaProblems.isEmpty()) {
            throw new MysqlsliceException(Failure.SCHEMA, schemaProblems.size() == 1 ? schemaProblems.get(0)
                    : schemaProblems.size() + " schema problems:" + schemaProblems.stream().map(problem -> "\n  " + problem)
                            .collect(Collectors.joining()));
        }
        return plans;
    }

    private static Optional<TableShape> shape(TableConfig table, String name, boolean keyRequired,
                                              List<String> configuredKey, Catalog source, Catalog target,
                                              String sourceDatabase, String targetDatabase,
                                              List<ConfigProblem> configProblems, List<String> schemaProblems) {
        String path = "tables." + table.name() + (name.equals(table.name()) ? "" : " (slice member " + name + ")");
        if (!source.hasTable(name)) {
            configProblems.add(new ConfigProblem(path, "table " + name + " does not exist in source database "
                    + sourceDatabase + " (or the source user has no privilege on it); fix the name or grant SELECT"));
            return Optional.empty();
        }
        Catalog.ShapeResult sourceShape = source.shape(name, configuredKey);
        if (keyRequired && !sourceShape.hasKey()) {
            configProblems.add(new ConfigProblem(path + (configuredKey.isEmpty() ? "" : ".key"), sourceShape.problem()));
            return Optional.empty();
        }
        if (!target.hasTable(name)) {
            schemaProblems.add("table " + name + " does not exist in target database " + targetDatabase
                    + "; create it with: mysqlslice schema pull --table " + name);
            return Optional.empty();
        }
        TableShape shape = sourceShape.shape().orElseThrow();
        TableShape targetShape = target.shape(name, shape.keyColumns()).shape().orElseThrow();
        List<String> differences = ShapeComparison.differences(shape, targetShape);
        if (!differences.isEmpty()) {
            schemaProblems.add("table " + name + " differs between source and target: " + String.join("; ", differences)
                    + "; align the target (e.g. mysqlslice schema pull --replace --table " + name + ")");
            return Optional.empty();
        }
        return Optional.of(shape.withEngine(target.engine(name)));
    }

    private static void checkReferences(TableConfig table, List<TableShape> shapes, List<ConfigProblem> problems) {
        List<Reference> references = new ArrayList<>(table.follow());
        references.addAll(table.children());
        for (Reference reference : references) {
            for (String[] end : List.of(new String[] {reference.fromTable(), reference.fromColumn()},
                    new String[] {reference.toTable(), reference.toColumn()})) {
                TableShape shape = shapes.stream().filter(s -> s.name().equals(end[0])).findFirst().orElseThrow();
                if (shape.column(end[1]).isEmpty()) {
                    problems.add(new ConfigProblem("tables." + table.name(), "reference " + reference + ": table "
                            + end[0] + " has no column " + end[1]));
                }
            }
        }
    }
}
