package dev.mysqlslice.config;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The per-table sync strategies a config can name. */
public enum StrategyKind {
    /** INSERT-only tables: pull rows above the target's max key. */
    APPEND_ONLY("append-only"),
    /** Tables with INSERT, UPDATE and DELETE: missing keys, then range-hash comparison. */
    GENERAL("general"),
    /** A filtered root table plus the rows it refers to, replaced atomically. */
    SLICE("slice"),
    /** Left alone. */
    SKIP("skip");

    private final String configName;

    StrategyKind(String configName) {
        this.configName = configName;
    }

    /** The name used in the config file, e.g. "append-only". */
    public String configName() {
        return configName;
    }

    public static Optional<StrategyKind> parse(String name) {
        return Arrays.stream(values()).filter(kind -> kind.configName.equals(name)).findFirst();
    }

    public static String allowed() {
        return Arrays.stream(values()).map(StrategyKind::configName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return configName;
    }
}
