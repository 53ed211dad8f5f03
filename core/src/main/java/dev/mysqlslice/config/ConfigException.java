package dev.mysqlslice.config;

import dev.mysqlslice.error.Failure;
import dev.mysqlslice.error.MysqlsliceException;
import java.util.List;
import java.util.stream.Collectors;

/** The config (file plus flags) has one or more mistakes; all of them are listed. */
public final class ConfigException extends MysqlsliceException {
    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    public ConfigException(String origin, List<ConfigProblem> problems) {
        super(Failure.CONFIG, describe(origin, problems));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String describe(String origin, List<ConfigProblem> problems) {
        if (problems.size() == 1) {
            return "config error in " + origin + ": " + problems.get(0);
        }
        return problems.size() + " config errors in " + origin + ":" + problems.stream()
                .map(problem -> "\n  " + problem).collect(Collectors.joining());
    }
}
