package dev.mysqlslice.schema;

import dev.mysqlslice.jdbc.Session;
import dev.mysqlslice.model.Column;
import dev.mysqlslice.model.ColumnKind;
import dev.mysqlslice.model.ForeignKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.inject.Inject;

/** Reads the {@link Catalog} of a session's current database from information_schema. */
public final class SchemaReader {

    static final String COLUMNS_SQL = "SELECT c.TABLE_NAME, c.COLUMN_NAME, c.DATA_TYPE, c.COLUMN_TYPE, c.IS_NULLABLE,"
            + " c.GENERATION_EXPRESSION, c.CHARACTER_SET_NAME, c.COLLATION_NAME, c.EXTRA, t.ENGINE"
            + " FROM information_schema.COLUMNS c JOIN information_schema.TABLES t"
            + " ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME"
            + " WHERE c.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED')"
            + " ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION";
    static final String INDEXES_SQL = "SELECT TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX, COLUMN_NAME, SUB_PART"
            + " FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND NON_UNIQUE = 0"
            + " ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX";
    static final String SKIPPED_SQL = "SELECT CONCAT('view ', TABLE_NAME) FROM information_schema.TABLES"
            + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'VIEW'"
            + " UNION ALL SELECT CONCAT('sequence ', TABLE_NAME) FROM information_schema.TABLES"
            + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'SEQUENCE'"
            + " UNION ALL SELECT CONCAT('trigger ', TRIGGER_NAME) FROM information_schema.TRIGGERS"
            + " WHERE TRIGGER_SCHEMA = DATABASE()"
            + " UNION ALL SELECT CONCAT(LOWER(ROUTINE_TYPE), ' ', ROUTINE_NAME) FROM information_schema.ROUTINES"
            + " WHERE ROUTINE_SCHEMA = DATABASE()"
            + " UNION ALL SELECT CONCAT('event ', EVENT_NAME) FROM information_schema.EVENTS WHERE EVENT_SCHEMA = DATABASE()";

    static final String FOREIGN_KEYS_SQL = "SELECT k.CONSTRAINT_NAME, k.TABLE_NAME, k.COLUMN_NAME,"
            + " k.REFERENCED_TABLE_SCHEMA, k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME, r.UPDATE_RULE, r.DELETE_RULE"
            + " FROM information_schema.KEY_COLUMN_USAGE k JOIN information_schema.REFERENTIAL_CONSTRAINTS r"
            + " ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME"
            + " AND r.TABLE_NAME = k.TABLE_NAME"
            + " WHERE k.TABLE_SCHEMA = DATABASE() AND k.REFERENCED_TABLE_NAME IS NOT NULL"
            + " ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION";

    @Inject
    public SchemaReader() {
    }

    public Catalog read(Session session) {
        Map<String, List<Column>> tables = new TreeMap<>();
        Map<String, String> engines = new LinkedHashMap<>();
        session.query(COLUMNS_SQL, row -> {
            if (row.getString(10) != null) {
                engines.put(row.getString(1), row.getString(10));
            }
            boolean generated = isGenerated(row.getString(6), row.getString(9));
            Column column = new Column(row.getString(2), row.getString(4), ColumnKind.of(row.getString(3), row.getString(4)),
                    "YES".equals(row.getString(5)), generated, Optional.ofNullable(row.getString(7)),
                    Optional.ofNullable(row.getString(8)));
            tables.computeIfAbsent(row.getString(1), name -> new ArrayList<>()).add(column);
            return null;
        }, "reading column definitions");

        Map<String, Map<String, IndexBuilder>> indexes = new LinkedHashMap<>();
        session.query(INDEXES_SQL, row -> {
            IndexBuilder builder = indexes.computeIfAbsent(row.getString(1), table -> new LinkedHashMap<>())
                    .computeIfAbsent(row.getString(2), IndexBuilder::new);
            builder.add(row.getString(4), row.getString(5));
            return null;
        }, "reading unique indexes");
        Map<String, List<IndexInfo>> uniqueIndexes = new TreeMap<>();
        indexes.forEach((table, byName) -> uniqueIndexes.put(table,
                byName.values().stream().map(IndexBuilder::build).toList()));

        List<String> skipped = session.query(SKIPPED_SQL, row -> row.getString(1), "listing views, triggers and routines");
        return new Catalog(tables, uniqueIndexes, skipped, foreignKeys(session), engines);
    }

    /**
     * Whether a column is generated (virtual or stored: computed, never copied), from
     * information_schema.COLUMNS. MySQL 8.0.13+ says {@code DEFAULT_GENERATED} in EXTRA for every
     * column with an expression default or {@code DEFAULT CURRENT_TIMESTAMP}: those are ordinary
     * columns. MySQL's GENERATION_EXPRESSION is '' for ordinary columns, MariaDB's NULL.
     */
    static boolean isGenerated(String generationExpression, String extra) {
        if (generationExpression != null && !generationExpression.isEmpty()) {
            return true;
        }
        String text = extra == null ? "" : extra.toUpperCase(Locale.ROOT);
        return text.contains("VIRTUAL GENERATED") || text.contains("STORED GENERATED") || text.equals("VIRTUAL")
                || text.equals("PERSISTENT") || text.equals("STORED");
    }

    private static List<ForeignKey> foreignKeys(Session session) {
        Map<String, List<String[]>> byConstraint = new LinkedHashMap<>();
        session.query(FOREIGN_KEYS_SQL, row -> {
            byConstraint.computeIfAbsent(row.getString(2) + "." + row.getString(1), key -> new ArrayList<>())
                    .add(new String[] {row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6), row.getString(7), row.getString(8)});
            return null;
        }, "reading foreign keys");
        List<ForeignKey> keys = new ArrayList<>();
        byConstraint.values().forEach(rows -> {
            String[] first = rows.get(0);
            keys.add(new ForeignKey(first[0], first[1], rows.stream().map(row -> row[2]).toList(), first[3], first[4],
                    rows.stream().map(row -> row[5]).toList(), ForeignKey.Rule.of(first[6]), ForeignKey.Rule.of(first[7])));
        });
        return keys;
    }

    private static final class IndexBuilder {
        private final String name;
        private final List<String> columns = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();

        IndexBuilder(String name) {
            this.name = name;
        }

        /** One index part: a column (null for an expression) and its prefix length (null for the whole column). */
        void add(String column, String prefix) {
            if (column == null) {
                problems.add("one of its parts is an expression");
            } else if (prefix != null) {
                problems.add("it covers only the first " + prefix + " characters of " + column
                        + ", so it is not unique on whole values");
            }
            columns.add(column == null ? "(expression)" : prefix == null ? column : column + "(" + prefix + ")");
        }

        IndexInfo build() {
            return new IndexInfo(name, columns, problems.isEmpty(), String.join("; ", problems));
        }
    }
}
