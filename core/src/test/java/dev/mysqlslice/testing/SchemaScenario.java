package dev.mysqlslice.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.mysqlslice.config.Role;
import dev.mysqlslice.jdbc.Connector;
import dev.mysqlslice.jdbc.Session;
import dev.mysqlslice.schema.SchemaPuller;
import dev.mysqlslice.schema.SchemaReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A scenario of {@code scenarios/schemas/<name>/}: the source schema and rows ({@code source.sql}),
 * what to do to the target after schema pull ({@code target.sql}, optional), changes in steps
 * separated by {@code -- sync} lines ({@code changes.sql}), and {@code scenario.yaml}: the tables,
 * which strategies apply, whether the daemon runs it, and an error a sync must fail with instead.
 * Each step is followed by a sync; convergence is checked by comparing every row.
 */
public record SchemaScenario(String name, String sourceSql, String targetSql, List<String> steps, JsonNode settings) {

    /** Every scenario, in name order. */
    public static final List<String> NAMES = List.of("enum-error-values", "enum-set-keys", "native-types",
            "non-utf8-keys", "non-transactional-target", "prefix-unique-key", "unique-values-move");

    public static SchemaScenario load(String name) {
        String changes = resource(name, "changes.sql", false);
        List<String> steps = new ArrayList<>();
        for (String step : changes.split("(?m)^-- sync\\s*$")) {
            if (!step.isBlank()) {
                steps.add(step);
            }
        }
        try {
            JsonNode settings = new ObjectMapper(new YAMLFactory()).readTree(resource(name, "scenario.yaml", true));
            return new SchemaScenario(name, resource(name, "source.sql", true), resource(name, "target.sql", false),
                    steps, settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tables to compare. */
    public List<String> tables() {
        List<String> tables = new ArrayList<>();
        settings.path("tables").forEach(table -> tables.add(table.asText()));
        return tables;
    }

    /** Whether the scenario's SQL runs on this flavor ({@code flavors:} lists them; both by default). */
    public boolean runsOn(dev.mysqlslice.dialect.Dialect dialect) {
        JsonNode flavors = settings.path("flavors");
        if (flavors.isMissingNode()) {
            return true;
        }
        for (JsonNode flavor : flavors) {
            if (flavor.asText().equalsIgnoreCase(dialect.flavor().name())) {
                return true;
            }
        }
        return false;
    }

    /** The scenarios whose SQL runs on the test servers. */
    public static java.util.List<String> namesForTheTestServers() {
        dev.mysqlslice.dialect.Dialect dialect = TestServers.get().sourceDialect();
        return NAMES.stream().filter(name -> load(name).runsOn(dialect)).toList();
    }

    /** Whether {@code strategy} (general, append-only, slice, daemon) runs this scenario. */
    public boolean runs(String strategy) {
        for (JsonNode node : settings.path("strategies")) {
            if (node.asText().equals(strategy)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code strategy} runs step {@code index} (0-based): append-only skips steps that only update old rows. */
    public boolean runsStep(String strategy, int index) {
        JsonNode only = settings.path("append-only-steps");
        if (!strategy.equals("append-only") || only.isMissingNode()) {
            return true;
        }
        for (JsonNode step : only) {
            if (step.asInt() == index + 1) {
                return true;
            }
        }
        return false;
    }

    /** The error a sync must fail with (the scenario's table cannot be synced as configured), if any. */
    public String expectedError() {
        return settings.path("error").asText("");
    }

    /** The tables section for a strategy: every table synced with it (a slice of each table, all rows). */
    public String tablesYaml(String strategy) {
        StringBuilder yaml = new StringBuilder("tables:\n");
        for (String table : tables()) {
            if (strategy.equals("slice")) {
                yaml.append("  ").append(table).append(":\n    strategy: slice\n    where: \"1 = 1\"\n");
            } else {
                yaml.append("  ").append(table).append(":\n    strategy: ").append(strategy)
                        .append("\n    chunk-rows: ").append(settings.path("chunk-rows").asInt(2)).append("\n");
            }
        }
        return yaml.toString();
    }

    /** Loads the source, pulls its schema into the target, then runs {@code target.sql} there. */
    public void setUp(ServerPair servers) {
        servers.source().executeScript(sourceSql);
        try (Session source = Session.open(new Connector(), servers.endpoint(Role.SOURCE));
             Session target = Session.open(new Connector(), servers.endpoint(Role.TARGET))) {
            new SchemaPuller(new SchemaReader()).pull(source, target, tables(), false);
        }
        if (!targetSql.isBlank()) {
            servers.target().executeScript(targetSql);
        }
    }

    /** Runs step {@code index} of the changes on the source, in one session. */
    public void change(ServerPair servers, int index) {
        servers.source().executeScript(steps.get(index));
    }

    /** Asserts that every table has the same rows on both servers. */
    public void assertConverged(ServerPair servers, String how) {
        for (String table : tables()) {
            List<List<String>> target = TableContents.of(servers.target(), table);
            List<List<String>> source = TableContents.of(servers.source(), table);
            if (!target.equals(source)) {
                throw new AssertionError(name + " / " + how + ": table " + table + " differs\n source: " + source
                        + "\n target: " + target);
            }
        }
    }

    private static String resource(String name, String file, boolean required) {
        return Scenario.text("/scenarios/schemas/" + name + "/" + file, required);
    }
}
