package dev.mysqlslice.model;

import dev.mysqlslice.config.TableConfig;
import java.util.List;
import java.util.Optional;

/**
 * A configured table checked against both servers: its config, its shape (same on both sides,
 * key chosen), and for a slice the shapes of every table in it (root first).
 */
public record TablePlan(TableConfig config, TableShape shape, List<TableShape> members) {

    public TablePlan {
        members = List.copyOf(members);
    }

    public static TablePlan of(TableConfig config, TableShape shape) {
        return new TablePlan(config, shape, List.of(shape));
    }

    public String name() {
        return config.name();
    }

    public Optional<TableShape> member(String table) {
        return members.stream().filter(member -> member.name().equals(table)).findFirst();
    }
}
