package dev.mysqlslice.sync;

import static dev.mysqlslice.error.Messages.oneLine;

import dev.mysqlslice.config.ConfigException;
import dev.mysqlslice.config.ConfigProblem;
import dev.mysqlslice.config.StrategyKind;
import dev.mysqlslice.config.TableConfig;
import dev.mysqlslice.error.Failure;
import dev.mysqlslice.error.MysqlsliceException;
import dev.mysqlslice.jdbc.Identifiers;
import dev.mysqlslice.jdbc.Session;
import dev.mysqlslice.schema.Catalog;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks, before anything is written, what information_schema cannot tell: that every configured
 * table the catalog does not show is missing rather than hidden by a missing SELECT grant (a
 * privilege error, exit 3, naming the grant), and that every {@code where} filter is one valid
 * condition on its table where it will run (a config error, exit 2, naming {@code tables.x.where}).
 * Each check is one {@code LIMIT 0} statement.
 */
final class TableAccessCheck {

    /** Errors that mean the filter text itself is wrong. */
    private static final Set<Integer> BAD_FILTER = Set.of(1064, 1054, 1305, 1630, 1584, 1582, 1583, 1241, 1111);
    private static final int TABLE_ACCESS_DENIED = 1142;

    private TableAccessCheck() {
    }

    static void check(List<TableConfig> tables, Catalog sourceCatalog, Session source, Session target) {
        for (TableConfig table : tables) {
            if (!sourceCatalog.hasTable(table.name())) {
                probeGrant(source, table.name());
            }
        }
        List<ConfigProblem> problems = new ArrayList<>();
        for (TableConfig table : tables) {
            table.where().ifPresent(where -> {
                String path = "tables." + table.name() + ".where";
                if (hasSeparator(where)) {
                    problems.add(new ConfigProblem(path, "must be one condition on " + table.name() + ", without ';'"));
                    return;
                }
                if (sourceCatalog.hasTable(table.name())) {
                    filterProblem(source, table.name(), where).ifPresent(problem -> problems.add(new ConfigProblem(path,
                            problem + " on the source")));
                    if (table.strategy() == StrategyKind.APPEND_ONLY) {
                        filterProblem(target, table.name(), where).ifPresent(problem -> problems.add(
                                new ConfigProblem(path, problem + " on the target (append-only filters both)")));
                    }
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new ConfigException("the config", problems);
        }
    }

    /** {@code SELECT 1 FROM t LIMIT 0}: denied means hidden by a missing grant. */
    private static void probeGrant(Session source, String table) {
        try {
            source.with(connection -> {
                try (var statement = connection.createStatement()) {
                    statement.executeQuery("SELECT 1 FROM " + Identifiers.quote(table) + " LIMIT 0").close();
                }
                return null;
            }, "checking access to " + table);
        } catch (MysqlsliceException e) {
            if (e.getCause() instanceof SQLException sql && sql.getErrorCode() == TABLE_ACCESS_DENIED) {
                throw new MysqlsliceException(Failure.PRIVILEGE, "the source user '" + source.endpoint().user()
                        + "' may not read table " + table + " of database " + source.endpoint().database()
                        + "; GRANT SELECT ON `" + source.endpoint().database() + "`.`" + table + "` TO '"
                        + source.endpoint().user() + "'", e);
            }
            // Missing for another reason: the planner reports it with the fix.
        }
    }

    private static Optional<String> filterProblem(Session session, String table, String where) {
        try {
            session.with(connection -> {
                try (var statement = connection.createStatement()) {
                    statement.executeQuery("SELECT 1 FROM " + Identifiers.quote(table) + " WHERE (" + where + ") LIMIT 0")
                            .close();
                }
                return null;
            }, "checking the filter of " + table);
            return Optional.empty();
        } catch (MysqlsliceException e) {
            if (e.getCause() instanceof SQLException sql && BAD_FILTER.contains(sql.getErrorCode())) {
                return Optional.of("is not a valid condition on " + table + " (" + oneLine(sql.getMessage())
                        + "); write one condition on its columns, e.g. kind = 'keep'");
            }
            throw e;
        }
    }

    /** Whether {@code sql} has a ';' outside quotes and comments. */
    static boolean hasSeparator(String sql) {
        char quote = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote != '`') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == ';') {
                return true;
            }
        }
        return false;
    }
}
