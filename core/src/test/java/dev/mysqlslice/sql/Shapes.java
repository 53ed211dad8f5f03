package dev.mysqlslice.sql;

import dev.mysqlslice.model.Column;
import dev.mysqlslice.model.ColumnKind;
import dev.mysqlslice.model.TableShape;
import java.util.List;
import java.util.Optional;

/** Table shapes for SQL builder tests. */
final class Shapes {

    private Shapes() {
    }

    static Column column(String name, String type, boolean nullable) {
        String dataType = type.split("[( ]")[0];
        boolean character = dataType.contains("char") || dataType.contains("text") || dataType.equals("enum");
        return new Column(name, type, ColumnKind.of(dataType, type), nullable, false,
                character ? Optional.of(type.contains("latin1") ? "latin1" : "utf8mb4") : Optional.empty(),
                character ? Optional.of("utf8mb4_general_ci") : Optional.empty());
    }

    static Column generated(String name, String type) {
        return new Column(name, type, ColumnKind.of(type, type), true, true, Optional.empty(), Optional.empty());
    }

    /** id BIGINT key, name VARCHAR NOT NULL, f FLOAT NULL, doc JSON NULL, total generated. */
    static TableShape orders() {
        return new TableShape("orders", List.of(
                column("id", "bigint(20)", false),
                column("name", "varchar(64)", false),
                column("f", "float", true),
                column("doc", "json", true),
                generated("total", "int")), List.of("id"), "PRIMARY");
    }

    /** (a INT, b VARCHAR) composite key, v BLOB NULL, legacy latin1 text. */
    static TableShape composite() {
        return new TableShape("pairs", List.of(
                column("a", "int", false),
                column("b", "varchar(10)", false),
                column("v", "blob", true),
                column("legacy", "varchar(5) character set latin1", false)), List.of("a", "b"), "PRIMARY");
    }
}
