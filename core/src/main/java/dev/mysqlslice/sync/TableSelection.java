package dev.mysqlslice.sync;

import dev.mysqlslice.config.Config;
import dev.mysqlslice.config.ConfigException;
import dev.mysqlslice.config.ConfigLoader;
import dev.mysqlslice.config.ConfigProblem;
import dev.mysqlslice.config.StrategyKind;
import dev.mysqlslice.config.TableConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Which tables a command works on, from the config and the {@code --table} flags (pure functions). */
public final class TableSelection {

    private TableSelection() {
    }

    /**
     * The tables schema pull copies: the {@code --table} flags, else every configured table that
     * is not skipped plus every table a slice reaches, else (nothing configured) an empty list
     * meaning "all tables of the source database".
     */
    public static List<String> forSchemaPull(Config config, List<String> only) {
        if (!only.isEmpty()) {
            return List.copyOf(new LinkedHashSet<>(only));
        }
        Set<String> tables = new LinkedHashSet<>();
        for (TableConfig table : config.tables()) {
            if (table.strategy() == StrategyKind.SLICE) {
                tables.addAll(ConfigLoader.sliceMembers(table));
            } else if (table.strategy() != StrategyKind.SKIP) {
                tables.add(table.name());
            }
        }
        return List.copyOf(tables);
    }

    /**
     * The configured tables a sync works on, in config order: all of them, or those named by
     * {@code --table} (a slice member selects its whole slice). Unknown names are config errors.
     */
    public static List<TableConfig> forSync(List<TableConfig> configured, List<String> only) {
        if (only.isEmpty()) {
            return configured.stream().filter(table -> table.strategy() != StrategyKind.SKIP).toList();
        }
        List<ConfigProblem> problems = new ArrayList<>();
        Set<TableConfig> selected = new LinkedHashSet<>();
        for (String name : only) {
            configured.stream()
                    .filter(table -> table.name().equals(name)
                            || table.strategy() == StrategyKind.SLICE && ConfigLoader.sliceMembers(table).contains(name))
                    .findFirst()
                    .ifPresentOrElse(selected::add, () -> problems.add(new ConfigProblem("--table",
                            "table " + name + " is not configured; configured tables: " + names(configured))));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException("the command line", problems);
        }
        return configured.stream().filter(selected::contains).filter(t -> t.strategy() != StrategyKind.SKIP).toList();
    }

    private static String names(List<TableConfig> configured) {
        return configured.isEmpty() ? "(none)" : String.join(", ", configured.stream().map(TableConfig::name).toList());
    }
}
